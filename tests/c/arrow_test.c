/* Columns from Arrow through the C ABI, from C, with an Arrow producer
 * written here (no Arrow library): ArrowSchema and ArrowArray structs whose
 * private_data owns malloc'd buffers and whose release callbacks are counted,
 * and an ArrowArrayStream over a list of chunks that can fail at chunk k.
 * Checked against values computed here: every type read (integers, floats,
 * booleans, utf8, large_utf8, dictionaries of text, numbers and times,
 * timestamps in each unit with and without a zone, dates), nulls from
 * validity bitmaps and from struct parents, offsets that are not multiples of
 * 8, record batches by field name, in-place float64, streams (empty chunks,
 * runs across chunk boundaries, a dictionary per chunk, producer errors),
 * that candor never releases what it borrows and releases every schema and
 * chunk it takes exactly once, that the results feed candor_score and
 * candor_text_analyze, and malformed input of every kind as a status with a
 * message. */
#include <candor.h>

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* ------------------------------------------------------------ producer */

/* What one produced struct (schema or array) owns, and how often its release
 * callback ran. Records outlive their structs (freed at the end), so a second
 * release is counted instead of touching freed memory. */
#define MAX_OWNED 24
typedef struct record {
  int releases;
  int n_owned;
  void* owned[MAX_OWNED];
  int64_t n_array_children;
  struct ArrowArray** array_children;
  struct ArrowArray* array_dictionary;
  int64_t n_schema_children;
  struct ArrowSchema** schema_children;
  struct ArrowSchema* schema_dictionary;
} record;

#define MAX_RECORDS 8192
static record* g_records[MAX_RECORDS];
static int g_n_records = 0;

static void* xmalloc(size_t size) {
  void* p = malloc(size == 0 ? 1 : size);
  if (p == NULL) {
    fprintf(stderr, "out of memory\n");
    exit(2);
  }
  return p;
}

static record* new_record(void) {
  record* r = (record*)xmalloc(sizeof(record));
  memset(r, 0, sizeof(*r));
  if (g_n_records == MAX_RECORDS) {
    fprintf(stderr, "too many records\n");
    exit(2);
  }
  g_records[g_n_records++] = r;
  return r;
}

static void* own(record* r, void* p) {
  if (r->n_owned == MAX_OWNED) {
    fprintf(stderr, "a record owns too much\n");
    exit(2);
  }
  r->owned[r->n_owned++] = p;
  return p;
}

static void free_owned(record* r) {
  int i;
  for (i = 0; i < r->n_owned; ++i) free(r->owned[i]);
  r->n_owned = 0;
}

static void release_array(struct ArrowArray* array) {
  record* r = (record*)array->private_data;
  int64_t i;
  if (++r->releases == 1) {
    /* The producer's children and dictionary, as it made them (a test may
     * have changed array->n_children to make it malformed). */
    for (i = 0; i < r->n_array_children; ++i) {
      if (r->array_children[i]->release != NULL) r->array_children[i]->release(r->array_children[i]);
    }
    if (r->array_dictionary != NULL && r->array_dictionary->release != NULL) {
      r->array_dictionary->release(r->array_dictionary);
    }
    free_owned(r);
  }
  array->release = NULL;
}

static void release_schema(struct ArrowSchema* schema) {
  record* r = (record*)schema->private_data;
  int64_t i;
  if (++r->releases == 1) {
    for (i = 0; i < r->n_schema_children; ++i) {
      if (r->schema_children[i]->release != NULL) r->schema_children[i]->release(r->schema_children[i]);
    }
    if (r->schema_dictionary != NULL && r->schema_dictionary->release != NULL) {
      r->schema_dictionary->release(r->schema_dictionary);
    }
    free_owned(r);
  }
  schema->release = NULL;
}

/* Releases what candor did not take and frees the struct itself (which the
 * consumer, here the test, owns). */
static void drop_array(struct ArrowArray* array) {
  if (array == NULL) return;
  if (array->release != NULL) array->release(array);
  free(array);
}

static void drop_schema(struct ArrowSchema* schema) {
  if (schema == NULL) return;
  if (schema->release != NULL) schema->release(schema);
  free(schema);
}

static record* rec_of_array(const struct ArrowArray* a) { return (record*)a->private_data; }
static record* rec_of_schema(const struct ArrowSchema* s) { return (record*)s->private_data; }

/* Records made since `mark` with 0, 1 and more than 1 releases. */
static void count_releases(int mark, int* zero, int* once, int* more) {
  int i;
  *zero = *once = *more = 0;
  for (i = mark; i < g_n_records; ++i) {
    if (g_records[i]->releases == 0) ++*zero;
    else if (g_records[i]->releases == 1) ++*once;
    else ++*more;
  }
}

static int none_released_in(int from, int to) {
  int i;
  for (i = from; i < to; ++i) {
    if (g_records[i]->releases != 0) return 0;
  }
  return 1;
}

static int none_released_since(int mark) { return none_released_in(mark, g_n_records); }

static int all_released_once_since(int mark) {
  int zero, once, more;
  count_releases(mark, &zero, &once, &more);
  return zero == 0 && more == 0 && once == g_n_records - mark;
}

static char* copy_string(record* r, const char* s) {
  size_t n = strlen(s);
  char* c = (char*)own(r, xmalloc(n + 1));
  memcpy(c, s, n + 1);
  return c;
}

/* A schema of `format` named `name` (NULL: none). */
static struct ArrowSchema* schema_new(const char* format, const char* name) {
  struct ArrowSchema* s = (struct ArrowSchema*)xmalloc(sizeof(*s));
  record* r = new_record();
  memset(s, 0, sizeof(*s));
  s->format = copy_string(r, format);
  s->name = name == NULL ? NULL : copy_string(r, name);
  s->flags = ARROW_FLAG_NULLABLE;
  s->release = release_schema;
  s->private_data = r;
  return s;
}

/* A dictionary-encoded schema: indices of `index_format`, values `values`
 * (taken over). */
static struct ArrowSchema* dict_schema(const char* index_format, const char* name,
                                       struct ArrowSchema* values) {
  struct ArrowSchema* s = schema_new(index_format, name);
  record* r = rec_of_schema(s);
  s->dictionary = values;
  r->schema_dictionary = values;
  own(r, values);
  return s;
}

/* A struct ("+s") schema over n children (taken over). */
static struct ArrowSchema* struct_schema(int64_t n, struct ArrowSchema** children) {
  struct ArrowSchema* s = schema_new("+s", NULL);
  record* r = rec_of_schema(s);
  int64_t i;
  s->flags = 0;
  s->n_children = n;
  s->children = (struct ArrowSchema**)own(r, xmalloc((size_t)n * sizeof(*s->children)));
  for (i = 0; i < n; ++i) {
    s->children[i] = children[i];
    own(r, children[i]);
  }
  r->n_schema_children = n;
  r->schema_children = s->children;
  return s;
}

static struct ArrowArray* array_new(int64_t length, int64_t offset, int64_t n_buffers) {
  struct ArrowArray* a = (struct ArrowArray*)xmalloc(sizeof(*a));
  record* r = new_record();
  memset(a, 0, sizeof(*a));
  a->length = length;
  a->offset = offset;
  a->n_buffers = n_buffers;
  a->buffers = (const void**)own(r, xmalloc((size_t)(n_buffers > 0 ? n_buffers : 1) *
                                            sizeof(void*)));
  memset((void*)a->buffers, 0, (size_t)(n_buffers > 0 ? n_buffers : 1) * sizeof(void*));
  a->release = release_array;
  a->private_data = r;
  return a;
}

/* A bitmap (LSB first) of offset + length bits: bits[i] at offset + i, junk
 * (alternating) before the offset and after the end. */
static uint8_t* bitmap_new(record* r, const int* bits, int64_t length, int64_t offset) {
  size_t bytes = (size_t)((offset + length + 7) / 8) + 1;
  uint8_t* m = (uint8_t*)own(r, xmalloc(bytes));
  int64_t i;
  memset(m, 0, bytes);
  for (i = 0; i < (int64_t)bytes * 8; ++i) {
    int bit = (i < offset || i >= offset + length) ? (int)(i % 2) : (bits[i - offset] != 0);
    if (bit) m[i / 8] |= (uint8_t)(1u << (i % 8));
  }
  return m;
}

/* Sets buffers[0] and null_count from valid[] (NULL: all valid, no bitmap). */
static void set_validity(struct ArrowArray* a, const int* valid) {
  int64_t i, nulls = 0;
  if (valid == NULL) {
    a->buffers[0] = NULL;
    a->null_count = 0;
    return;
  }
  for (i = 0; i < a->length; ++i) nulls += valid[i] == 0;
  a->buffers[0] = bitmap_new(rec_of_array(a), valid, a->length, a->offset);
  a->null_count = nulls;
}

/* A fixed-width array: `length` values of `width` bytes after `offset` junk
 * ones. */
static struct ArrowArray* fixed_array(const void* values, size_t width, int64_t length,
                                      int64_t offset, const int* valid) {
  struct ArrowArray* a = array_new(length, offset, 2);
  uint8_t* data = (uint8_t*)own(rec_of_array(a), xmalloc((size_t)(offset + length) * width));
  memset(data, 0x5A, (size_t)offset * width);
  memcpy(data + (size_t)offset * width, values, (size_t)length * width);
  a->buffers[1] = data;
  set_validity(a, valid);
  return a;
}

/* A boolean array: bit-packed values. */
static struct ArrowArray* bool_array(const int* bits, int64_t length, int64_t offset,
                                     const int* valid) {
  struct ArrowArray* a = array_new(length, offset, 2);
  a->buffers[1] = bitmap_new(rec_of_array(a), bits, length, offset);
  set_validity(a, valid);
  return a;
}

/* A utf8 (large: large_utf8) array of s[] (NULL: a null row, whose slot
 * holds "NULL" so that reading it would show), after `offset` junk rows. */
static struct ArrowArray* utf8_array(const char* const* s, int64_t length, int64_t offset,
                                     int large) {
  struct ArrowArray* a = array_new(length, offset, 3);
  record* r = rec_of_array(a);
  size_t total = (size_t)offset * 3, pos = 0;
  int64_t i, nulls = 0;
  int* valid = (int*)xmalloc((size_t)(length > 0 ? length : 1) * sizeof(int));
  char* data;
  for (i = 0; i < length; ++i) total += s[i] == NULL ? 4 : strlen(s[i]);
  data = (char*)own(r, xmalloc(total));
  if (large) {
    int64_t* offs = (int64_t*)own(r, xmalloc((size_t)(offset + length + 1) * sizeof(int64_t)));
    offs[0] = 0;
    for (i = 0; i < offset; ++i) {
      memcpy(data + pos, "JJJ", 3);
      pos += 3;
      offs[i + 1] = (int64_t)pos;
    }
    for (i = 0; i < length; ++i) {
      const char* t = s[i] == NULL ? "NULL" : s[i];
      memcpy(data + pos, t, strlen(t));
      pos += strlen(t);
      offs[offset + i + 1] = (int64_t)pos;
    }
    a->buffers[1] = offs;
  } else {
    int32_t* offs = (int32_t*)own(r, xmalloc((size_t)(offset + length + 1) * sizeof(int32_t)));
    offs[0] = 0;
    for (i = 0; i < offset; ++i) {
      memcpy(data + pos, "JJJ", 3);
      pos += 3;
      offs[i + 1] = (int32_t)pos;
    }
    for (i = 0; i < length; ++i) {
      const char* t = s[i] == NULL ? "NULL" : s[i];
      memcpy(data + pos, t, strlen(t));
      pos += strlen(t);
      offs[offset + i + 1] = (int32_t)pos;
    }
    a->buffers[1] = offs;
  }
  a->buffers[2] = data;
  for (i = 0; i < length; ++i) {
    valid[i] = s[i] != NULL;
    nulls += s[i] == NULL;
  }
  set_validity(a, nulls > 0 ? valid : NULL);
  free(valid);
  return a;
}

