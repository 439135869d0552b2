/* The text-model C ABI from C: options, a batch with sentiment, emotions,
 * urgency, sentences and taxonomy mentions, user lexicons, invalid UTF-8
 * under both policies, thread-count independence, bad input, and taxonomies
 * nested too deep. */
#define _POSIX_C_SOURCE 200809L /* mkstemp */

#include <candor.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char* const kComments[] = {
    "The support team was wonderful and fixed it fast. Thank you!",
    "Terrible. The app keeps crashing and nobody responded.",
    "I want to cancel my subscription.",
    "",
    "It is a box.",
};
#define N_COMMENTS 5

static const char kTaxonomy[] =
    "{\"themes\": [{\"name\": \"Support\", \"keywords\": [\"support\"],"
    " \"children\": [{\"name\": \"Response time\", \"phrases\": [\"nobody responded\"]}]},"
    " {\"name\": \"App\", \"keywords\": [\"app\"]}]}";

static candor_text_results* analyze(const candor_text_model* model, const char* const* texts,
                                    size_t n) {
  size_t sizes[16];
  for (size_t i = 0; i < n; ++i) sizes[i] = strlen(texts[i]);
  candor_text_results* results = NULL;
  if (candor_text_analyze(model, texts, sizes, n, &results) != CANDOR_OK) return NULL;
  return results;
}