/* Where row i of a utf8 array made by utf8_array starts, and its size. */
static const char* utf8_at(const struct ArrowArray* a, int64_t i, int large, size_t* size) {
  const char* data = (const char*)a->buffers[2];
  int64_t begin, end;
  if (large) {
    const int64_t* offs = (const int64_t*)a->buffers[1];
    begin = offs[a->offset + i];
    end = offs[a->offset + i + 1];
  } else {
    const int32_t* offs = (const int32_t*)a->buffers[1];
    begin = offs[a->offset + i];
    end = offs[a->offset + i + 1];
  }
  *size = (size_t)(end - begin);
  return data + begin;
}

/* A dictionary-encoded array: indices idx[] stored in `width` bytes (signed
 * or unsigned alike, as they are written little-endian), values `dictionary`
 * (taken over). */
static struct ArrowArray* dict_array(const int64_t* idx, int width, int64_t length,
                                     int64_t offset, const int* valid,
                                     struct ArrowArray* dictionary) {
  struct ArrowArray* a;
  uint8_t* buffer = (uint8_t*)xmalloc((size_t)(length > 0 ? length : 1) * (size_t)width);
  int64_t i;
  for (i = 0; i < length; ++i) {
    if (width == 1) {
      int8_t v = (int8_t)idx[i];
      memcpy(buffer + i, &v, 1);
    } else if (width == 2) {
      int16_t v = (int16_t)idx[i];
      memcpy(buffer + 2 * i, &v, 2);
    } else if (width == 4) {
      int32_t v = (int32_t)idx[i];
      memcpy(buffer + 4 * i, &v, 4);
    } else {
      memcpy(buffer + 8 * i, &idx[i], 8);
    }
  }
  a = fixed_array(buffer, (size_t)width, length, offset, valid);
  free(buffer);
  a->dictionary = dictionary;
  rec_of_array(a)->array_dictionary = dictionary;
  own(rec_of_array(a), dictionary);
  return a;
}

/* A struct array ("+s") over n children (taken over). */
static struct ArrowArray* struct_array(int64_t length, int64_t offset, const int* valid,
                                       int64_t n, struct ArrowArray** children) {
  struct ArrowArray* a = array_new(length, offset, 1);
  record* r = rec_of_array(a);
  int64_t i;
  a->n_children = n;
  a->children = (struct ArrowArray**)own(r, xmalloc((size_t)(n > 0 ? n : 1) * sizeof(void*)));
  for (i = 0; i < n; ++i) {
    a->children[i] = children[i];
    own(r, children[i]);
  }
  r->n_array_children = n;
  r->array_children = a->children;
  set_validity(a, valid);
  return a;
}

/* ------------------------------------------------------------- stream */

#define MAX_CHUNKS 16
typedef struct producer {
  struct ArrowSchema* (*make_schema)(void); /* one fresh schema per get_schema */
  struct ArrowArray* chunks[MAX_CHUNKS];
  int n_chunks;
  int next;
  int fail_at;     /* get_next for chunk fail_at fails with EIO; -1: never */
  int fail_schema; /* get_schema fails with EIO */
  int schemas_given;
  int next_calls;
  int calls_after_end;
  int ended;
  int stream_releases;
  char error[128];
} producer;

static int stream_get_schema(struct ArrowArrayStream* stream, struct ArrowSchema* out) {
  producer* p = (producer*)stream->private_data;
  struct ArrowSchema* s;
  if (p->fail_schema) {
    snprintf(p->error, sizeof(p->error), "schema lost: the disk is on fire");
    return EIO;
  }
  s = p->make_schema();
  *out = *s; /* moved: the record goes with it */
  free(s);
  ++p->schemas_given;
  return 0;
}

static int stream_get_next(struct ArrowArrayStream* stream, struct ArrowArray* out) {
  producer* p = (producer*)stream->private_data;
  ++p->next_calls;
  if (p->ended) ++p->calls_after_end;
  if (p->next == p->fail_at) {
    snprintf(p->error, sizeof(p->error), "chunk %d unreadable: the disk is on fire", p->next);
    return EIO;
  }
  if (p->next == p->n_chunks) {
    memset(out, 0, sizeof(*out));
    out->release = NULL; /* the end */
    p->ended = 1;
    return 0;
  }
  *out = *p->chunks[p->next];
  free(p->chunks[p->next]);
  p->chunks[p->next] = NULL;
  ++p->next;
  return 0;
}

static const char* stream_last_error(struct ArrowArrayStream* stream) {
  producer* p = (producer*)stream->private_data;
  return p->error[0] == '\0' ? NULL : p->error;
}

static void stream_release(struct ArrowArrayStream* stream) {
  producer* p = (producer*)stream->private_data;
  int i;
  ++p->stream_releases;
  for (i = 0; i < p->n_chunks; ++i) {
    drop_array(p->chunks[i]);
    p->chunks[i] = NULL;
  }
  stream->release = NULL;
}

static void stream_start(struct ArrowArrayStream* stream, producer* p,
                         struct ArrowSchema* (*make_schema)(void)) {
  memset(p, 0, sizeof(*p));
  p->make_schema = make_schema;
  p->fail_at = -1;
  stream->get_schema = stream_get_schema;
  stream->get_next = stream_get_next;
  stream->get_last_error = stream_last_error;
  stream->release = stream_release;
  stream->private_data = p;
}

static void stream_add(producer* p, struct ArrowArray* chunk) { p->chunks[p->n_chunks++] = chunk; }

/* ------------------------------------------------------------- helpers */

/* The last error is non-empty and contains `words` (ASCII, any case), or
 * one of its alternatives separated by '|' ("validity|bitmap"). */
static int error_has(const char* words) {
  const char* m = candor_last_error();
  const char* word = words;
  if (m == NULL || m[0] == '\0') return 0;
  while (*word != '\0') {
    const char* bar = strchr(word, '|');
    size_t n = bar == NULL ? strlen(word) : (size_t)(bar - word), i, j;
    for (i = 0; m[i] != '\0'; ++i) {
      for (j = 0; j < n && m[i + j] != '\0'; ++j) {
        if (tolower((unsigned char)m[i + j]) != tolower((unsigned char)word[j])) break;
      }
      if (j == n) return 1;
    }
    if (bar == NULL) break;
    word = bar + 1;
  }
  return 0;
}

static int same_double(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

static int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

/* Codes in order of first appearance of labels (NULL: a null), computed
 * here; returns the number of levels. */
static size_t first_appearance(const char* const* labels, size_t n, int32_t* codes,
                               const char** levels) {
  size_t count = 0, i, j;
  for (i = 0; i < n; ++i) {
    if (labels[i] == NULL) {
      codes[i] = -1;
      continue;
    }
    for (j = 0; j < count; ++j) {
      if (strcmp(levels[j], labels[i]) == 0) break;
    }
    if (j == count) levels[count++] = labels[i];
    codes[i] = (int32_t)j;
  }
  return count;
}

/* A text column's codes, labels and texts against labels[] (NULL: null). */
static void check_text_column(const candor_column* column, const char* const* labels, size_t n) {
  int32_t expected[64];
  const char* levels[64];
  size_t expected_levels = first_appearance(labels, n, expected, levels);
  const int32_t* codes = NULL;
  const int32_t* again = NULL;
  size_t n_levels = 0, i, length = 0;
  const char* const* texts = NULL;
  const size_t* sizes = NULL;
  const char* label = NULL;
  CHECK(candor_column_codes(column, &codes, &n_levels) == CANDOR_OK);
  CHECK(n_levels == expected_levels);
  CHECK(codes != NULL);
  for (i = 0; codes != NULL && i < n; ++i) CHECK(codes[i] == expected[i]);
  /* Made once: a second call gives the same array. */
  CHECK(candor_column_codes(column, &again, &n_levels) == CANDOR_OK);
  CHECK(again == codes);
  for (i = 0; i < expected_levels; ++i) {
    CHECK(candor_column_label(column, (int32_t)i, &label, &length) == CANDOR_OK);
    CHECK(label != NULL && strcmp(label, levels[i]) == 0 && length == strlen(levels[i]));
  }
  CHECK(candor_column_label(column, (int32_t)expected_levels, &label, NULL) != CANDOR_OK);
  CHECK(candor_last_error()[0] != '\0');
  CHECK(candor_column_label(column, -1, &label, NULL) != CANDOR_OK);
  CHECK(candor_column_texts(column, &texts, &sizes) == CANDOR_OK);
  for (i = 0; texts != NULL && sizes != NULL && i < n; ++i) {
    if (labels[i] == NULL) {
      CHECK(sizes[i] == 0);
    } else {
      CHECK(sizes[i] == strlen(labels[i]) && memcmp(texts[i], labels[i], sizes[i]) == 0);
    }
  }
}

/* candor_column_describe into a cleared struct. */
static candor_status describe(const candor_column* column, candor_column_info* info) {
  memset(info, 0, sizeof(*info));
  return candor_column_describe(column, info);
}

static void check_info(const candor_column* column, candor_column_kind kind, size_t rows,
                       size_t nulls, size_t chunks, const char* format) {
  candor_column_info info;
  if (candor_column_describe(column, &info) != CANDOR_OK) {
    CHECK(!"candor_column_describe");
    return;
  }
  CHECK(info.kind == kind);
  CHECK(info.rows == rows);
  CHECK(info.nulls == nulls);
  CHECK(info.chunks == chunks);
  CHECK(info.format != NULL && strcmp(info.format, format) == 0);
  CHECK(info.time_zone != NULL);
  CHECK(info.in_place == 0 || info.in_place == 1);
}

/* Reads a numbers array alone and checks every value, the info and that
 * candor released nothing; frees both structs. */
static void check_numbers(struct ArrowSchema* schema, struct ArrowArray* array,
                          const double* expected, size_t n, size_t nulls) {
  candor_column* column = NULL;
  const double* values = NULL;
  size_t i;
  int all_same = 1;
  CHECK(candor_column_from_arrow(schema, array, NULL, &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_NUMBERS, n, nulls, 1, schema->format);
  CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
  for (i = 0; values != NULL && i < n; ++i) {
    if (!same_double(values[i], expected[i])) {
      all_same = 0;
      fprintf(stderr, "  %s row %zu: got %.17g, expected %.17g\n", schema->format, i, values[i],
              expected[i]);
    }
  }
  CHECK(values != NULL && all_same);
  candor_column_free(column);
  CHECK(schema->release != NULL && array->release != NULL);
  CHECK(rec_of_schema(schema)->releases == 0 && rec_of_array(array)->releases == 0);
  drop_schema(schema);
  drop_array(array);
}

/* ------------------------------------------------------------- numbers */

static void test_integers(void) {
  static const int valid5[] = {1, 1, 1, 0, 1};
  {
    int8_t v[] = {-128, 127, 0, 99, -1};
    double e[] = {-128, 127, 0, NAN, -1};
    check_numbers(schema_new("c", "x"), fixed_array(v, 1, 5, 3, valid5), e, 5, 1);
  }
  {
    int16_t v[] = {-32768, 32767, 7, 99, -2};
    double e[] = {-32768, 32767, 7, NAN, -2};
    check_numbers(schema_new("s", "x"), fixed_array(v, 2, 5, 1, valid5), e, 5, 1);
  }
  {
    int32_t v[] = {INT32_MIN, INT32_MAX, -7, 99, 3};
    double e[] = {(double)INT32_MIN, (double)INT32_MAX, -7, NAN, 3};
    check_numbers(schema_new("i", "x"), fixed_array(v, 4, 5, 9, valid5), e, 5, 1);
  }
  {
    int64_t v[] = {INT64_MIN, INT64_MAX, ((int64_t)1 << 53) + 1, 99, -2};
    double e[] = {(double)INT64_MIN, (double)INT64_MAX, (double)(((int64_t)1 << 53) + 1), NAN, -2};
    check_numbers(schema_new("l", "x"), fixed_array(v, 8, 5, 0, valid5), e, 5, 1);
  }
  {
    uint8_t v[] = {0, 255, 1, 99, 128};
    double e[] = {0, 255, 1, NAN, 128};
    check_numbers(schema_new("C", "x"), fixed_array(v, 1, 5, 7, valid5), e, 5, 1);
  }
  {
    uint16_t v[] = {0, 65535, 1, 99, 32768};
    double e[] = {0, 65535, 1, NAN, 32768};
    check_numbers(schema_new("S", "x"), fixed_array(v, 2, 5, 2, valid5), e, 5, 1);
  }
  {
    uint32_t v[] = {0, UINT32_MAX, 1, 99, 2147483648u};
    double e[] = {0, (double)UINT32_MAX, 1, NAN, 2147483648.0};
    check_numbers(schema_new("I", "x"), fixed_array(v, 4, 5, 5, valid5), e, 5, 1);
  }
  {
    uint64_t v[] = {0, UINT64_MAX, ((uint64_t)1 << 63), 99, ((uint64_t)1 << 53) + 1};
    double e[] = {0, (double)UINT64_MAX, 9223372036854775808.0, NAN,
                  (double)(((uint64_t)1 << 53) + 1)};
    check_numbers(schema_new("L", "x"), fixed_array(v, 8, 5, 11, valid5), e, 5, 1);
  }
  /* No validity bitmap at all. */
  {
    int32_t v[] = {1, 2, 3};
    double e[] = {1, 2, 3};
    check_numbers(schema_new("i", NULL), fixed_array(v, 4, 3, 0, NULL), e, 3, 0);
  }
}

static void test_floats(void) {
  static const int valid[] = {1, 1, 0, 1, 1, 1};
  {
    float v[] = {0.1f, -1.5f, 7.0f, FLT_MAX, -INFINITY, FLT_MIN};
    double e[] = {(double)0.1f, -1.5, NAN, (double)FLT_MAX, -INFINITY, (double)FLT_MIN};
    check_numbers(schema_new("f", "x"), fixed_array(v, 4, 6, 3, valid), e, 6, 1);
  }
  {
    double v[] = {0.1, -0.0, 7.0, DBL_MAX, INFINITY, DBL_MIN};
    double e[] = {0.1, -0.0, NAN, DBL_MAX, INFINITY, DBL_MIN};
    check_numbers(schema_new("g", "x"), fixed_array(v, 8, 6, 5, valid), e, 6, 1);
  }
}

static void test_booleans(void) {
  static const int bits[] = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1};
  static const int valid[] = {1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1};
  int64_t offsets[] = {0, 5, 13};
  size_t k, i;
  for (k = 0; k < 3; ++k) {
    double e[12];
    for (i = 0; i < 12; ++i) e[i] = valid[i] ? (double)bits[i] : NAN;
    check_numbers(schema_new("b", "flag"), bool_array(bits, 12, offsets[k], valid), e, 12, 2);
  }
  {
    double e[12];
    for (i = 0; i < 12; ++i) e[i] = (double)bits[i];
    check_numbers(schema_new("b", "flag"), bool_array(bits, 12, 3, NULL), e, 12, 0);
  }
}

/* ------------------------------------------------------------ nulls */

static void test_null_counts(void) {
  static const int none_valid[] = {0, 0, 0, 0, 0, 0};
  static const int valid[] = {1, 0, 1, 1, 0, 1};
  double v[] = {1, 2, 3, 4, 5, 6};
  /* null_count 0 with a validity buffer of garbage (every bit "null"): the
   * buffer is not read. */
  {
    struct ArrowArray* a = fixed_array(v, 8, 6, 3, none_valid);
    double e[] = {1, 2, 3, 4, 5, 6};
    CHECK(a->buffers[0] != NULL);
    a->null_count = 0;
    check_numbers(schema_new("g", NULL), a, e, 6, 0);
  }
  /* null_count -1: not yet computed, so computed from the bitmap. */
  {
    struct ArrowArray* a = fixed_array(v, 8, 6, 3, valid);
    double e[] = {1, NAN, 3, 4, NAN, 6};
    a->null_count = -1;
    check_numbers(schema_new("g", NULL), a, e, 6, 2);
  }
  {
    int16_t w[] = {1, 2, 3, 4, 5, 6};
    struct ArrowArray* a = fixed_array(w, 2, 6, 6, valid);
    double e[] = {1, NAN, 3, 4, NAN, 6};
    a->null_count = -1;
    check_numbers(schema_new("s", NULL), a, e, 6, 2);
  }
  /* null_count -1 without a bitmap: no nulls. */
  {
    struct ArrowArray* a = fixed_array(v, 8, 6, 0, NULL);
    double e[] = {1, 2, 3, 4, 5, 6};
    a->null_count = -1;
    check_numbers(schema_new("g", NULL), a, e, 6, 0);
  }
  /* Text: null_count -1 and 0-with-garbage. */
  {
    const char* s[] = {"a", NULL, "b", "a"};
    const char* labels[] = {"a", NULL, "b", "a"};
    struct ArrowSchema* schema = schema_new("u", NULL);
    struct ArrowArray* a = utf8_array(s, 4, 5, 0);
    candor_column* column = NULL;
    a->null_count = -1;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_TEXT, 4, 1, 1, "u");
    check_text_column(column, labels, 4);
    candor_column_free(column);
    drop_schema(schema);
    drop_array(a);
  }
  {
    const char* s[] = {"a", "b", "b"};
    struct ArrowSchema* schema = schema_new("u", NULL);
    struct ArrowArray* a = utf8_array(s, 3, 2, 0);
    static const int zero[] = {0, 0, 0};
    candor_column* column = NULL;
    set_validity(a, zero);
    a->null_count = 0;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_TEXT, 3, 0, 1, "u");
    check_text_column(column, s, 3);
    candor_column_free(column);
    drop_schema(schema);
    drop_array(a);
  }
}

/* ------------------------------------------------------------- in place */

static void test_in_place(void) {
  double v[] = {9, 10, 0, 6, 8};
  candor_column* column = NULL;
  candor_column_info info;
  const double* values = NULL;
  /* float64 without nulls: the producer's own buffer, at the offset. */
  {
    struct ArrowSchema* s = schema_new("g", "score");
    struct ArrowArray* a = fixed_array(v, 8, 5, 3, NULL);
    CHECK(candor_column_from_arrow(s, a, NULL, &column) == CANDOR_OK);
    CHECK(describe(column, &info) == CANDOR_OK);
    CHECK(info.in_place == 1);
    CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
    CHECK(values == (const double*)a->buffers[1] + 3);
    candor_column_free(column);
    CHECK(rec_of_array(a)->releases == 0);
    drop_schema(s);
    drop_array(a);
  }
  /* A bitmap but null_count 0: still no nulls, still in place. */
  {
    static const int zero[] = {0, 0, 0, 0, 0};
    struct ArrowSchema* s = schema_new("g", "score");
    struct ArrowArray* a = fixed_array(v, 8, 5, 1, zero);
    a->null_count = 0;
    CHECK(candor_column_from_arrow(s, a, NULL, &column) == CANDOR_OK);
    CHECK(describe(column, &info) == CANDOR_OK);
    CHECK(info.in_place == 1);
    CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
    CHECK(values == (const double*)a->buffers[1] + 1);
    candor_column_free(column);
    drop_schema(s);
    drop_array(a);
  }
  /* With nulls: a copy with NaN, and the producer's buffer untouched. */
  {
    static const int valid[] = {1, 0, 1, 1, 1};
    struct ArrowSchema* s = schema_new("g", "score");
    struct ArrowArray* a = fixed_array(v, 8, 5, 2, valid);
    const double* buffer = (const double*)a->buffers[1] + 2;
    CHECK(candor_column_from_arrow(s, a, NULL, &column) == CANDOR_OK);
    CHECK(describe(column, &info) == CANDOR_OK);
    CHECK(info.in_place == 0);
    CHECK(info.nulls == 1);
    CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
    CHECK(values != NULL && values != buffer);
    CHECK(values != NULL && isnan(values[1]) && values[0] == 9 && values[4] == 8);
    CHECK(buffer[1] == 10); /* not overwritten */
    candor_column_free(column);
    drop_schema(s);
    drop_array(a);
  }
  /* Another number type: copied; as int8 only integers within int8. */
  {
    float f[] = {1, 2};
    int16_t wide[] = {10, 300};
    const int8_t* small = NULL;
    struct ArrowSchema* s = schema_new("f", "score");
    struct ArrowArray* a = fixed_array(f, 4, 2, 0, NULL);
    struct ArrowSchema* s16 = schema_new("s", "score");
    struct ArrowArray* a16 = fixed_array(wide, 2, 2, 0, NULL);
    CHECK(candor_column_from_arrow(s, a, NULL, &column) == CANDOR_OK);
    CHECK(describe(column, &info) == CANDOR_OK);
    CHECK(info.in_place == 0);
    CHECK(candor_column_int8(column, &small) == CANDOR_UNSUPPORTED);
    CHECK(error_has("int8"));
    candor_column_free(column);
    CHECK(candor_column_from_arrow(s16, a16, NULL, &column) == CANDOR_OK);
    CHECK(candor_column_int8(column, &small) == CANDOR_UNSUPPORTED);
    CHECK(error_has("row 1"));
    candor_column_free(column);
    a16->length = 1; /* only the 10 */
    CHECK(candor_column_from_arrow(s16, a16, NULL, &column) == CANDOR_OK);
    CHECK(candor_column_int8(column, &small) == CANDOR_OK);
    CHECK(small != NULL && small[0] == 10);
    drop_schema(s16);
    drop_array(a16);
    candor_column_free(column);
    drop_schema(s);
    drop_array(a);
  }
}

/* ---------------------------------------------------------------- text */