static void test_batch(void) {
  candor_text_options options;
  CHECK(candor_text_options_init(&options) == CANDOR_OK);
  CHECK(options.size == sizeof(options));
  CHECK(options.invalid_utf8 == CANDOR_UTF8_ERROR);
  CHECK(options.threads == 0);
  candor_text_model* model = NULL;
  CHECK(candor_text_model_new(&options, &model) == CANDOR_OK);
  CHECK(candor_text_model_lexicon_size(model) > 1000);
  CHECK(candor_text_model_theme_count(model) == 0);
  CHECK(candor_text_model_load_taxonomy(model, kTaxonomy, sizeof(kTaxonomy) - 1) == CANDOR_OK);
  CHECK(candor_text_model_theme_count(model) == 3);
  candor_taxonomy_theme info;
  int response_time = -1;
  for (size_t t = 0; t < 3; ++t) {
    CHECK(candor_text_model_theme(model, t, &info) == CANDOR_OK);
    if (strcmp(info.path, "Support > Response time") == 0) {
      response_time = (int)t;
      CHECK(info.depth == 1);
      CHECK(info.parent >= 0);
      CHECK(strcmp(info.name, "Response time") == 0);
    }
  }
  CHECK(response_time >= 0);
  CHECK(candor_text_model_theme(model, 3, &info) == CANDOR_OUT_OF_RANGE);

  candor_text_results* results = analyze(model, kComments, N_COMMENTS);
  CHECK(results != NULL);
  if (results == NULL) return;
  CHECK(candor_text_results_count(results) == N_COMMENTS);
  const double* sentiment = candor_text_results_sentiment(results);
  CHECK(sentiment[0] > 0.3);
  CHECK(sentiment[1] < -0.3);
  CHECK(sentiment[3] == 0.0);
  for (int i = 0; i < N_COMMENTS; ++i) CHECK(sentiment[i] >= -1.0 && sentiment[i] <= 1.0);
  const double* gratitude = candor_text_results_emotion(results, CANDOR_EMOTION_GRATITUDE);
  CHECK(gratitude[0] > gratitude[1]);
  const double* frustration = candor_text_results_emotion(results, CANDOR_EMOTION_FRUSTRATION);
  CHECK(frustration != NULL);
  CHECK(candor_text_results_emotion(results, (candor_emotion)7) == NULL);
  const int32_t* urgency = candor_text_results_urgency(results);
  CHECK(urgency[2] == CANDOR_URGENCY_CHURN);
  CHECK(urgency[0] == CANDOR_URGENCY_NONE);
  CHECK(urgency[3] == CANDOR_URGENCY_NONE);
  const uint32_t* mask = candor_text_results_urgency_mask(results);
  CHECK((mask[2] & (1u << (CANDOR_URGENCY_CHURN - 1))) != 0);
  uint32_t begin = 0, end = 0;
  const char* reason = candor_text_results_urgency_reason(results, 2, &begin, &end);
  CHECK(reason != NULL && strlen(reason) > 0);
  CHECK(end > begin && end <= strlen(kComments[2]));
  CHECK(strncmp(kComments[2] + begin, "cancel", 6) == 0);
  CHECK(strcmp(candor_text_results_urgency_reason(results, 0, NULL, NULL), "") == 0);
  CHECK(candor_text_results_urgency_reason(results, N_COMMENTS, NULL, NULL) == NULL);
  CHECK(strcmp(candor_text_results_language(results, 0), "en") == 0);
  CHECK(candor_text_results_language(results, N_COMMENTS) == NULL);
  CHECK(candor_text_results_repaired(results)[0] == 0);

  /* Sentences: comment 0 has two, comment 3 none; byte ranges inside. */
  const int64_t* comment = NULL;
  const uint32_t *sbegin = NULL, *send = NULL;
  const double* ssentiment = NULL;
  const size_t sentences =
      candor_text_results_sentences(results, &comment, &sbegin, &send, &ssentiment);
  size_t of_first = 0;
  for (size_t s = 0; s < sentences; ++s) {
    CHECK(comment[s] >= 0 && comment[s] < N_COMMENTS && comment[s] != 3);
    CHECK(send[s] > sbegin[s] && send[s] <= strlen(kComments[comment[s]]));
    if (s > 0) CHECK(comment[s] >= comment[s - 1]);
    if (comment[s] == 0) ++of_first;
  }
  CHECK(of_first == 2);

  /* Mentions: Support in comment 0; App and Response time in comment 1. */
  const int64_t *mcomment = NULL, *msentence = NULL;
  const int32_t* mtheme = NULL;
  const double* msentiment = NULL;
  const size_t mentions =
      candor_text_results_mentions(results, &mcomment, &msentence, &mtheme, &msentiment);
  int found_response_time = 0;
  for (size_t m = 0; m < mentions; ++m) {
    CHECK(msentence[m] >= 0 && (size_t)msentence[m] < sentences);
    CHECK(comment[msentence[m]] == mcomment[m]);
    CHECK(msentiment[m] == ssentiment[msentence[m]]);
    if (mtheme[m] == response_time) found_response_time = (mcomment[m] == 1);
  }
  CHECK(mentions >= 3);
  CHECK(found_response_time);

  /* The same numbers on one thread. */
  candor_text_options one = options;
  one.threads = 1;
  candor_text_model* serial = NULL;
  CHECK(candor_text_model_new(&one, &serial) == CANDOR_OK);
  candor_text_results* again = analyze(serial, kComments, N_COMMENTS);
  CHECK(again != NULL);
  if (again != NULL) {
    CHECK(memcmp(candor_text_results_sentiment(again), sentiment,
                 N_COMMENTS * sizeof(double)) == 0);
  }
  candor_text_results_free(again);
  candor_text_model_free(serial);
  candor_text_results_free(results);
  candor_text_model_free(model);
}