static void test_utf8(void) {
  const char* s[] = {"good", "très bien", NULL, "good", "bad", "bad", NULL, "très bien", "日本"};
  int large;
  for (large = 0; large <= 1; ++large) {
    int64_t offset = large ? 9 : 3;
    struct ArrowSchema* schema = schema_new(large ? "U" : "u", "comment");
    struct ArrowArray* a = utf8_array(s, 9, offset, large);
    int mark = g_n_records - 2;
    candor_column* column = NULL;
    const char* const* texts = NULL;
    const size_t* sizes = NULL;
    int64_t i;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_TEXT, 9, 2, 1, large ? "U" : "u");
    /* Texts point into the producer's data buffer, not at a copy. */
    CHECK(candor_column_texts(column, &texts, &sizes) == CANDOR_OK);
    for (i = 0; texts != NULL && i < 9; ++i) {
      size_t size = 0;
      const char* at = utf8_at(a, i, large, &size);
      if (s[i] == NULL) {
        CHECK(sizes[i] == 0);
      } else {
        CHECK(texts[i] == at && sizes[i] == size);
      }
    }
    check_text_column(column, s, 9);
    candor_column_free(column);
    CHECK(none_released_since(mark));
    drop_schema(schema);
    drop_array(a);
    CHECK(all_released_once_since(mark));
  }
  /* An empty array. */
  {
    struct ArrowSchema* schema = schema_new("u", "comment");
    struct ArrowArray* a = utf8_array(s, 0, 0, 0);
    candor_column* column = NULL;
    const int32_t* codes = NULL;
    size_t levels = 99;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_TEXT, 0, 0, 1, "u");
    CHECK(candor_column_codes(column, &codes, &levels) == CANDOR_OK);
    CHECK(levels == 0);
    candor_column_free(column);
    drop_schema(schema);
    drop_array(a);
  }
}

/* --------------------------------------------------------- dictionaries */

static void test_dictionaries(void) {
  /* int8 indices into utf8 values with an unused value ("unused") and a
   * repeated one ("b" at 1 and 3); the dictionary is itself a slice
   * (offset 2) and the indices too (offset 3); a null row's index (99) is
   * out of range and must not be read. */
  {
    const char* values[] = {"unused", "b", "a", "b"};
    int64_t idx[] = {3, 2, 1, 99, 2, 3, 1};
    static const int valid[] = {1, 1, 1, 0, 1, 1, 1};
    const char* labels[] = {"b", "a", "b", NULL, "a", "b", "b"};
    struct ArrowArray* dictionary = utf8_array(values, 4, 2, 0);
    struct ArrowArray* a = dict_array(idx, 1, 7, 3, valid, dictionary);
    struct ArrowSchema* schema = dict_schema("c", "plan", schema_new("u", NULL));
    candor_column* column = NULL;
    const char* const* texts = NULL;
    const size_t* sizes = NULL;
    int mark = g_n_records - 4;
    int64_t i;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_TEXT, 7, 1, 1, "u");
    check_text_column(column, labels, 7);
    /* Texts point into the dictionary's data buffer. */
    CHECK(candor_column_texts(column, &texts, &sizes) == CANDOR_OK);
    for (i = 0; texts != NULL && i < 7; ++i) {
      size_t size = 0;
      if (!valid[i]) continue;
      CHECK(texts[i] == utf8_at(dictionary, idx[i], 0, &size) && sizes[i] == size);
    }
    candor_column_free(column);
    CHECK(none_released_since(mark));
    drop_schema(schema);
    drop_array(a);
    CHECK(all_released_once_since(mark));
  }
  /* int32 indices, large_utf8 values with a null value: a row pointing at
   * it is a null. */
  {
    const char* values[] = {"x", NULL, "y", "x"};
    int64_t idx[] = {0, 1, 2, 3, 0, 2, 1};
    const char* labels[] = {"x", NULL, "y", "x", "x", "y", NULL};
    struct ArrowArray* dictionary = utf8_array(values, 4, 1, 1);
    struct ArrowArray* a = dict_array(idx, 4, 7, 5, NULL, dictionary);
    struct ArrowSchema* schema = dict_schema("i", "plan", schema_new("U", NULL));
    candor_column* column = NULL;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_TEXT, 7, 2, 1, "U");
    check_text_column(column, labels, 7);
    candor_column_free(column);
    drop_schema(schema);
    drop_array(a);
  }
  /* int64 and uint16 indices. */
  {
    const char* values[] = {"p", "q"};
    int64_t idx[] = {1, 1, 0};
    const char* labels[] = {"q", "q", "p"};
    const char* formats[] = {"l", "S"};
    int widths[] = {8, 2};
    int k;
    for (k = 0; k < 2; ++k) {
      struct ArrowArray* a = dict_array(idx, widths[k], 3, 1, NULL, utf8_array(values, 2, 0, 0));
      struct ArrowSchema* schema = dict_schema(formats[k], "plan", schema_new("u", NULL));
      candor_column* column = NULL;
      CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
      check_info(column, CANDOR_COLUMN_TEXT, 3, 0, 1, "u");
      check_text_column(column, labels, 3);
      candor_column_free(column);
      drop_schema(schema);
      drop_array(a);
    }
  }
  /* A dictionary of numbers (int16 indices into float64). */
  {
    double values[] = {10.5, 20, 30};
    int64_t idx[] = {2, 0, 2, 1, 7};
    static const int valid[] = {1, 1, 1, 1, 0};
    double e[] = {30, 10.5, 30, 20, NAN};
    struct ArrowArray* a = dict_array(idx, 2, 5, 2, valid, fixed_array(values, 8, 3, 0, NULL));
    struct ArrowSchema* schema = dict_schema("s", "arr", schema_new("g", NULL));
    candor_column* column = NULL;
    const double* got = NULL;
    size_t i;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_NUMBERS, 5, 1, 1, "g");
    CHECK(candor_column_numbers(column, &got) == CANDOR_OK);
    for (i = 0; got != NULL && i < 5; ++i) CHECK(same_double(got[i], e[i]));
    candor_column_free(column);
    drop_schema(schema);
    drop_array(a);
  }
  /* A null among a dictionary's numbers, and a time dictionary's: rows
   * pointing at them are nulls. */
  {
    double values[] = {1.5, 99, 3};
    static const int vvalid[] = {1, 0, 1};
    int64_t idx[] = {1, 0, 2, 1};
    struct ArrowArray* a = dict_array(idx, 1, 4, 0, NULL, fixed_array(values, 8, 3, 2, vvalid));
    struct ArrowSchema* schema = dict_schema("c", "arr", schema_new("g", NULL));
    candor_column* column = NULL;
    const double* got = NULL;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_NUMBERS, 4, 2, 1, "g");
    CHECK(candor_column_numbers(column, &got) == CANDOR_OK);
    CHECK(got != NULL && isnan(got[0]) && got[1] == 1.5 && got[2] == 3 && isnan(got[3]));
    candor_column_free(column);
    drop_schema(schema);
    drop_array(a);
  }
  {
    int64_t values[] = {7, 99};
    static const int vvalid[] = {1, 0};
    int64_t idx[] = {1, 0};
    struct ArrowArray* a = dict_array(idx, 4, 2, 1, NULL, fixed_array(values, 8, 2, 0, vvalid));
    struct ArrowSchema* schema = dict_schema("i", "when", schema_new("tss:", NULL));
    candor_column* column = NULL;
    const int64_t* got = NULL;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_TIMES, 2, 1, 1, "tss:");
    CHECK(candor_column_times(column, &got) == CANDOR_OK);
    CHECK(got != NULL && got[0] == INT64_MIN && got[1] == 7);
    candor_column_free(column);
    drop_schema(schema);
    drop_array(a);
  }
  /* A dictionary of timestamps (uint8 indices). */
  {
    int64_t values[] = {-1500, 1500, 86400000};
    int64_t idx[] = {2, 0, 1};
    int64_t e[] = {86400, -2, 1};
    struct ArrowArray* a = dict_array(idx, 1, 3, 0, NULL, fixed_array(values, 8, 3, 0, NULL));
    struct ArrowSchema* schema = dict_schema("C", "when", schema_new("tsm:UTC", NULL));
    candor_column* column = NULL;
    const int64_t* got = NULL;
    candor_column_info info;
    size_t i;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_TIMES, 3, 0, 1, "tsm:UTC");
    CHECK(describe(column, &info) == CANDOR_OK);
    CHECK(info.time_zone != NULL && strcmp(info.time_zone, "UTC") == 0);
    CHECK(candor_column_times(column, &got) == CANDOR_OK);
    for (i = 0; got != NULL && i < 3; ++i) CHECK(got[i] == e[i]);
    candor_column_free(column);
    drop_schema(schema);
    drop_array(a);
  }
}

/* Codes as candor_table_codes gives them for the same labels in a CSV
 * segment column, from a dictionary whose order is not the rows' order. */
static void test_codes_as_table(void) {
  static const char csv[] = "score,plan\n9,team\n7,basic\n9,team\n10,pro\n3,basic\n8,pro\n";
  const char* values[] = {"pro", "unused", "basic", "team", "basic"};
  int64_t idx[] = {3, 4, 3, 0, 2, 0};
  candor_csv_options options;
  const char* segments[] = {"plan"};
  candor_table* table = NULL;
  const int32_t* table_codes = NULL;
  size_t table_levels = 0;
  struct ArrowArray* a = dict_array(idx, 2, 6, 1, NULL, utf8_array(values, 5, 0, 0));
  struct ArrowSchema* schema = dict_schema("s", "plan", schema_new("u", NULL));
  candor_column* column = NULL;
  const int32_t* codes = NULL;
  size_t levels = 0, i;
  candor_csv_options_init(&options);
  options.segment_columns = segments;
  options.n_segment_columns = 1;
  CHECK(candor_table_parse_csv(csv, sizeof(csv) - 1, &options, &table) == CANDOR_OK);
  CHECK(candor_table_codes(table, "plan", &table_codes, &table_levels) == CANDOR_OK);
  CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
  CHECK(candor_column_codes(column, &codes, &levels) == CANDOR_OK);
  CHECK(levels == table_levels && levels == 3);
  for (i = 0; codes != NULL && table_codes != NULL && i < 6; ++i) CHECK(codes[i] == table_codes[i]);
  for (i = 0; i < levels; ++i) {
    const char* label = NULL;
    const char* table_label = NULL;
    CHECK(candor_column_label(column, (int32_t)i, &label, NULL) == CANDOR_OK);
    CHECK(candor_table_label(table, "plan", (int32_t)i, &table_label) == CANDOR_OK);
    CHECK(label != NULL && table_label != NULL && strcmp(label, table_label) == 0);
  }
  candor_column_free(column);
  candor_table_free(table);
  drop_schema(schema);
  drop_array(a);
}

/* ---------------------------------------------------------------- times */

static void check_times(const char* format, const int64_t* raw, size_t width, int64_t unit,
                        int64_t per_day, const char* zone) {
  /* raw: 8 values (read as int32 when width is 4); row 3 is a null. */
  static const int valid[] = {1, 1, 1, 0, 1, 1, 1, 1};
  int32_t raw32[8];
  struct ArrowArray* a;
  struct ArrowSchema* schema = schema_new(format, "when");
  candor_column* column = NULL;
  const int64_t* got = NULL;
  candor_column_info info;
  size_t i;
  if (width == 4) {
    for (i = 0; i < 8; ++i) raw32[i] = (int32_t)raw[i];
    a = fixed_array(raw32, 4, 8, 6, valid);
  } else {
    a = fixed_array(raw, 8, 8, 6, valid);
  }
  CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_TIMES, 8, 1, 1, format);
  CHECK(describe(column, &info) == CANDOR_OK);
  CHECK(info.time_zone != NULL && strcmp(info.time_zone, zone) == 0);
  CHECK(info.in_place == 0);
  CHECK(candor_column_times(column, &got) == CANDOR_OK);
  for (i = 0; got != NULL && i < 8; ++i) {
    int64_t expected = !valid[i] ? INT64_MIN
                       : per_day ? raw[i] * per_day
                                 : floor_div(raw[i], unit);
    if (got[i] != expected) {
      fprintf(stderr, "  %s row %zu: raw %lld got %lld expected %lld\n", format, i,
              (long long)raw[i], (long long)got[i], (long long)expected);
    }
    CHECK(got[i] == expected);
  }
  candor_column_free(column);
  CHECK(rec_of_array(a)->releases == 0);
  drop_schema(schema);
  drop_array(a);
}

static void test_times(void) {
  {
    int64_t raw[] = {0, -1, 1700000000, 5, INT64_MAX, -86401, 1, 59};
    check_times("tss:", raw, 8, 1, 0, "");
    check_times("tss:America/New_York", raw, 8, 1, 0, "America/New_York");
  }
  {
    int64_t raw[] = {-1, 1500, -1500, 5, 999, -1000, 1700000000123, -999};
    check_times("tsm:", raw, 8, 1000, 0, "");
    check_times("tsm:UTC", raw, 8, 1000, 0, "UTC");
  }
  {
    int64_t raw[] = {-1, 1000000, -1000001, 5, 999999, 1700000000123456, -1000000, 0};
    check_times("tsu:", raw, 8, 1000000, 0, "");
    check_times("tsu:Europe/Berlin", raw, 8, 1000000, 0, "Europe/Berlin");
    check_times("tsu:+01:00", raw, 8, 1000000, 0, "+01:00");
  }
  {
    int64_t raw[] = {-1, 1999999999, INT64_MIN, 5, INT64_MAX, -1000000000, 1000000000, 1};
    check_times("tsn:", raw, 8, 1000000000, 0, "");
    check_times("tsn:Asia/Kolkata", raw, 8, 1000000000, 0, "Asia/Kolkata");
  }
  {
    int64_t raw[] = {0, 1, -1, 5, 19700, -719162, 2932896, 20000};
    check_times("tdD", raw, 4, 0, 86400, "");
  }
  {
    int64_t raw[] = {86400000, -1, -86400000, 5, 1700000000999, 0, -86400001, 999};
    check_times("tdm", raw, 8, 1000, 0, "");
  }
}

/* --------------------------------------------------------------- struct */