static void test_lexicons(void) {
  candor_text_model* model = NULL;
  CHECK(candor_text_model_new(NULL, &model) == CANDOR_OK);
  const char* text[] = {"The widget is florbish."};
  candor_text_results* before = analyze(model, text, 1);
  CHECK(before != NULL && candor_text_results_sentiment(before)[0] == 0.0);
  static const char kAfinn[] = "florbish\t5\n";
  CHECK(candor_text_model_load_lexicon(model, kAfinn, sizeof(kAfinn) - 1, CANDOR_LEXICON_AFINN,
                                       0) == CANDOR_OK);
  candor_text_results* after = analyze(model, text, 1);
  CHECK(after != NULL && candor_text_results_sentiment(after)[0] > 0.3);
  /* Replacing the lexicon leaves only the new entry. */
  static const char kOwn[] = "# own\nwonderful\t-3\n";
  CHECK(candor_text_model_load_lexicon(model, kOwn, sizeof(kOwn) - 1, CANDOR_LEXICON_CANDOR,
                                       1) == CANDOR_OK);
  CHECK(candor_text_model_lexicon_size(model) == 1);
  static const char kBad[] = "good\tnot-a-number\n";
  CHECK(candor_text_model_load_lexicon(model, kBad, sizeof(kBad) - 1, CANDOR_LEXICON_CANDOR,
                                       0) == CANDOR_PARSE_ERROR);
  CHECK(strstr(candor_last_error(), "line 1") != NULL);
  CHECK(candor_text_model_load_lexicon(model, kOwn, sizeof(kOwn) - 1, (candor_lexicon_format)9,
                                       0) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_text_model_load_lexicon_file(model, "/nonexistent/lexicon.txt",
                                            CANDOR_LEXICON_CANDOR, 0) == CANDOR_NOT_FOUND);
  candor_text_results_free(before);
  candor_text_results_free(after);
  candor_text_model_free(model);
}

static void test_invalid_utf8(void) {
  const char* texts[] = {"fine", "bad \xC3( byte"};
  candor_text_model* strict = NULL;
  CHECK(candor_text_model_new(NULL, &strict) == CANDOR_OK);
  candor_text_results* results = (candor_text_results*)1;
  size_t sizes[] = {4, strlen(texts[1])};
  CHECK(candor_text_analyze(strict, texts, sizes, 2, &results) == CANDOR_INVALID_UTF8);
  CHECK(results == NULL);
  CHECK(strstr(candor_last_error(), "comment 1") != NULL);

  candor_text_options options;
  candor_text_options_init(&options);
  options.invalid_utf8 = CANDOR_UTF8_REPAIR;
  candor_text_model* lenient = NULL;
  CHECK(candor_text_model_new(&options, &lenient) == CANDOR_OK);
  CHECK(candor_text_analyze(lenient, texts, sizes, 2, &results) == CANDOR_OK);
  CHECK(candor_text_results_repaired(results)[0] == 0);
  CHECK(candor_text_results_repaired(results)[1] == 1);
  candor_text_results_free(results);
  candor_text_model_free(strict);
  candor_text_model_free(lenient);
}