static void test_struct(void) {
  /* A record batch of 4 rows at parent offset 2 (children have 6 + their
   * own offset rows), row 1 null in the parent; children score (int8,
   * offset 1, its own null at child index 4), comment (utf8), when (tsm). */
  int8_t scores[] = {1, 2, 9, 10, 3, 0};
  static const int score_valid[] = {1, 1, 1, 1, 0, 1};
  const char* comments[] = {"skip", "skip", "fast", "ignored", NULL, "fast"};
  int64_t whens[] = {0, 0, 1000, 2000, -1, 3500};
  static const int parent_valid[] = {1, 0, 1, 1};
  struct ArrowArray* children[3];
  struct ArrowSchema* fields[3];
  struct ArrowArray* batch;
  struct ArrowSchema* schema;
  candor_column* column = NULL;
  candor_column_info info;
  const double* values = NULL;
  const int64_t* times = NULL;
  int mark = g_n_records;
  children[0] = fixed_array(scores, 1, 6, 1, score_valid);
  children[1] = utf8_array(comments, 6, 4, 0);
  children[2] = fixed_array(whens, 8, 6, 0, NULL);
  fields[0] = schema_new("c", "score");
  fields[1] = schema_new("u", "comment");
  fields[2] = schema_new("tsm:", "when");
  batch = struct_array(4, 2, parent_valid, 3, children);
  schema = struct_schema(3, fields);

  CHECK(candor_column_from_arrow(schema, batch, "score", &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_NUMBERS, 4, 2, 1, "c");
  CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
  /* rows: child index 2..5 -> 9, (parent null), 3 is null -> NaN, 0 */
  CHECK(values != NULL && values[0] == 9 && isnan(values[1]) && isnan(values[2]) &&
        values[3] == 0);
  candor_column_free(column);

  CHECK(candor_column_from_arrow(schema, batch, "comment", &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_TEXT, 4, 2, 1, "u");
  {
    const char* labels[] = {"fast", NULL, NULL, "fast"};
    check_text_column(column, labels, 4);
  }
  candor_column_free(column);

  CHECK(candor_column_from_arrow(schema, batch, "when", &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_TIMES, 4, 1, 1, "tsm:");
  CHECK(candor_column_times(column, &times) == CANDOR_OK);
  CHECK(times != NULL && times[0] == 1 && times[1] == INT64_MIN && times[2] == -1 &&
        times[3] == 3);
  candor_column_free(column);

  /* An unknown field names the children. */
  column = (candor_column*)&info; /* must be cleared */
  CHECK(candor_column_from_arrow(schema, batch, "nps", &column) == CANDOR_NOT_FOUND);
  CHECK(column == NULL);
  CHECK(error_has("nps") && error_has("score") && error_has("comment") && error_has("when"));
  /* The struct itself is not a column: INVALID_ARGUMENT, saying to name a
   * field (as from a stream of any number of chunks). */
  {
    candor_status got = candor_column_from_arrow(schema, batch, NULL, &column);
    CHECK(got == CANDOR_INVALID_ARGUMENT);
    CHECK(column == NULL);
    CHECK(error_has("field|+s"));
  }

  CHECK(none_released_since(mark));
  drop_schema(schema);
  drop_array(batch);
  CHECK(all_released_once_since(mark));

  /* A float64 child of a struct with parent nulls: not in place. */
  {
    double v[] = {1, 2, 3};
    static const int pv[] = {1, 0, 1};
    struct ArrowArray* c1[1];
    struct ArrowSchema* f1[1];
    struct ArrowArray* b;
    struct ArrowSchema* s;
    c1[0] = fixed_array(v, 8, 3, 0, NULL);
    f1[0] = schema_new("g", "x");
    b = struct_array(3, 0, pv, 1, c1);
    s = struct_schema(1, f1);
    CHECK(candor_column_from_arrow(s, b, "x", &column) == CANDOR_OK);
    CHECK(describe(column, &info) == CANDOR_OK);
    CHECK(info.in_place == 0 && info.nulls == 1);
    CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
    CHECK(values != NULL && values[0] == 1 && isnan(values[1]) && values[2] == 3);
    CHECK(((const double*)c1[0]->buffers[1])[1] == 2);
    candor_column_free(column);
    drop_schema(s);
    drop_array(b);
  }
}

/* -------------------------------------------------------------- streams */

static struct ArrowSchema* make_utf8_schema(void) { return schema_new("u", "comment"); }
static struct ArrowSchema* make_int32_schema(void) { return schema_new("i", "score"); }
static struct ArrowSchema* make_tsm_schema(void) { return schema_new("tsm:UTC", "when"); }
static struct ArrowSchema* make_dict_schema(void) {
  return dict_schema("c", "plan", schema_new("u", NULL));
}
static struct ArrowSchema* make_batch_schema(void) {
  struct ArrowSchema* fields[2];
  fields[0] = schema_new("C", "score");
  fields[1] = schema_new("u", "comment");
  return struct_schema(2, fields);
}

static void test_stream_text(void) {
  /* Chunks: [a b b] [] [b b c] [null a] []: a run of "b" across a chunk
   * boundary, empty chunks, codes by label across chunks. */
  const char* c0[] = {"a", "b", "b"};
  const char* c2[] = {"b", "b", "c"};
  const char* c3[] = {NULL, "a"};
  const char* labels[] = {"a", "b", "b", "b", "b", "c", NULL, "a"};
  struct ArrowArrayStream stream;
  producer p;
  candor_column* column = NULL;
  const char* const* texts = NULL;
  const size_t* sizes = NULL;
  const char* data2;
  int mark = g_n_records;
  stream_start(&stream, &p, make_utf8_schema);
  stream_add(&p, utf8_array(c0, 3, 1, 0));
  stream_add(&p, utf8_array(c0, 0, 0, 0));
  stream_add(&p, utf8_array(c2, 3, 2, 0));
  stream_add(&p, utf8_array(c3, 2, 0, 0));
  stream_add(&p, utf8_array(c0, 0, 4, 0));
  data2 = (const char*)p.chunks[2]->buffers[2];
  CHECK(candor_column_from_arrow_stream(&stream, NULL, &column) == CANDOR_OK);
  CHECK(p.schemas_given >= 1);
  CHECK(p.next == 5 && p.ended == 1 && p.calls_after_end == 0);
  CHECK(stream.release != NULL && p.stream_releases == 0); /* the stream stays ours */
  check_info(column, CANDOR_COLUMN_TEXT, 8, 1, 5, "u");
  check_text_column(column, labels, 8);
  /* Text stays in the chunks' buffers: row 3 is chunk 2's first row (after
   * its 2 junk rows of 3 bytes). */
  CHECK(candor_column_texts(column, &texts, &sizes) == CANDOR_OK);
  CHECK(texts != NULL && texts[3] == data2 + 6 && sizes[3] == 1);
  /* candor holds the chunks (the first 5 records) until it is freed. */
  CHECK(none_released_in(mark, mark + 5));
  candor_column_free(column);
  CHECK(all_released_once_since(mark)); /* 5 chunks and every schema given */
  stream.release(&stream);
  CHECK(all_released_once_since(mark));
}

static void test_stream_dictionaries(void) {
  /* Each chunk has its own dictionary: codes follow labels, not indices. */
  const char* d0[] = {"x", "y"};
  const char* d1[] = {"y", "z", "x"};
  int64_t i0[] = {1, 0, 1};
  int64_t i1[] = {0, 0, 2, 1};
  const char* labels[] = {"y", "x", "y", "y", "y", "x", "z"};
  struct ArrowArrayStream stream;
  producer p;
  candor_column* column = NULL;
  int mark = g_n_records;
  stream_start(&stream, &p, make_dict_schema);
  stream_add(&p, dict_array(i0, 1, 3, 0, NULL, utf8_array(d0, 2, 0, 0)));
  stream_add(&p, dict_array(i1, 1, 4, 2, NULL, utf8_array(d1, 3, 1, 0)));
  CHECK(candor_column_from_arrow_stream(&stream, NULL, &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_TEXT, 7, 0, 2, "u");
  check_text_column(column, labels, 7);
  candor_column_free(column);
  stream.release(&stream);
  CHECK(all_released_once_since(mark));
}

static void test_stream_numbers_times(void) {
  {
    int32_t c0[] = {1, 2};
    int32_t c2[] = {3, 77};
    static const int v2[] = {1, 0};
    struct ArrowArrayStream stream;
    producer p;
    candor_column* column = NULL;
    const double* values = NULL;
    candor_column_info info;
    int mark = g_n_records;
    stream_start(&stream, &p, make_int32_schema);
    stream_add(&p, fixed_array(c0, 4, 2, 3, NULL));
    stream_add(&p, fixed_array(c0, 4, 0, 0, NULL));
    stream_add(&p, fixed_array(c2, 4, 2, 9, v2));
    CHECK(candor_column_from_arrow_stream(&stream, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_NUMBERS, 4, 1, 3, "i");
    CHECK(describe(column, &info) == CANDOR_OK);
    CHECK(info.in_place == 0);
    CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
    CHECK(values != NULL && values[0] == 1 && values[1] == 2 && values[2] == 3 &&
          isnan(values[3]));
    candor_column_free(column);
    stream.release(&stream);
    CHECK(all_released_once_since(mark));
  }
  {
    int64_t c0[] = {-1, 999};
    int64_t c1[] = {1000, -1001, 7};
    struct ArrowArrayStream stream;
    producer p;
    candor_column* column = NULL;
    const int64_t* times = NULL;
    candor_column_info info;
    int mark = g_n_records;
    stream_start(&stream, &p, make_tsm_schema);
    stream_add(&p, fixed_array(c0, 8, 2, 0, NULL));
    stream_add(&p, fixed_array(c1, 8, 3, 1, NULL));
    CHECK(candor_column_from_arrow_stream(&stream, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_TIMES, 5, 0, 2, "tsm:UTC");
    CHECK(describe(column, &info) == CANDOR_OK);
    CHECK(info.time_zone != NULL && strcmp(info.time_zone, "UTC") == 0);
    CHECK(candor_column_times(column, &times) == CANDOR_OK);
    CHECK(times != NULL && times[0] == -1 && times[1] == 0 && times[2] == 1 && times[3] == -2 &&
          times[4] == 0);
    candor_column_free(column);
    stream.release(&stream);
    CHECK(all_released_once_since(mark));
  }
}

static void test_stream_batches(void) {
  /* Record batches (struct chunks), the field by name; the second batch is
   * a slice with a null row. */
  uint8_t s0[] = {9, 10, 3};
  uint8_t s1[] = {0, 0, 7, 8, 6};
  const char* t0[] = {"a", "b", "c"};
  const char* t1[] = {"j", "j", "d", "e", "f"};
  static const int pv1[] = {1, 0, 1};
  struct ArrowArray* ch[2];
  struct ArrowArrayStream stream;
  producer p;
  candor_column* column = NULL;
  const double* values = NULL;
  int mark = g_n_records;
  stream_start(&stream, &p, make_batch_schema);
  ch[0] = fixed_array(s0, 1, 3, 0, NULL);
  ch[1] = utf8_array(t0, 3, 0, 0);
  stream_add(&p, struct_array(3, 0, NULL, 2, ch));
  ch[0] = fixed_array(s1, 1, 5, 0, NULL);
  ch[1] = utf8_array(t1, 5, 0, 0);
  stream_add(&p, struct_array(3, 2, pv1, 2, ch));
  CHECK(candor_column_from_arrow_stream(&stream, "score", &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_NUMBERS, 6, 1, 2, "C");
  CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
  CHECK(values != NULL && values[0] == 9 && values[1] == 10 && values[2] == 3 && values[3] == 7 &&
        isnan(values[4]) && values[5] == 6);
  candor_column_free(column);
  stream.release(&stream);
  CHECK(all_released_once_since(mark));

  /* The same batches, field "comment". */
  mark = g_n_records;
  stream_start(&stream, &p, make_batch_schema);
  ch[0] = fixed_array(s0, 1, 3, 0, NULL);
  ch[1] = utf8_array(t0, 3, 0, 0);
  stream_add(&p, struct_array(3, 0, NULL, 2, ch));
  ch[0] = fixed_array(s1, 1, 5, 0, NULL);
  ch[1] = utf8_array(t1, 5, 0, 0);
  stream_add(&p, struct_array(3, 2, pv1, 2, ch));
  CHECK(candor_column_from_arrow_stream(&stream, "comment", &column) == CANDOR_OK);
  {
    const char* labels[] = {"a", "b", "c", "d", NULL, "f"};
    check_text_column(column, labels, 6);
  }
  candor_column_free(column);
  stream.release(&stream);
  CHECK(all_released_once_since(mark));

  /* An unknown field: NOT_FOUND, the schema released, the stream ours. */
  mark = g_n_records;
  stream_start(&stream, &p, make_batch_schema);
  ch[0] = fixed_array(s0, 1, 3, 0, NULL);
  ch[1] = utf8_array(t0, 3, 0, 0);
  stream_add(&p, struct_array(3, 0, NULL, 2, ch));
  column = (candor_column*)&p;
  CHECK(candor_column_from_arrow_stream(&stream, "nps", &column) == CANDOR_NOT_FOUND);
  CHECK(column == NULL);
  CHECK(error_has("score") && error_has("comment"));
  CHECK(stream.release != NULL);
  stream.release(&stream);
  CHECK(all_released_once_since(mark));
}

static void test_stream_errors(void) {
  const char* c0[] = {"a", "b"};
  struct ArrowArrayStream stream;
  producer p;
  candor_column* column = NULL;
  int mark, zero, once, more;
  /* get_next fails at chunk 1: IO_ERROR with the producer's message; what
   * candor took (schema, chunk 0) is released, the rest is the stream's. */
  mark = g_n_records;
  stream_start(&stream, &p, make_utf8_schema);
  stream_add(&p, utf8_array(c0, 2, 0, 0));
  stream_add(&p, utf8_array(c0, 2, 0, 0));
  stream_add(&p, utf8_array(c0, 2, 0, 0));
  p.fail_at = 1;
  column = (candor_column*)&p;
  CHECK(candor_column_from_arrow_stream(&stream, NULL, &column) == CANDOR_IO_ERROR);
  CHECK(column == NULL);
  CHECK(error_has("chunk 1 unreadable: the disk is on fire"));
  count_releases(mark, &zero, &once, &more);
  CHECK(once == 1 + p.schemas_given && zero == 2 && more == 0);
  CHECK(stream.release != NULL);
  stream.release(&stream);
  CHECK(all_released_once_since(mark));

  /* get_schema fails. */
  mark = g_n_records;
  stream_start(&stream, &p, make_utf8_schema);
  stream_add(&p, utf8_array(c0, 2, 0, 0));
  p.fail_schema = 1;
  CHECK(candor_column_from_arrow_stream(&stream, NULL, &column) == CANDOR_IO_ERROR);
  CHECK(error_has("schema lost: the disk is on fire"));
  CHECK(column == NULL);
  stream.release(&stream);
  CHECK(all_released_once_since(mark));

  /* A malformed chunk 1 (negative length): INVALID_ARGUMENT, all released. */
  mark = g_n_records;
  stream_start(&stream, &p, make_utf8_schema);
  stream_add(&p, utf8_array(c0, 2, 0, 0));
  stream_add(&p, utf8_array(c0, 2, 0, 0));
  p.chunks[1]->length = -2;
  CHECK(candor_column_from_arrow_stream(&stream, NULL, &column) == CANDOR_INVALID_ARGUMENT);
  CHECK(error_has("length"));
  CHECK(column == NULL);
  stream.release(&stream);
  CHECK(all_released_once_since(mark));

  /* Zero chunks: an empty column of the schema's kind. */
  mark = g_n_records;
  stream_start(&stream, &p, make_int32_schema);
  CHECK(candor_column_from_arrow_stream(&stream, NULL, &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_NUMBERS, 0, 0, 0, "i");
  {
    const double* values = NULL;
    CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
  }
  candor_column_free(column);
  stream.release(&stream);
  CHECK(all_released_once_since(mark));

  mark = g_n_records;
  stream_start(&stream, &p, make_utf8_schema);
  CHECK(candor_column_from_arrow_stream(&stream, NULL, &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_TEXT, 0, 0, 0, "u");
  {
    const int32_t* codes = NULL;
    size_t levels = 7;
    const char* const* texts = NULL;
    const size_t* sizes = NULL;
    CHECK(candor_column_codes(column, &codes, &levels) == CANDOR_OK && levels == 0);
    CHECK(candor_column_texts(column, &texts, &sizes) == CANDOR_OK);
  }
  candor_column_free(column);
  stream.release(&stream);
  CHECK(all_released_once_since(mark));

  /* Zero record batches: the field's kind and format from the schema. */
  mark = g_n_records;
  stream_start(&stream, &p, make_batch_schema);
  CHECK(candor_column_from_arrow_stream(&stream, "comment", &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_TEXT, 0, 0, 0, "u");
  candor_column_free(column);
  CHECK(candor_column_from_arrow_stream(&stream, "score", &column) == CANDOR_OK);
  check_info(column, CANDOR_COLUMN_NUMBERS, 0, 0, 0, "C");
  candor_column_free(column);
  CHECK(candor_column_from_arrow_stream(&stream, "nps", &column) == CANDOR_NOT_FOUND);
  CHECK(column == NULL && candor_last_error()[0] != '\0');
  stream.release(&stream);
  CHECK(all_released_once_since(mark));

  /* A NULL or released stream. */
  CHECK(candor_column_from_arrow_stream(NULL, NULL, &column) == CANDOR_INVALID_ARGUMENT);
  CHECK(error_has("stream"));
  stream_start(&stream, &p, make_utf8_schema);
  stream.release(&stream);
  CHECK(candor_column_from_arrow_stream(&stream, NULL, &column) == CANDOR_INVALID_ARGUMENT);
  CHECK(error_has("release"));
  stream_start(&stream, &p, make_utf8_schema);
  CHECK(candor_column_from_arrow_stream(&stream, NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_last_error()[0] != '\0');
  stream.release(&stream);
}

/* Empty arrays may leave their value buffers NULL, at any offset, and text
 * whose offsets span no bytes needs no data: read without arithmetic on NULL
 * (found by fuzz/arrow; UBSan in the asan preset reports it). */
static void test_empty_null_buffers(void) {
  const char* formats[] = {"s", "g", "tsm:", "b"};
  size_t k;
  for (k = 0; k < 4; ++k) {
    int64_t v[1] = {0};
    struct ArrowSchema* schema = schema_new(formats[k], NULL);
    struct ArrowArray* a = fixed_array(v, 8, 0, 3, NULL);
    candor_column* column = NULL;
    candor_column_info info;
    a->buffers[1] = NULL;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    CHECK(describe(column, &info) == CANDOR_OK && info.rows == 0 && info.in_place == 0);
    if (info.kind == CANDOR_COLUMN_TIMES) {
      const int64_t* times = NULL;
      CHECK(candor_column_times(column, &times) == CANDOR_OK);
    } else {
      const double* values = NULL;
      CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
    }
    candor_column_free(column);
    drop_schema(schema);
    drop_array(a);
  }
  {
    /* An empty record batch at offset 2 over a child whose value buffer is
     * NULL (4 values claimed, none read). */
    int8_t v[4] = {0, 0, 0, 0};
    struct ArrowArray* child = fixed_array(v, 1, 4, 1, NULL);
    struct ArrowSchema* field = schema_new("c", "score");
    struct ArrowArray* batch;
    struct ArrowSchema* schema;
    candor_column* column = NULL;
    candor_status got;
    child->buffers[1] = NULL;
    batch = struct_array(0, 2, NULL, 1, &child);
    schema = struct_schema(1, &field);
    got = candor_column_from_arrow(schema, batch, "score", &column);
    CHECK(got == CANDOR_OK || got == CANDOR_INVALID_ARGUMENT);
    if (got == CANDOR_OK) {
      const double* values = NULL;
      candor_column_info info;
      CHECK(describe(column, &info) == CANDOR_OK && info.rows == 0);
      CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
    }
    candor_column_free(column);
    drop_schema(schema);
    drop_array(batch);
  }
  {
    const char* s[] = {"", ""};
    struct ArrowSchema* schema = schema_new("u", NULL);
    struct ArrowArray* a = utf8_array(s, 2, 1, 0); /* offsets 0, 3, 3, 3 */
    candor_column* column = NULL;
    candor_status got;
    a->buffers[2] = NULL;
    got = candor_column_from_arrow(schema, a, NULL, &column);
    CHECK(got == CANDOR_OK || got == CANDOR_INVALID_ARGUMENT);
    if (got == CANDOR_OK) {
      const char* const* texts = NULL;
      const size_t* sizes = NULL;
      CHECK(candor_column_texts(column, &texts, &sizes) == CANDOR_OK);
      CHECK(sizes != NULL && sizes[0] == 0 && sizes[1] == 0);
    }
    candor_column_free(column);
    drop_schema(schema);
    drop_array(a);
  }
}

/* ------------------------------------------------- results feed other calls */

static void test_feeds_score(void) {
  int8_t raw[] = {10, 9, 0, 6, 7, 8, 9, 10, 3, 5, 10, 9, 1};
  double plain[13];
  candor_score_options options;
  candor_estimate from_column, from_plain;
  candor_column* column = NULL;
  const double* values = NULL;
  struct ArrowSchema* schema = schema_new("c", "nps");
  struct ArrowArray* a = fixed_array(raw, 1, 13, 5, NULL);
  size_t i;
  for (i = 0; i < 13; ++i) plain[i] = raw[i];
  candor_score_options_init(&options);
  CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
  CHECK(candor_column_numbers(column, &values) == CANDOR_OK);
  CHECK(candor_score(&options, values, NULL, 13, &from_column) == CANDOR_OK);
  CHECK(candor_score(&options, plain, NULL, 13, &from_plain) == CANDOR_OK);
  CHECK(from_column.value == from_plain.value && from_column.std_error == from_plain.std_error &&
        from_column.ci_low == from_plain.ci_low && from_column.ci_high == from_plain.ci_high &&
        from_column.n == 13 && from_plain.n == 13);
  /* NPS computed here: 6 promoters (9, 10), 5 detractors (<= 6) of 13. */
  CHECK_NEAR(from_column.value, 100.0 * (6 - 5) / 13.0, 1e-12);
  /* The int8 fast path reads the producer's int8 buffer in place. */
  {
    const int8_t* small = NULL;
    candor_estimate from_int8;
    CHECK(candor_column_int8(column, &small) == CANDOR_OK);
    CHECK(small == (const int8_t*)a->buffers[1] + 5);
    CHECK(candor_score_i8(&options, small, 13, &from_int8) == CANDOR_OK);
    CHECK(from_int8.value == from_plain.value && from_int8.n == 13);
  }
  candor_column_free(column);
  drop_schema(schema);
  drop_array(a);

  /* In place from float64, with weights from another column. */
  {
    double scores[] = {10, 9, 2, 7};
    float weights[] = {1.5f, 0.5f, 2.0f, 1.0f};
    double w[] = {1.5, 0.5, 2.0, 1.0};
    struct ArrowSchema* s1 = schema_new("g", "nps");
    struct ArrowArray* a1 = fixed_array(scores, 8, 4, 0, NULL);
    struct ArrowSchema* s2 = schema_new("f", "w");
    struct ArrowArray* a2 = fixed_array(weights, 4, 4, 2, NULL);
    candor_column* c1 = NULL;
    candor_column* c2 = NULL;
    const double* v1 = NULL;
    const double* v2 = NULL;
    CHECK(candor_column_from_arrow(s1, a1, NULL, &c1) == CANDOR_OK);
    CHECK(candor_column_from_arrow(s2, a2, NULL, &c2) == CANDOR_OK);
    CHECK(candor_column_numbers(c1, &v1) == CANDOR_OK);
    CHECK(candor_column_numbers(c2, &v2) == CANDOR_OK);
    CHECK(candor_score(&options, v1, v2, 4, &from_column) == CANDOR_OK);
    CHECK(candor_score(&options, scores, w, 4, &from_plain) == CANDOR_OK);
    CHECK(from_column.value == from_plain.value &&
          from_column.effective_n == from_plain.effective_n);
    /* Weighted NPS: promoters 2.0, detractors 2.0 of 5.0 -> 0. */
    CHECK_NEAR(from_column.value, 0.0, 1e-12);
    candor_column_free(c1);
    candor_column_free(c2);
    drop_schema(s1);
    drop_array(a1);
    drop_schema(s2);
    drop_array(a2);
  }
}

static void test_feeds_text(void) {
  const char* comments[] = {"The support team was wonderful. Thank you!", NULL,
                            "Terrible app, it keeps crashing.", "I want a refund.", ""};
  const char* plain[5];
  size_t plain_sizes[5];
  candor_text_options options;
  candor_text_model* model = NULL;
  candor_text_results* from_column = NULL;
  candor_text_results* from_plain = NULL;
  candor_column* column = NULL;
  const char* const* texts = NULL;
  const size_t* sizes = NULL;
  struct ArrowSchema* schema = schema_new("U", "comment");
  struct ArrowArray* a = utf8_array(comments, 5, 2, 1);
  size_t i;
  for (i = 0; i < 5; ++i) {
    plain[i] = comments[i] == NULL ? "" : comments[i];
    plain_sizes[i] = strlen(plain[i]);
  }
  CHECK(candor_text_options_init(&options) == CANDOR_OK);
  options.language = "en";
  options.threads = 1;
  CHECK(candor_text_model_new(&options, &model) == CANDOR_OK);
  CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
  CHECK(candor_column_texts(column, &texts, &sizes) == CANDOR_OK);
  CHECK(candor_text_analyze(model, texts, sizes, 5, &from_column) == CANDOR_OK);
  CHECK(candor_text_analyze(model, plain, plain_sizes, 5, &from_plain) == CANDOR_OK);
  CHECK(from_column != NULL && candor_text_results_count(from_column) == 5);
  if (from_column != NULL && from_plain != NULL) {
    const double* s1 = candor_text_results_sentiment(from_column);
    const double* s2 = candor_text_results_sentiment(from_plain);
    for (i = 0; i < 5; ++i) CHECK(same_double(s1[i], s2[i]));
    CHECK(s1[0] > 0 && s1[2] < 0);
  }
  candor_text_results_free(from_column);
  candor_text_results_free(from_plain);
  candor_text_model_free(model);
  candor_column_free(column);
  drop_schema(schema);
  drop_array(a);
}

/* ------------------------------------------------------------ malformed */

/* from_arrow must fail with `status`, clear *out and say `word`. */
static void expect_failure(struct ArrowSchema* schema, struct ArrowArray* array, const char* field,
                           candor_status status, const char* word, int line) {
  candor_column* column = (candor_column*)&column;
  candor_status got = candor_column_from_arrow(schema, array, field, &column);
  if (got != status || column != NULL || !error_has(word)) {
    ++failed;
    fprintf(stderr, "%s:%d: expected %s mentioning \"%s\", got %s: \"%s\"\n", __FILE__, line,
            candor_status_name(status), word, candor_status_name(got), candor_last_error());
    if (got == CANDOR_OK && column != (candor_column*)&column) candor_column_free(column);
  } else {
    ++passed;
  }
}
#define EXPECT_FAILURE(schema, array, field, status, word) \
  expect_failure((schema), (array), (field), (status), (word), __LINE__)

static void test_malformed(void) {
  int32_t v[] = {1, 2, 3, 4};
  const char* s[] = {"a", "b", "c"};
  struct ArrowSchema* schema = schema_new("i", "x");
  struct ArrowArray* a = fixed_array(v, 4, 4, 0, NULL);
  candor_column* column = NULL;

  /* NULL pointers. */
  EXPECT_FAILURE(NULL, a, NULL, CANDOR_INVALID_ARGUMENT, "schema");
  EXPECT_FAILURE(schema, NULL, NULL, CANDOR_INVALID_ARGUMENT, "array");
  CHECK(candor_column_from_arrow(schema, a, NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_last_error()[0] != '\0');

  /* Released structs (release == NULL). */
  {
    struct ArrowSchema released_schema = *schema;
    struct ArrowArray released_array = *a;
    released_schema.release = NULL;
    released_array.release = NULL;
    EXPECT_FAILURE(&released_schema, a, NULL, CANDOR_INVALID_ARGUMENT, "release");
    EXPECT_FAILURE(schema, &released_array, NULL, CANDOR_INVALID_ARGUMENT, "release");
  }

  /* Formats the specification does not define. */
  {
    const char* bad[] = {"", "zz", "tsx:", "ii", "ts", "tsm", "td", "+", "+ss", "tsmx"};
    const char* original = schema->format;
    size_t i;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); ++i) {
      schema->format = bad[i];
      EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "format");
    }
    schema->format = NULL;
    EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "format");
    /* A decimal without its precision and scale is no format either, nor a
     * fixed size without its size. */
    schema->format = "d:";
    EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "format");
    schema->format = "w:";
    EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "format");
    schema->format = "+w:";
    EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "format");
    schema->format = original;
  }

  /* Valid types candor does not read: UNSUPPORTED naming the format. */
  {
    const char* unread[] = {"d:10,2", "d:38,10,256", "n", "z", "Z", "w:16", "e", "tDs", "tiM",
                            "ttm"};
    const char* original = schema->format;
    size_t i;
    for (i = 0; i < sizeof(unread) / sizeof(unread[0]); ++i) {
      schema->format = unread[i];
      EXPECT_FAILURE(schema, a, NULL, CANDOR_UNSUPPORTED, unread[i]);
    }
    schema->format = original;
  }
  {
    /* A list of int32: validity, offsets, one child. */
    int32_t offs[] = {0, 2, 4};
    struct ArrowArray* child = fixed_array(v, 4, 4, 0, NULL);
    struct ArrowArray* list = struct_array(2, 0, NULL, 1, &child);
    struct ArrowSchema* item = schema_new("i", "item");
    struct ArrowSchema* ls = struct_schema(1, &item);
    ls->format = copy_string(rec_of_schema(ls), "+l");
    list->n_buffers = 2;
    list->buffers = (const void**)own(rec_of_array(list), xmalloc(2 * sizeof(void*)));
    list->buffers[0] = NULL;
    list->buffers[1] = offs;
    EXPECT_FAILURE(ls, list, NULL, CANDOR_UNSUPPORTED, "+l");
    /* A map and a large list too, whatever their children. */
    ls->format = "+m";
    EXPECT_FAILURE(ls, list, NULL, CANDOR_UNSUPPORTED, "+m");
    ls->format = "+L";
    EXPECT_FAILURE(ls, list, NULL, CANDOR_UNSUPPORTED, "+L");
    drop_schema(ls);
    drop_array(list);
  }
  {
    /* A decimal128 of 10 digits and scale 2. */
    int64_t dec[] = {12345, 0, -100, -1};
    struct ArrowSchema* ds = schema_new("d:10,2", "amount");
    struct ArrowArray* da = fixed_array(dec, 16, 2, 0, NULL);
    EXPECT_FAILURE(ds, da, NULL, CANDOR_UNSUPPORTED, "d:10,2");
    drop_schema(ds);
    drop_array(da);
  }

  /* Lengths, offsets, null counts, buffers. */
  a->length = -1;
  EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "length");
  a->length = 4;
  a->offset = -1;
  EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "offset");
  a->offset = 0;
  a->null_count = -2;
  EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "null");
  a->null_count = 1; /* nulls, but no validity buffer */
  EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "validity|bitmap");
  a->null_count = 0;
  a->n_buffers = 3;
  EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "buffer");
  a->n_buffers = 1;
  EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "buffer");
  a->n_buffers = 2;
  {
    const void* data = a->buffers[1];
    a->buffers[1] = NULL;
    EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "buffer");
    /* An empty array may leave its buffers NULL. */
    a->length = 0;
    CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
    check_info(column, CANDOR_COLUMN_NUMBERS, 0, 0, 1, "i");
    candor_column_free(column);
    a->length = 4;
    a->buffers[1] = data;
  }
  {
    struct ArrowArray** no_children = NULL;
    a->n_children = 1; /* an int32 has no children */
    a->children = no_children;
    EXPECT_FAILURE(schema, a, NULL, CANDOR_INVALID_ARGUMENT, "child");
    a->n_children = 0;
  }
  /* Still a good array after all that, never released by candor. */
  CHECK(candor_column_from_arrow(schema, a, NULL, &column) == CANDOR_OK);
  candor_column_free(column);
  CHECK(rec_of_schema(schema)->releases == 0 && rec_of_array(a)->releases == 0);
  drop_schema(schema);
  drop_array(a);

  /* utf8: decreasing offsets, a negative first offset, wrong buffers. */
  {
    struct ArrowSchema* us = schema_new("u", "comment");
    struct ArrowArray* ua = utf8_array(s, 3, 0, 0);
    int32_t* offs = (int32_t*)ua->buffers[1];
    int32_t saved = offs[2];
    offs[2] = 0; /* 0, 1, 0, 3 */
    EXPECT_FAILURE(us, ua, NULL, CANDOR_INVALID_ARGUMENT, "offset");
    offs[2] = saved;
    offs[0] = -1;
    EXPECT_FAILURE(us, ua, NULL, CANDOR_INVALID_ARGUMENT, "offset");
    offs[0] = 0;
    ua->n_buffers = 2;
    EXPECT_FAILURE(us, ua, NULL, CANDOR_INVALID_ARGUMENT, "buffer");
    ua->n_buffers = 3;
    ua->buffers[2] = NULL;
    EXPECT_FAILURE(us, ua, NULL, CANDOR_INVALID_ARGUMENT, "buffer");
    drop_schema(us);
    drop_array(ua);
  }
  {
    struct ArrowSchema* us = schema_new("U", "comment");
    struct ArrowArray* ua = utf8_array(s, 3, 1, 1);
    int64_t* offs = (int64_t*)ua->buffers[1];
    offs[3] = 1; /* 0, 3, 4, 1, 6 */
    EXPECT_FAILURE(us, ua, NULL, CANDOR_INVALID_ARGUMENT, "offset");
    drop_schema(us);
    drop_array(ua);
  }

  /* A dictionary index outside the dictionary names its row. */
  {
    int64_t idx[] = {0, 1, 2, 5, 1};
    struct ArrowArray* da = dict_array(idx, 4, 5, 0, NULL, utf8_array(s, 3, 0, 0));
    struct ArrowSchema* ds = dict_schema("i", "plan", schema_new("u", NULL));
    candor_column* c = (candor_column*)&c;
    candor_status got = candor_column_from_arrow(ds, da, NULL, &c);
    CHECK(got == CANDOR_INVALID_ARGUMENT);
    CHECK(c == NULL);
    CHECK(error_has("row 3") && error_has("5"));
    if (got == CANDOR_OK) candor_column_free(c);
    /* Negative indices too. */
    ((int32_t*)da->buffers[1])[3] = -1;
    c = (candor_column*)&c;
    got = candor_column_from_arrow(ds, da, NULL, &c);
    CHECK(got == CANDOR_INVALID_ARGUMENT);
    CHECK(error_has("row 3"));
    if (got == CANDOR_OK) candor_column_free(c);
    /* A dictionary schema over an array without its dictionary. */
    da->dictionary = NULL;
    EXPECT_FAILURE(ds, da, NULL, CANDOR_INVALID_ARGUMENT, "dictionary");
    drop_schema(ds);
    drop_array(da);
  }
  /* A dictionary of an unread type: UNSUPPORTED naming it. */
  {
    int64_t idx[] = {0, 0};
    int64_t dec[] = {1, 0};
    struct ArrowArray* da = dict_array(idx, 1, 2, 0, NULL, fixed_array(dec, 16, 1, 0, NULL));
    struct ArrowSchema* ds = dict_schema("c", "amount", schema_new("d:10,2", NULL));
    EXPECT_FAILURE(ds, da, NULL, CANDOR_UNSUPPORTED, "d:10,2");
    drop_schema(ds);
    drop_array(da);
  }
  /* Float indices are not indices. */
  {
    int64_t idx[] = {0, 0};
    struct ArrowArray* da = dict_array(idx, 8, 2, 0, NULL, utf8_array(s, 3, 0, 0));
    struct ArrowSchema* ds = dict_schema("g", "plan", schema_new("u", NULL));
    candor_column* c = (candor_column*)&c;
    CHECK(candor_column_from_arrow(ds, da, NULL, &c) != CANDOR_OK);
    CHECK(c == NULL && candor_last_error()[0] != '\0');
    drop_schema(ds);
    drop_array(da);
  }

  /* Struct: children counts that do not match. */
  {
    struct ArrowArray* ch[2];
    struct ArrowSchema* fs[2];
    struct ArrowArray* batch;
    struct ArrowSchema* bs;
    ch[0] = fixed_array(v, 4, 4, 0, NULL);
    ch[1] = utf8_array(s, 3, 0, 0);
    fs[0] = schema_new("i", "score");
    fs[1] = schema_new("u", "comment");
    batch = struct_array(3, 0, NULL, 2, ch);
    bs = struct_schema(2, fs);
    batch->n_children = 1;
    EXPECT_FAILURE(bs, batch, "score", CANDOR_INVALID_ARGUMENT, "child");
    batch->n_children = 2;
    bs->n_children = 1;
    EXPECT_FAILURE(bs, batch, "score", CANDOR_INVALID_ARGUMENT, "child");
    bs->n_children = 2;
    /* A child shorter than the struct. */
    ch[1]->length = 2;
    EXPECT_FAILURE(bs, batch, "comment", CANDOR_INVALID_ARGUMENT, "length|parent");
    ch[1]->length = 3;
    /* Good again. */
    CHECK(candor_column_from_arrow(bs, batch, "comment", &column) == CANDOR_OK);
    candor_column_free(column);
    drop_schema(bs);
    drop_array(batch);
  }

  /* Invalid UTF-8: read, but codes refuse it naming the row; texts give the
   * bytes as they are. */
  {
    const char* bad[] = {"ok", "fine", "caf\xC3", "ok"};
    struct ArrowSchema* us = schema_new("u", "comment");
    struct ArrowArray* ua = utf8_array(bad, 4, 1, 0);
    const int32_t* codes = NULL;
    size_t levels = 0;
    const char* const* texts = NULL;
    const size_t* sizes = NULL;
    CHECK(candor_column_from_arrow(us, ua, NULL, &column) == CANDOR_OK);
    CHECK(candor_column_codes(column, &codes, &levels) == CANDOR_INVALID_UTF8);
    CHECK(error_has("row 2") && error_has("UTF-8"));
    CHECK(candor_column_texts(column, &texts, &sizes) == CANDOR_OK);
    CHECK(texts != NULL && sizes[2] == 4 && memcmp(texts[2], "caf\xC3", 4) == 0);
    /* Still refused the second time. */
    CHECK(candor_column_codes(column, &codes, &levels) == CANDOR_INVALID_UTF8);
    candor_column_free(column);
    drop_schema(us);
    drop_array(ua);
  }
}