static void test_bad_input(void) {
  candor_text_model* model = NULL;
  CHECK(candor_text_model_new(NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  candor_text_options options;
  candor_text_options_init(&options);
  options.invalid_utf8 = (candor_utf8_policy)5;
  CHECK(candor_text_model_new(&options, &model) == CANDOR_INVALID_ARGUMENT);
  CHECK(model == NULL);
  options.invalid_utf8 = CANDOR_UTF8_ERROR;
  options.threads = -1;
  CHECK(candor_text_model_new(&options, &model) == CANDOR_INVALID_ARGUMENT);
  options.size = 4;
  CHECK(candor_text_model_new(&options, &model) == CANDOR_INVALID_ARGUMENT);

  CHECK(candor_text_model_new(NULL, &model) == CANDOR_OK);
  candor_text_results* results = NULL;
  const char* texts[] = {NULL, "x"};
  size_t sizes[] = {0, 1};
  CHECK(candor_text_analyze(model, texts, sizes, 2, &results) == CANDOR_OK);
  CHECK(candor_text_results_count(results) == 2);
  candor_text_results_free(results);
  sizes[0] = 3;
  CHECK(candor_text_analyze(model, texts, sizes, 2, &results) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_text_analyze(model, NULL, sizes, 2, &results) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_text_analyze(NULL, texts, sizes, 2, &results) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_text_analyze(model, NULL, NULL, 0, &results) == CANDOR_OK);
  CHECK(candor_text_results_count(results) == 0);
  candor_text_results_free(results);

  static const char kBadJson[] = "{\"themes\": [";
  CHECK(candor_text_model_load_taxonomy(model, kBadJson, sizeof(kBadJson) - 1) ==
        CANDOR_PARSE_ERROR);
  CHECK(candor_text_model_load_taxonomy(model, NULL, 3) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_text_model_load_taxonomy_file(model, "/nonexistent.json") == CANDOR_NOT_FOUND);
  CHECK(candor_text_results_count(NULL) == 0);
  CHECK(candor_text_results_sentiment(NULL) == NULL);
  CHECK(candor_text_results_sentences(NULL, NULL, NULL, NULL, NULL) == 0);
  CHECK(candor_text_model_theme_count(NULL) == 0);
  candor_text_results_free(NULL);
  candor_text_model_free(NULL);
  candor_text_model_free(model);
}

/* A chain of `levels` themes, each the only child of the one before, as a
 * malloc'd JSON string (*size bytes). */
static char* nested_themes(int levels, size_t* size) {
  static const char kHead[] = "{\"themes\": [";
  static const char kTheme[] = "{\"name\": \"t\", \"keywords\": [\"x\"]";
  static const char kChildren[] = ", \"children\": [";
  char* json = malloc(sizeof(kHead) + (size_t)levels * (sizeof(kTheme) + sizeof(kChildren) + 2));
  char* end = json;
  int i;
  memcpy(end, kHead, sizeof(kHead) - 1);
  end += sizeof(kHead) - 1;
  for (i = 0; i < levels; ++i) {
    if (i > 0) {
      memcpy(end, kChildren, sizeof(kChildren) - 1);
      end += sizeof(kChildren) - 1;
    }
    memcpy(end, kTheme, sizeof(kTheme) - 1);
    end += sizeof(kTheme) - 1;
  }
  for (i = 0; i < levels; ++i) {
    *end++ = '}';
    *end++ = ']';
  }
  *end++ = '}';
  *size = (size_t)(end - json);
  return json;
}

/* Issue 11: a taxonomy nested 10,000 levels overflowed the stack. Now it is
 * CANDOR_INVALID_ARGUMENT naming the limit, from memory and from a file, and
 * the model keeps the taxonomy it had. */
static void test_deep_taxonomy(void) {
  candor_text_model* model = NULL;
  size_t size = 0;
  char* json = NULL;
  char path[] = "/tmp/candor_deep_taxonomy_XXXXXX";
  int fd;
  FILE* file;
  char limit[64];
  snprintf(limit, sizeof(limit), "%d levels of themes", CANDOR_TAXONOMY_MAX_DEPTH);
  CHECK(candor_text_model_new(NULL, &model) == CANDOR_OK);
  CHECK(candor_text_model_load_taxonomy(model, kTaxonomy, sizeof(kTaxonomy) - 1) == CANDOR_OK);

  json = nested_themes(10000, &size);
  CHECK(candor_text_model_load_taxonomy(model, json, size) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), limit) != NULL);
  fd = mkstemp(path);
  CHECK(fd >= 0);
  file = fd >= 0 ? fdopen(fd, "wb") : NULL;
  CHECK(file != NULL && fwrite(json, 1, size, file) == size && fclose(file) == 0);
  CHECK(candor_text_model_load_taxonomy_file(model, path) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), limit) != NULL);
  CHECK(strstr(candor_last_error(), path) != NULL);
  remove(path);
  free(json);
  CHECK(candor_text_model_theme_count(model) == 3);

  json = nested_themes(CANDOR_TAXONOMY_MAX_DEPTH, &size);
  CHECK(candor_text_model_load_taxonomy(model, json, size) == CANDOR_OK);
  CHECK(candor_text_model_theme_count(model) == CANDOR_TAXONOMY_MAX_DEPTH);
  free(json);
  candor_text_model_free(model);
}

int main(void) {
  test_batch();
  test_lexicons();
  test_invalid_utf8();
  test_bad_input();
  test_deep_taxonomy();
  return report();
}