/* ------------------------------------------------------------ accessors */

static void test_accessors(void) {
  double v[] = {1, 2};
  int64_t t[] = {1, 2};
  const char* s[] = {"a", "b"};
  struct ArrowSchema* ns = schema_new("g", NULL);
  struct ArrowArray* na = fixed_array(v, 8, 2, 0, NULL);
  struct ArrowSchema* ts = schema_new("tss:", NULL);
  struct ArrowArray* ta = fixed_array(t, 8, 2, 0, NULL);
  struct ArrowSchema* us = schema_new("u", NULL);
  struct ArrowArray* ua = utf8_array(s, 2, 0, 0);
  candor_column* numbers = NULL;
  candor_column* times = NULL;
  candor_column* text = NULL;
  const double* d = NULL;
  const int64_t* i64 = NULL;
  const int32_t* codes = NULL;
  size_t levels = 0;
  const char* label = NULL;
  const char* const* texts = NULL;
  const size_t* sizes = NULL;
  candor_column_info info;
  CHECK(candor_column_from_arrow(ns, na, NULL, &numbers) == CANDOR_OK);
  CHECK(candor_column_from_arrow(ts, ta, NULL, &times) == CANDOR_OK);
  CHECK(candor_column_from_arrow(us, ua, NULL, &text) == CANDOR_OK);

  CHECK(candor_column_numbers(text, &d) == CANDOR_INVALID_ARGUMENT);
  CHECK(error_has("text"));
  CHECK(candor_column_numbers(times, &d) == CANDOR_INVALID_ARGUMENT);
  CHECK(error_has("time"));
  CHECK(candor_column_times(numbers, &i64) == CANDOR_INVALID_ARGUMENT);
  CHECK(error_has("number"));
  CHECK(candor_column_codes(numbers, &codes, &levels) == CANDOR_INVALID_ARGUMENT);
  CHECK(error_has("number"));
  CHECK(candor_column_codes(times, &codes, &levels) == CANDOR_INVALID_ARGUMENT);
  CHECK(error_has("time"));
  CHECK(candor_column_texts(numbers, &texts, &sizes) == CANDOR_INVALID_ARGUMENT);
  CHECK(error_has("number"));
  CHECK(candor_column_label(numbers, 0, &label, NULL) != CANDOR_OK);
  CHECK(candor_last_error()[0] != '\0');

  /* A label before the codes are made. */
  CHECK(candor_column_label(text, 0, &label, NULL) != CANDOR_OK);
  CHECK(candor_last_error()[0] != '\0');

  /* NULL everywhere. */
  CHECK(candor_column_describe(NULL, &info) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_last_error()[0] != '\0');
  CHECK(candor_column_describe(numbers, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_numbers(NULL, &d) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_numbers(numbers, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_times(NULL, &i64) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_times(times, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_codes(NULL, &codes, &levels) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_codes(text, NULL, &levels) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_codes(text, &codes, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_label(NULL, 0, &label, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_texts(NULL, &texts, &sizes) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_texts(text, NULL, &sizes) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_column_texts(text, &texts, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_last_error()[0] != '\0');
  /* label with codes made; length may be NULL. */
  CHECK(candor_column_codes(text, &codes, &levels) == CANDOR_OK && levels == 2);
  CHECK(candor_column_label(text, 1, &label, NULL) == CANDOR_OK && strcmp(label, "b") == 0);
  CHECK(candor_column_label(text, 1, NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  candor_column_free(NULL);

  candor_column_free(numbers);
  candor_column_free(times);
  candor_column_free(text);
  drop_schema(ns);
  drop_array(na);
  drop_schema(ts);
  drop_array(ta);
  drop_schema(us);
  drop_array(ua);
}

int main(void) {
  int i, leftover = 0;
  test_integers();
  test_floats();
  test_booleans();
  test_null_counts();
  test_in_place();
  test_utf8();
  test_dictionaries();
  test_codes_as_table();
  test_times();
  test_struct();
  test_stream_text();
  test_stream_dictionaries();
  test_stream_numbers_times();
  test_stream_batches();
  test_stream_errors();
  test_feeds_score();
  test_feeds_text();
  test_malformed();
  test_empty_null_buffers();
  test_accessors();
  /* Every struct the producer made was released exactly once in the end. */
  for (i = 0; i < g_n_records; ++i) {
    if (g_records[i]->releases != 1) ++leftover;
    free_owned(g_records[i]);
    free(g_records[i]);
  }
  CHECK(leftover == 0);
  return report();
}
