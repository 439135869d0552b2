/*
 * candor.h — the C ABI of candor, honest customer-feedback analytics.
 *
 * This is the only header C and other languages need. Conventions:
 *  - Every fallible call returns candor_status; CANDOR_OK (0) is success.
 *    The message of the last failure on the calling thread is
 *    candor_last_error(). No C++ exception ever crosses this boundary.
 *  - Handles are opaque, made by candor_xxx_new / candor_xxx_read_* and
 *    released by candor_xxx_free, which accepts NULL.
 *  - Inputs are pointers plus lengths; they are read during the call and
 *    never kept. The one exception is an Arrow array a candor_column borrows
 *    (see "columns from Arrow").
 *  - Option structs begin with a `size` field filled in by
 *    candor_xxx_options_init(), so fields can be added later without breaking
 *    callers compiled against an older header.
 *  - Every call is reentrant. Thread-safety of each handle is documented at
 *    the handle.
 *  - Language: C99 or later, or C++. The ABI is spelled in <stdint.h>'s
 *    fixed-width types and the option initializers are static inline; a C89
 *    compiler stops at the #error below instead of failing further down.
 *  - ABI (rules and baseline: abi/README.md): libcandor.so.<major> exports
 *    these candor_* functions and nothing else. Within a major version no
 *    function or struct field changes or disappears; option structs grow only
 *    at their end. Enum-typed fields and parameters are 4 bytes, like
 *    int32_t, on every supported ABI (checked below: -fshort-enums is not
 *    supported). `char` fields are one byte; `int` parameters are 32 bits.
 *    Structs without a `size` field (candor_margin, candor_covariate,
 *    candor_theme_mentions, and every output struct) are frozen: they never
 *    change, and a successor would be a new struct with a new name.
 *
 * Statistics: every estimate carries a standard error, an interval, n and the
 * effective n. Formulas and references are documented in the C++ header that
 * implements them (include/candor/score.hpp).
 */
#ifndef CANDOR_H_
#define CANDOR_H_

#if !defined(__cplusplus) && !defined(_MSC_VER) && \
    (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 199901L)
#error "candor.h requires C99 or later (or C++): compile with -std=c99 or newer"
#endif

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define CANDOR_API __declspec(dllexport)
#else
#define CANDOR_API __attribute__((visibility("default")))
#endif

/* The version: its one source (CMakeLists.txt reads these lines). */
#define CANDOR_VERSION_MAJOR 0
#define CANDOR_VERSION_MINOR 8
#define CANDOR_VERSION_PATCH 0

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- status */

typedef enum candor_status {
  CANDOR_OK = 0,
  CANDOR_INVALID_ARGUMENT = 1, /* a NULL pointer, a bad option value */
  CANDOR_OUT_OF_RANGE = 2,     /* a score outside the scale, non-integer, NaN */
  CANDOR_EMPTY = 3,            /* no responses where some are needed */
  CANDOR_LENGTH_MISMATCH = 4,  /* arrays that must be equally long are not */
  CANDOR_NOT_FOUND = 5,        /* an unknown column or file */
  CANDOR_PARSE_ERROR = 6,      /* malformed CSV or serialized bytes */
  CANDOR_INVALID_UTF8 = 7,     /* text that is not valid UTF-8 */
  CANDOR_IO_ERROR = 8,         /* the file system failed */
  CANDOR_UNSUPPORTED = 9,      /* a valid request this method cannot answer */
  CANDOR_OUT_OF_MEMORY = 10,
  CANDOR_INTERNAL = 11,        /* a bug in candor: please report it */
  CANDOR_NOT_CONVERGED = 12,   /* an iterative fit did not converge */
  CANDOR_CANCELLED = 13        /* a progress callback asked to stop */
} candor_status;

/* Enums are int-sized in the struct layouts below; a compiler that packs
 * them smaller (-fshort-enums) would read and write the wrong bytes, so it
 * fails here instead. */
typedef char candor_enums_are_4_bytes_[sizeof(candor_status) == sizeof(int32_t) ? 1 : -1];

/* The message of the last failure on this thread ("" if none). The pointer
 * stays valid until the next failing candor call on the same thread. */
CANDOR_API const char* candor_last_error(void);
/* A constant name for a status, e.g. "CANDOR_OUT_OF_RANGE". */
CANDOR_API const char* candor_status_name(candor_status status);
/* "MAJOR.MINOR.PATCH" of the library actually loaded. */
CANDOR_API const char* candor_version(void);

/* ------------------------------------------------- progress and cancelling */
/* Long calls take a progress callback in their options (fields `progress`
 * and `progress_user_data`, last in the struct; NULL: none): CSV reading
 * (candor_csv_options), text analysis (candor_text_options), theme discovery
 * and NMF (candor_themes_options), change points
 * (candor_change_point_options), the outer loop's bootstrap
 * (candor_outer_loop_options), the report (candor_report_options),
 * weighting: raking, post-stratification, linear calibration and IPW
 * (candor_weight_options, with candor_rake_v2 and friends), and the score
 * bootstrap of candor_score and candor_compare (candor_score_options).
 *
 * The callback is told `done` of `total` units now and then: `total` is
 * fixed for the call (its unit is documented with each options struct) and
 * `done` never decreases and ends at `total` when the call succeeds. Return
 * nonzero to go on, 0 to stop: the call then returns CANDOR_CANCELLED
 * (the message says "cancelled by the progress callback after" how far it
 * got, and names the call), with no partial result and nothing leaked.
 *
 * Rules: the callback runs on the calling thread only, even when the work
 * runs on several threads (they check a shared flag between pieces of
 * bounded size, so a 0 takes effect within a fraction of a second on any
 * input). candor_table_read_csv calls it after each 8 MiB read (parsed
 * as it arrives; candor_table_parse_csv after each 4 MiB parsed), the
 * report after each section (and each 65,536 comments); the other calls at
 * most every 10 ms and at least every 50 ms of work, except in short phases
 * without checks
 * (theme discovery's vocabulary, TF-IDF and SVD start; the outer loop and
 * change points outside their simulations; linear calibration's QR and
 * refinements, one pass over the data each). It must not call back into
 * candor with the same handles, and must not unwind (throw or longjmp)
 * through the library. A callback that is slow slows the call. */
typedef int32_t (*candor_progress)(int64_t done, int64_t total, void* user_data);

/* --------------------------------------------------------- score options */

typedef enum candor_metric {
  CANDOR_METRIC_NPS = 0,        /* 100 * (share promoters - share detractors) */
  CANDOR_METRIC_TOP_BOX = 1,    /* 100 * share in the top box_size points */
  CANDOR_METRIC_BOTTOM_BOX = 2, /* 100 * share in the bottom box_size points */
  CANDOR_METRIC_MEAN = 3        /* mean score, in scale units */
} candor_metric;

typedef enum candor_interval {
  CANDOR_INTERVAL_WALD = 0,          /* normal approximation, plug-in variance */
  CANDOR_INTERVAL_ADJUSTED_WALD = 1, /* Wald after pseudo-counts (Rocks 2016) */
  CANDOR_INTERVAL_BAYES = 2,         /* Dirichlet posterior, equal-tailed */
  CANDOR_INTERVAL_BOOTSTRAP = 3,     /* seeded Poisson bootstrap, percentile */
  CANDOR_INTERVAL_JEFFREYS = 4       /* the default: Jeffreys-prior posterior,
                                        equal-tailed, for NPS and boxes (Wald
                                        for means); 93-97% coverage from n = 10
                                        (include/candor/score.hpp) */
} candor_interval;

typedef enum candor_p_adjust {
  CANDOR_P_ADJUST_NONE = 0,
  CANDOR_P_ADJUST_HOLM = 1, /* family-wise error (Holm 1979) */
  CANDOR_P_ADJUST_BH = 2    /* false discovery rate (Benjamini-Hochberg 1995) */
} candor_p_adjust;

typedef struct candor_score_options {
  size_t size;            /* sizeof(candor_score_options); set by _init */
  candor_metric metric;   /* default NPS */
  int32_t scale_min;      /* lowest valid score; default 0 */
  int32_t scale_max;      /* highest valid score; default 10 */
  int32_t promoter_min;   /* NPS: scores >= this are promoters; default 9 */
  int32_t detractor_max;  /* NPS: scores <= this are detractors; default 6 */
  int32_t box_size;       /* TOP_BOX/BOTTOM_BOX: points in the box; default 2 */
  candor_interval interval; /* default JEFFREYS (a mean gets Wald) */
  double level;           /* confidence level in (0, 1); default 0.95 */
  double prior;           /* BAYES: Dirichlet prior per category, in (0, 1e15]; default 1 */
  int32_t replicates;     /* BOOTSTRAP: resamples; default 2000 */
  uint64_t seed;          /* BOOTSTRAP: same seed, same interval; default 42 */
  int32_t threads;        /* 0: all cores; results never depend on it */
  candor_p_adjust p_adjust; /* breakdowns; default HOLM */
  /* BOOTSTRAP in candor_score and candor_compare (the calls that resample
   * responses): told replicates drawn of `replicates` (candor_compare: of
   * 2 * replicates, a's then b's), checked every 65,536 responses of a
   * weighted replicate; see "progress and cancelling" above. Other methods
   * and calls ignore it (a bootstrap of counts per score point takes
   * microseconds). NULL: none. */
  candor_progress progress;
  void* progress_user_data;
} candor_score_options;

typedef enum candor_preset {
  CANDOR_PRESET_NPS = 0,      /* NPS on 0..10: the defaults above */
  CANDOR_PRESET_CSAT = 1,     /* top-2-box on 1..5 */
  CANDOR_PRESET_CES = 2,      /* mean on 1..7 */
  CANDOR_PRESET_CES_AGREE = 3 /* top-3-box on 1..7: the share agreeing */
} candor_preset;

/* Fills the first `size` bytes of *options with a preset's defaults and sets
 * options->size to the bytes filled. Pass the caller's sizeof(*options), so
 * a caller built against an older, shorter struct is never written past its
 * end; the inline wrappers below do that. */
CANDOR_API candor_status candor_score_options_preset(candor_score_options* options,
                                                     size_t size, candor_preset preset);

static inline void candor_score_options_init(candor_score_options* options) {
  candor_score_options_preset(options, sizeof(*options), CANDOR_PRESET_NPS);
}
static inline void candor_score_options_nps(candor_score_options* options) {
  candor_score_options_preset(options, sizeof(*options), CANDOR_PRESET_NPS);
}
static inline void candor_score_options_csat(candor_score_options* options) {
  candor_score_options_preset(options, sizeof(*options), CANDOR_PRESET_CSAT);
}
static inline void candor_score_options_ces(candor_score_options* options) {
  candor_score_options_preset(options, sizeof(*options), CANDOR_PRESET_CES);
}
static inline void candor_score_options_ces_agree(candor_score_options* options) {
  candor_score_options_preset(options, sizeof(*options), CANDOR_PRESET_CES_AGREE);
}

/* ------------------------------------------------------------- estimates */

/* An estimate. NPS and box metrics are on the 0..100 (percent) scale;
 * means are in scale units. Output structs (estimate, comparison, breakdown
 * row) are fixed within a major version: new results come in new structs. */
typedef struct candor_estimate {
  double value;
  double std_error;
  double ci_low;
  double ci_high;
  double level;       /* the confidence level of [ci_low, ci_high] */
  int64_t n;          /* responses counted */
  double effective_n; /* Kish (sum w)^2 / sum w^2; equals n when unweighted */
} candor_estimate;

/* Scores as doubles; each must be an integer within the scale (else
 * CANDOR_OUT_OF_RANGE naming the index). weights may be NULL (all 1); else
 * each must be finite and >= 0 and their sum positive. */
CANDOR_API candor_status candor_score(const candor_score_options* options,
                                      const double* scores,
                                      const double* weights, size_t n,
                                      candor_estimate* out);
/* The fast path for small integer scores (unweighted). */
CANDOR_API candor_status candor_score_i8(const candor_score_options* options,
                                         const int8_t* scores, size_t n,
                                         candor_estimate* out);

/* A comparison of two independent groups or periods: difference = a - b. */
typedef struct candor_comparison {
  double difference;
  double std_error;
  double ci_low;
  double ci_high;
  double p_value; /* two-sided, H0: no difference */
  candor_estimate a;
  candor_estimate b;
} candor_comparison;

CANDOR_API candor_status candor_compare(const candor_score_options* options,
                                        const double* scores_a,
                                        const double* weights_a, size_t n_a,
                                        const double* scores_b,
                                        const double* weights_b, size_t n_b,
                                        candor_comparison* out);

/* ------------------------------------------------------------- planning */

/* Margin of error (half-width, metric units) of the metric with n responses
 * when the expected shares of promoters and detractors are as given (for a
 * box metric pass the expected box share as `promoters` and 0). */
CANDOR_API candor_status candor_margin_of_error(double promoters,
                                                double detractors, int64_t n,
                                                double level, double* out);
/* Responses needed so that the margin of error is at most `margin`. */
CANDOR_API candor_status candor_required_n(double promoters, double detractors,
                                           double margin, double level,
                                           int64_t* out);

/* -------------------------------------------------------------- p-values */

/* Adjusts n p-values for multiple comparisons; out may alias p. */
CANDOR_API candor_status candor_adjust_p_values(candor_p_adjust method,
                                                const double* p, size_t n,
                                                double* out);

/* ------------------------------------------------------------ breakdowns */

/* A breakdown of scores by one or more segment columns: one row per
 * combination of segment values present, each compared with all the other
 * responses (difference = segment - rest), p-values adjusted across rows.
 * Thread-safety: immutable once made; may be read from many threads. */
typedef struct candor_breakdown candor_breakdown;

typedef struct candor_breakdown_row {
  const int32_t* codes;   /* one code per segment column; owned by the handle */
  candor_estimate estimate;
  candor_comparison vs_rest; /* .a is this segment, .b the rest */
  double p_adjusted;
} candor_breakdown_row;

/* segments[j][i] is the code of row i in segment column j (any int32). */
CANDOR_API candor_status candor_breakdown_new(
    const candor_score_options* options, const double* scores,
    const double* weights, size_t n, const int32_t* const* segments,
    size_t n_segment_columns, candor_breakdown** out);
CANDOR_API size_t candor_breakdown_rows(const candor_breakdown* breakdown);
/* Row i (0-based, ordered by codes); the pointers stay valid until free. */
CANDOR_API candor_status candor_breakdown_row_at(
    const candor_breakdown* breakdown, size_t i, candor_breakdown_row* out);
CANDOR_API void candor_breakdown_free(candor_breakdown* breakdown);

/* ----------------------------------------------------------- accumulators */

/* A mergeable accumulator of scores on one integer scale: add batches, merge
 * accumulators built elsewhere (threads, machines), serialize to a versioned,
 * endian-stable byte string, and estimate any metric on that scale.
 * Thread-safety: not safe for concurrent mutation; use one per thread and
 * merge. */
typedef struct candor_accumulator candor_accumulator;

CANDOR_API candor_status candor_accumulator_new(int32_t scale_min,
                                                int32_t scale_max,
                                                candor_accumulator** out);
CANDOR_API void candor_accumulator_free(candor_accumulator* acc);
/* weights may be NULL. On error nothing of the batch is added. */
CANDOR_API candor_status candor_accumulator_add(candor_accumulator* acc,
                                                const double* scores,
                                                const double* weights,
                                                size_t n);
/* Adds everything in `other` (same scale) to `acc`. */
CANDOR_API candor_status candor_accumulator_merge(candor_accumulator* acc,
                                                  const candor_accumulator* other);
/* Writes the serialized size to *size; copies the bytes if buffer is large
 * enough (buffer may be NULL to query the size). */
CANDOR_API candor_status candor_accumulator_serialize(
    const candor_accumulator* acc, uint8_t* buffer, size_t capacity,
    size_t* size);
CANDOR_API candor_status candor_accumulator_deserialize(
    const uint8_t* bytes, size_t size, candor_accumulator** out);
/* The accumulator's scale, and how many responses it holds. */
CANDOR_API candor_status candor_accumulator_scale(const candor_accumulator* acc,
                                                  int32_t* scale_min, int32_t* scale_max);
CANDOR_API int64_t candor_accumulator_count(const candor_accumulator* acc);
/* Any method except a weighted bootstrap, which needs the responses. The
 * options' scale must equal the accumulator's. */
CANDOR_API candor_status candor_accumulator_estimate(
    const candor_accumulator* acc, const candor_score_options* options,
    candor_estimate* out);

/* An accumulator of scores by account, for the cluster-robust estimate: its
 * estimate equals candor_score_design with the accounts as the design's
 * clusters (and its weights, no calibration), for any metric on its scale,
 * Wald or Jeffreys. Accounts are keyed by their labels' bytes, so that
 * accumulators built apart (partitions of a Dask DataFrame, machines) merge
 * account by account: an account may span them. It keeps each account's
 * weight sum per scale point ((scale points + 2) * 8 bytes and the label per
 * account). The serialized bytes are versioned and endian-stable.
 * Thread-safety: as candor_accumulator. */
typedef struct candor_account_accumulator candor_account_accumulator;

CANDOR_API candor_status candor_account_accumulator_new(int32_t scale_min, int32_t scale_max,
                                                        candor_account_accumulator** out);
CANDOR_API void candor_account_accumulator_free(candor_account_accumulator* acc);
/* Row i's account is labels[account_codes[i]] (label_sizes[j] bytes, need
 * not be NUL-terminated); a code outside 0..n_labels-1 is CANDOR_OUT_OF_RANGE
 * naming its index, and a label no row uses adds no account. weights may be
 * NULL. On error nothing of the batch is added. */
CANDOR_API candor_status candor_account_accumulator_add(
    candor_account_accumulator* acc, const double* scores, const double* weights,
    const int32_t* account_codes, size_t n, const char* const* labels,
    const size_t* label_sizes, size_t n_labels);
CANDOR_API candor_status candor_account_accumulator_merge(
    candor_account_accumulator* acc, const candor_account_accumulator* other);
CANDOR_API candor_status candor_account_accumulator_serialize(
    const candor_account_accumulator* acc, uint8_t* buffer, size_t capacity, size_t* size);
CANDOR_API candor_status candor_account_accumulator_deserialize(
    const uint8_t* bytes, size_t size, candor_account_accumulator** out);
CANDOR_API candor_status candor_account_accumulator_scale(
    const candor_account_accumulator* acc, int32_t* scale_min, int32_t* scale_max);
/* Responses held, and distinct accounts among them. */
CANDOR_API int64_t candor_account_accumulator_count(const candor_account_accumulator* acc);
CANDOR_API size_t candor_account_accumulator_accounts(const candor_account_accumulator* acc);
/* Wald or Jeffreys (other methods are CANDOR_UNSUPPORTED); the options' scale
 * must equal the accumulator's; fewer than two accounts is
 * CANDOR_INVALID_ARGUMENT, as for a design with one cluster. */
CANDOR_API candor_status candor_account_accumulator_estimate(
    const candor_account_accumulator* acc, const candor_score_options* options,
    candor_estimate* out);

/* The breakdown (above) of responses held in per-cell accumulators: cells[c]
 * holds the responses whose segment codes are cell_codes[c *
 * n_segment_columns + j], j < n_segment_columns (tuples distinct: a repeated
 * tuple is CANDOR_INVALID_ARGUMENT naming both cells). The rows are those
 * candor_breakdown_new gives for the same responses, up to the rounding of
 * sums added in another order: for states built apart and merged by cell
 * (the partitions of a Dask DataFrame). Cells must be on the options' scale;
 * a weighted bootstrap is CANDOR_UNSUPPORTED, as there. */
CANDOR_API candor_status candor_breakdown_accumulated(
    const candor_score_options* options, const candor_accumulator* const* cells,
    size_t n_cells, const int32_t* cell_codes, size_t n_segment_columns,
    candor_breakdown** out);

/* ---------------------------------------------------------------- weights */

/* Weights made by a calibration (raking, post-stratification, linear GREG
 * calibration) or an inverse-propensity fit, with what they did: the weights
 * (one per respondent), a summary (Kish effective n, design effect, range),
 * convergence, covariate balance before and after (IPW), and, for
 * calibrations, the calibration itself, so that estimates made with these
 * weights (candor_score_design) use calibration-aware variances, as R's
 * survey package does. Formulas: include/candor/weight.hpp.
 * Thread-safety: immutable once made; may be read from many threads. */
typedef struct candor_weights candor_weights;

/* A categorical variable of the respondents with its population totals:
 * codes[i] in 0..levels-1 for each respondent, population[level] the total
 * (count, or any size measure) of the target population in that level.
 * Frozen (no `size` field; passed in arrays): it will never change. */
typedef struct candor_margin {
  const char* name;           /* used in messages; may be NULL */
  const int32_t* codes;       /* one per respondent */
  const double* population;   /* `levels` totals */
  size_t levels;
} candor_margin;

/* A covariate of the whole invited population (IPW, balance): numeric values
 * or categorical codes (exactly one of the two), one per invited customer.
 * Frozen (no `size` field; passed in arrays): it will never change. */
typedef struct candor_covariate {
  const char* name;
  const double* numeric;
  const int32_t* codes;
  int32_t levels;
} candor_covariate;

typedef struct candor_weight_summary {
  double sum;
  double min;
  double max;
  double max_to_min;
  double effective_n;   /* Kish (sum w)^2 / sum w^2 */
  double design_effect; /* n sum w^2 / (sum w)^2 */
} candor_weight_summary;

/* base_weights may be NULL (all 1). max_iterations 0 and tolerance 0 take the
 * defaults (100, 1e-10). CANDOR_NOT_CONVERGED when margins are not met. */
CANDOR_API candor_status candor_rake(const double* base_weights, size_t n,
                                     const candor_margin* margins, size_t n_margins,
                                     int32_t max_iterations, double tolerance,
                                     candor_weights** out);
CANDOR_API candor_status candor_poststratify(const double* base_weights, size_t n,
                                             const candor_margin* cells, candor_weights** out);
/* x: row-major n x p calibration variables (include a column of 1s with total
 * N to calibrate the population size); totals: p population totals. */
CANDOR_API candor_status candor_calibrate_linear(const double* base_weights, size_t n,
                                                 const double* x, int32_t p,
                                                 const double* totals, candor_weights** out);
/* Inverse-propensity weights from an L2-penalized logistic regression of
 * responded (0/1 per invited customer) on the covariates. The weights are
 * one per respondent, in population order. */
CANDOR_API candor_status candor_ipw(const uint8_t* responded, size_t n,
                                    const candor_covariate* covariates, size_t n_covariates,
                                    double l2_penalty, candor_weights** out);

/* The same four with options: candor_rake_v2 and friends take a
 * size-versioned candor_weight_options (NULL: the defaults) instead of the
 * trailing numbers, and with it a progress callback. */
typedef struct candor_weight_options {
  size_t size;            /* sizeof(candor_weight_options); set by _init */
  int32_t max_iterations; /* raking and IPW; default 100 */
  double tolerance;       /* raking (relative margin error) and IPW (largest
                             coefficient change); default 1e-10 */
  double l2_penalty;      /* IPW: ridge penalty of the logistic fit; default 0 */
  /* Progress (see "progress and cancelling" above; NULL: none), in
   * iterations done of max_iterations for raking and IPW (done = total when
   * the fit converges earlier), respondents of n for post-stratification,
   * and steps of 10 for linear calibration (the check of x, its QR, each of
   * at most 8 refinements). Checked every 65,536 respondents (2,048 invited
   * customers per thread for IPW) of each pass over the data; linear
   * calibration only between its steps. */
  candor_progress progress;
  void* progress_user_data;
} candor_weight_options;

/* Fills the first `size` bytes of *options with the defaults; call through
 * candor_weight_options_init. */
CANDOR_API candor_status candor_weight_options_defaults(candor_weight_options* options,
                                                        size_t size);
static inline void candor_weight_options_init(candor_weight_options* options) {
  candor_weight_options_defaults(options, sizeof(*options));
}
CANDOR_API candor_status candor_rake_v2(const candor_weight_options* options,
                                        const double* base_weights, size_t n,
                                        const candor_margin* margins, size_t n_margins,
                                        candor_weights** out);
CANDOR_API candor_status candor_poststratify_v2(const candor_weight_options* options,
                                                const double* base_weights, size_t n,
                                                const candor_margin* cells, candor_weights** out);
CANDOR_API candor_status candor_calibrate_linear_v2(const candor_weight_options* options,
                                                    const double* base_weights, size_t n,
                                                    const double* x, int32_t p,
                                                    const double* totals, candor_weights** out);
CANDOR_API candor_status candor_ipw_v2(const candor_weight_options* options,
                                       const uint8_t* responded, size_t n,
                                       const candor_covariate* covariates, size_t n_covariates,
                                       candor_weights** out);
CANDOR_API void candor_weights_free(candor_weights* weights);

/* The weights; owned by the handle. */
CANDOR_API const double* candor_weights_values(const candor_weights* weights, size_t* n);
CANDOR_API candor_status candor_weights_summary(const candor_weights* weights,
                                                candor_weight_summary* out);
/* Iterations the fit or calibration used. */
CANDOR_API int32_t candor_weights_iterations(const candor_weights* weights);
/* 1 when it converged, else 0 (a fit that does not converge is an error, so
 * a handle that exists has converged; kept for callers that log it). */
CANDOR_API int32_t candor_weights_converged(const candor_weights* weights);
/* Covariate balance rows (IPW): absolute standardized mean differences. */
CANDOR_API size_t candor_weights_balance_count(const candor_weights* weights);
CANDOR_API candor_status candor_weights_balance_at(const candor_weights* weights, size_t i,
                                                   const char** variable, double* asmd_before,
                                                   double* asmd_after);
/* IPW coefficients (intercept first, standardized numeric covariates);
 * names owned by the handle. 0 terms for calibrations. */
CANDOR_API size_t candor_weights_terms(const candor_weights* weights);
CANDOR_API candor_status candor_weights_term_at(const candor_weights* weights, size_t i,
                                                const char** name, double* coefficient);

/* Plain weight vectors, written to `out` (n values; may alias an input). */
CANDOR_API candor_status candor_weight_summarize(const double* weights, size_t n,
                                                 candor_weight_summary* out);
/* 0.5 ^ ((reference - t) / half_life), times in Unix seconds. */
CANDOR_API candor_status candor_recency_weights(const int64_t* times, size_t n,
                                                double half_life_days, int64_t reference_time,
                                                double* out);
typedef enum candor_account_mode {
  CANDOR_ACCOUNT_PER_RESPONSE = 0, /* each response counts (times its role weight) */
  CANDOR_ACCOUNT_EQUAL = 1,        /* each account's responses sum to 1 */
  CANDOR_ACCOUNT_BY_VALUE = 2      /* each account's responses sum to its value */
} candor_account_mode;
/* account_value (per response, constant within an account) is needed for
 * BY_VALUE; roles and role_weights (n_roles entries) are optional. */
CANDOR_API candor_status candor_account_weights(const int32_t* accounts, size_t n,
                                                candor_account_mode mode,
                                                const double* account_value,
                                                const int32_t* roles, const double* role_weights,
                                                size_t n_roles, double* out);
/* Caps at ratio * mean (ratio > 0, quantiles ignored) or, with ratio = 0,
 * winsorizes at the lower and upper quantiles; the sum is kept. */
CANDOR_API candor_status candor_trim_weights(const double* weights, size_t n, double ratio,
                                             double lower_quantile, double upper_quantile,
                                             double* out);
/* The product of the non-NULL parts, rescaled to mean 1. */
CANDOR_API candor_status candor_combine_weights(const double* const* parts, size_t n_parts,
                                                size_t n, double* out);

/* Response rates by segment with Wilson intervals: out[code] for each code in
 * 0..levels-1 (segment may be NULL: one group, levels = 1). */
typedef struct candor_response_rate {
  int64_t invited;
  int64_t responded;
  double rate;
  double ci_low;
  double ci_high;
} candor_response_rate;
CANDOR_API candor_status candor_response_rates(const uint8_t* responded, const int32_t* segment,
                                               size_t n, size_t levels, double level,
                                               candor_response_rate* out);

/* Recency-bias adjustment: the metric standardized to a reference mix of
 * recent events (regression standardization; include/candor/weight.hpp).
 * event_kind[i] in -1..kinds-1 (-1: no recent event); coefficients, if not
 * NULL, receives kinds + 1 values (intercept first) on the metric's scale. */
typedef struct candor_recency_effect {
  double raw_value;
  double standardized_value;
  double std_error;
  double ci_low;
  double ci_high;
} candor_recency_effect;
CANDOR_API candor_status candor_adjust_recency(
    const candor_score_options* options, const double* scores, const double* weights,
    const int32_t* event_kind, const double* days_since_event, size_t n, int32_t kinds,
    double decay_days, const double* reference_share, const int32_t* clusters,
    candor_recency_effect* out, double* coefficients, double* std_errors);

/* ------------------------------------------------------- design estimates */

/* How responses were weighted and clustered, for design-based variances
 * (Taylor linearization as R's survey::svymean; include/candor/design.hpp). */
typedef struct candor_design {
  size_t size;                       /* set by candor_design_init */
  const double* weights;             /* NULL: all 1, or the calibration's */
  const int32_t* clusters;           /* account codes >= 0; NULL: none */
  const candor_weights* calibration; /* NULL, or from a calibration: its
                                        weights are used (weights must be
                                        NULL) and its variance correction */
} candor_design;

CANDOR_API candor_status candor_design_defaults(candor_design* design, size_t size);
static inline void candor_design_init(candor_design* design) {
  candor_design_defaults(design, sizeof(*design));
}

/* Estimates under a design: cluster-robust by account and calibration-aware
 * (Wald only with clusters or calibration). */
CANDOR_API candor_status candor_score_design(const candor_score_options* options,
                                             const double* scores, size_t n,
                                             const candor_design* design, candor_estimate* out);
/* a - b for two groups of one design (group[i]: 0 = a, 1 = b, else neither);
 * correlation through shared accounts is accounted for. */
CANDOR_API candor_status candor_compare_groups(const candor_score_options* options,
                                               const double* scores, size_t n,
                                               const candor_design* design, const int8_t* group,
                                               candor_comparison* out);
CANDOR_API candor_status candor_breakdown_design(const candor_score_options* options,
                                                 const double* scores, size_t n,
                                                 const candor_design* design,
                                                 const int32_t* const* segments,
                                                 size_t n_segment_columns,
                                                 candor_breakdown** out);

/* ----------------------------------------------------------------- tables */

/* A columnar table of survey responses. Thread-safety: immutable once read;
 * may be read from many threads. */
typedef struct candor_table candor_table;

typedef struct candor_csv_options {
  size_t size;                 /* set by candor_csv_options_init */
  const char* score_column;    /* required; default "score" */
  const char* time_column;     /* optional (NULL): ISO 8601 or epoch seconds */
  const char* account_column;  /* optional */
  const char* role_column;     /* optional */
  const char* weight_column;   /* optional */
  const char* comment_column;  /* optional */
  const char* const* segment_columns; /* optional, n_segment_columns names */
  size_t n_segment_columns;
  char delimiter;              /* default ',' */
  int32_t skip_bad_rows;       /* 0: the first bad row is an error naming its
                                  line and column; 1: skip and count it */
  uint64_t max_bytes;          /* candor_table_read_csv: a larger file is
                                  CANDOR_INVALID_ARGUMENT, refused before it
                                  is read. Default 0: no limit (only regular
                                  files are read, and their size is known
                                  first; older callers keep reading any
                                  size). Set it when files come from others. */
  const char* const* number_columns; /* optional, n_number_columns names: numeric
                                        columns kept by name (ARR, a churn
                                        outcome); an empty cell is NaN, other
                                        text that is not a number a bad row */
  size_t n_number_columns;
  /* Progress in bytes read of the file's size, told after each 8 MiB read
   * (candor_table_parse_csv: after each 4 MiB of the data parsed); see
   * "progress and cancelling" above. NULL: none. */
  candor_progress progress;
  void* progress_user_data;
  char decimal;                /* '.' (default) or ',': the decimal separator
                                  of scores, weights and number columns (as
                                  pandas' decimal=","); with ',' a '.' in a
                                  number is an error, and the delimiter must
                                  not be ',' */
  const char* time_format;     /* NULL (default): ISO 8601 or epoch seconds.
                                  Else a strftime-style format the whole time
                                  field must match ("%d.%m.%Y %H:%M"): at the
                                  offset of a %z field, else taken as UTC */
  const char* encoding;        /* NULL or "UTF-8" (default): the input must be
                                  valid UTF-8. Else an ICU encoding name
                                  ("windows-1252", "latin1", "UTF-16"): the
                                  input is transcoded to UTF-8 first (a file
                                  is then read whole); undefined bytes are
                                  CANDOR_INVALID_UTF8, an unknown name
                                  CANDOR_INVALID_ARGUMENT */
} candor_csv_options;

/* Fills the first `size` bytes of *options with the defaults (score column
 * "score", delimiter ',', decimal '.'); call through candor_csv_options_init. */
CANDOR_API candor_status candor_csv_options_defaults(candor_csv_options* options,
                                                     size_t size);
static inline void candor_csv_options_init(candor_csv_options* options) {
  candor_csv_options_defaults(options, sizeof(*options));
}
/* Reads only a regular file: a directory, FIFO or device is CANDOR_IO_ERROR,
 * refused before anything is read (a FIFO would block, /dev/zero never ends). */
CANDOR_API candor_status candor_table_read_csv(const char* path,
                                               const candor_csv_options* options,
                                               candor_table** out);
CANDOR_API candor_status candor_table_parse_csv(const char* data, size_t size,
                                                const candor_csv_options* options,
                                                candor_table** out);
CANDOR_API void candor_table_free(candor_table* table);

CANDOR_API size_t candor_table_rows(const candor_table* table);
/* The segment columns read, in the order asked for; names owned by the table. */
CANDOR_API size_t candor_table_segment_count(const candor_table* table);
CANDOR_API const char* candor_table_segment_name(const candor_table* table, size_t j);
/* Rows skipped as bad (skip_bad_rows = 1); 0 otherwise. */
CANDOR_API size_t candor_table_skipped_rows(const candor_table* table);
/* The scores column (length candor_table_rows); owned by the table. */
CANDOR_API const double* candor_table_scores(const candor_table* table);
/* The weight column, or NULL when the table has none. */
CANDOR_API const double* candor_table_weights(const candor_table* table);
/* Unix seconds (UTC) per row, or NULL when the table has no time column. */
CANDOR_API const int64_t* candor_table_times(const candor_table* table);

/* Categorical columns: segments by name, or the reserved names "account",
 * "role" for those columns. Codes are dense 0..levels-1 in order of first
 * appearance. */
CANDOR_API candor_status candor_table_codes(const candor_table* table,
                                            const char* column,
                                            const int32_t** codes,
                                            size_t* levels);
/* The label of a code of a categorical column; owned by the table. */
CANDOR_API candor_status candor_table_label(const candor_table* table,
                                            const char* column, int32_t code,
                                            const char** label);
/* The values of number column `column` (candor_csv_options.number_columns),
 * candor_table_rows of them, NaN for an empty cell; owned by the table.
 * CANDOR_NOT_FOUND when the table did not keep that column. */
CANDOR_API candor_status candor_table_numbers(const candor_table* table, const char* column,
                                              const double** values);
/* The comment of row i (UTF-8, validated; "" if the table has none). */
CANDOR_API candor_status candor_table_comment(const candor_table* table,
                                              size_t row, const char** text,
                                              size_t* length);

/* The column names of a CSV file's header row, read as candor_table_read_csv
 * and candor_table_parse_csv read it: RFC 4180 quoting undone, a UTF-8 BOM
 * skipped. Only the header row is read; it must be valid UTF-8 and name each
 * column once, else CANDOR_INVALID_UTF8 or CANDOR_PARSE_ERROR naming the line,
 * as for a table. Input without a header row (empty, or only line breaks) has
 * no columns. Of the options (NULL: defaults) only delimiter and encoding are
 * used, and max_bytes by candor_csv_header_read, which reads only a regular file.
 * Thread-safety: immutable once read. */
typedef struct candor_csv_header candor_csv_header;
CANDOR_API candor_status candor_csv_header_read(const char* path,
                                                const candor_csv_options* options,
                                                candor_csv_header** out);
CANDOR_API candor_status candor_csv_header_parse(const char* data, size_t size,
                                                 const candor_csv_options* options,
                                                 candor_csv_header** out);
CANDOR_API void candor_csv_header_free(candor_csv_header* header);
/* The number of columns; 0 for NULL. */
CANDOR_API size_t candor_csv_header_count(const candor_csv_header* header);
/* The name of column i (UTF-8, NUL-terminated, owned by the header), its
 * length in bytes into *length if not NULL (a name may hold a NUL byte);
 * NULL past the end. */
CANDOR_API const char* candor_csv_header_name(const candor_csv_header* header, size_t i,
                                              size_t* length);

/* ------------------------------------------------- columns from Arrow */

/* Columns handed over as Apache Arrow arrays through the Arrow C Data
 * Interface (arrow.apache.org/docs/format/CDataInterface.html and
 * CStreamInterface.html), so that data from pyarrow, Polars, DuckDB or any
 * Arrow producer reaches candor without a copy and without an Arrow library.
 * The three structs are the specification's layout; the include guards are
 * the specification's too, so this header and Arrow's own abi.h can both be
 * included. */
#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

struct ArrowSchema {
  const char* format;
  const char* name;
  const char* metadata;
  int64_t flags;
  int64_t n_children;
  struct ArrowSchema** children;
  struct ArrowSchema* dictionary;
  void (*release)(struct ArrowSchema*);
  void* private_data;
};

struct ArrowArray {
  int64_t length;
  int64_t null_count;
  int64_t offset;
  int64_t n_buffers;
  int64_t n_children;
  const void** buffers;
  struct ArrowArray** children;
  struct ArrowArray* dictionary;
  void (*release)(struct ArrowArray*);
  void* private_data;
};

#endif /* ARROW_C_DATA_INTERFACE */

#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE

struct ArrowArrayStream {
  int (*get_schema)(struct ArrowArrayStream*, struct ArrowSchema* out);
  int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out);
  const char* (*get_last_error)(struct ArrowArrayStream*);
  void (*release)(struct ArrowArrayStream*);
  void* private_data;
};

#endif /* ARROW_C_STREAM_INTERFACE */

/* One column, read from an Arrow array or stream, as the arrays the rest of
 * this header takes: numbers as doubles, times as Unix seconds, text as
 * codes with labels or as (pointer, size) pairs.
 *
 * Arrow types read (format strings):
 *  - numbers: int8..int64 ("c" "s" "i" "l"), uint8..uint64 ("C" "S" "I" "L"),
 *    float32 and float64 ("f" "g"), boolean ("b", as 0 and 1); integers past
 *    2^53 lose precision as doubles do;
 *  - text: utf8 ("u") and large_utf8 ("U");
 *  - times: timestamps in s, ms, us or ns ("tss:" "tsm:" "tsu:" "tsn:", with
 *    or without a time zone), date32 ("tdD") and date64 ("tdm"). A time is
 *    the Unix second it falls in (finer units are floored); a timestamp with
 *    a time zone is an instant, one without is taken as UTC. The zone's name
 *    is candor_column_info.time_zone;
 *  - dictionary-encoded columns of any of the above, with any integer index
 *    type; an index outside the dictionary is an error naming its row.
 * A null (validity bitmap, or a null row of the struct holding the column) is
 * a missing value: NaN for numbers, INT64_MIN for times (the missing time of
 * candor_followup_input.time), code -1 and "" for text. Offsets are honoured
 * at every level, so slices read as the slice.
 *
 * Ownership: candor borrows an array and never calls a release callback it
 * was given. A float64 column without nulls is read in place, and text is
 * never copied, so the caller keeps the schema and the array alive and
 * unchanged until candor_column_free. From a stream, candor owns the schema
 * and the chunks it takes: it releases the schema once read and the chunks at
 * candor_column_free (or at a failure); the stream itself stays the caller's
 * to release. Chunks are
 * joined into one column: numbers and times of several chunks are copied
 * into one array, text stays where it is.
 *
 * Malformed input (a NULL or released struct, a format the specification does
 * not define, a negative length or offset, a missing buffer, text offsets
 * that decrease, a wrong number of buffers or children) is
 * CANDOR_INVALID_ARGUMENT naming what is wrong; a valid type candor does not
 * read (lists, decimals, ...) is CANDOR_UNSUPPORTED naming its format.
 * Thread-safety: immutable once made (numbers, int8 values, codes and texts
 * are made at their first call, once); may be read from many threads. */
typedef struct candor_column candor_column;

typedef enum candor_column_kind {
  CANDOR_COLUMN_NUMBERS = 0, /* candor_column_numbers */
  CANDOR_COLUMN_TEXT = 1,    /* candor_column_codes, candor_column_texts */
  CANDOR_COLUMN_TIMES = 2    /* candor_column_times */
} candor_column_kind;

typedef struct candor_column_info {
  candor_column_kind kind;
  int32_t in_place;      /* 1: numbers read where the producer keeps them */
  size_t rows;
  size_t nulls;          /* rows that are missing values */
  size_t chunks;         /* arrays read: 1 for an array, >= 0 for a stream */
  const char* format;    /* the Arrow format of the values ("g", "tsu:UTC",
                            "u"; a dictionary's value format), owned by the
                            column */
  const char* time_zone; /* times: the timestamp's zone, "" for none; owned
                            by the column */
} candor_column_info;

/* The column `field` of a struct array (a record batch), or the array itself
 * when `field` is NULL; a name no child has is CANDOR_NOT_FOUND naming the
 * children. */
CANDOR_API candor_status candor_column_from_arrow(const struct ArrowSchema* schema,
                                                  const struct ArrowArray* array,
                                                  const char* field, candor_column** out);
/* Every chunk of `stream` (until its end), as one column. A producer's error
 * is CANDOR_IO_ERROR with its get_last_error message. */
CANDOR_API candor_status candor_column_from_arrow_stream(struct ArrowArrayStream* stream,
                                                         const char* field,
                                                         candor_column** out);
CANDOR_API void candor_column_free(candor_column* column);
CANDOR_API candor_status candor_column_describe(const candor_column* column,
                                                candor_column_info* out);
/* A numbers column: rows values, NaN for a null; owned by the column (or the
 * producer's own buffer, when in_place). Another kind is
 * CANDOR_INVALID_ARGUMENT naming its kind. */
CANDOR_API candor_status candor_column_numbers(const candor_column* column,
                                               const double** values);
/* A numbers column of an integer type (int8..uint64) without nulls whose
 * values all lie in -128..127, as rows int8 values: the producer's own buffer
 * for an int8 array (one chunk), else converted once. For the int8 fast paths
 * (candor_score_i8). A null, a value outside int8 or a float or boolean
 * column is CANDOR_UNSUPPORTED: take candor_column_numbers then. */
CANDOR_API candor_status candor_column_int8(const candor_column* column,
                                            const int8_t** values);
/* A times column: rows Unix seconds (UTC), INT64_MIN for a null. */
CANDOR_API candor_status candor_column_times(const candor_column* column,
                                             const int64_t** seconds);
/* A text column as codes: rows int32 codes, dense 0..levels-1 in order of
 * first appearance (as candor_table_codes), -1 for a null. Labels must be
 * valid UTF-8: else CANDOR_INVALID_UTF8 naming the row. */
CANDOR_API candor_status candor_column_codes(const candor_column* column,
                                             const int32_t** codes, size_t* levels);
/* The label of a code (NUL-terminated, its length in bytes into *length if
 * not NULL); owned by the column. Call candor_column_codes first. */
CANDOR_API candor_status candor_column_label(const candor_column* column, int32_t code,
                                             const char** label, size_t* length);
/* A text column as rows (pointer, size) pairs into the producer's buffers,
 * as candor_text_analyze takes them: not NUL-terminated, not checked for
 * UTF-8 here (the text model checks it), "" for a null. */
CANDOR_API candor_status candor_column_texts(const candor_column* column,
                                             const char* const** texts,
                                             const size_t** sizes);

/* ---------------------------------------------------- trend: series tests */
/* (Mann-Kendall, Sen's slope, WLS slope: declarations follow here.) */

/* Trend tests on a time-ordered, equally spaced series (e.g. NPS per month):
 * the Mann-Kendall test (original, Hamed-Rao for autocorrelation, seasonal),
 * Sen's slope and a weighted least-squares line through bucket estimates.
 * Formulas, conventions and references: include/candor/trend_series.hpp. Values
 * must be finite (drop missing ones first): a NaN is CANDOR_OUT_OF_RANGE
 * naming its index; fewer than 3 values is CANDOR_EMPTY. */
typedef enum candor_mk_method {
  CANDOR_MK_ORIGINAL = 0,  /* Mann 1945 / Kendall 1975, tie-corrected */
  CANDOR_MK_HAMED_RAO = 1, /* Var(S) corrected for autocorrelation; n <= 10000 */
  CANDOR_MK_SEASONAL = 2   /* Hirsch-Slack-Smith; season = index mod period */
} candor_mk_method;

typedef struct candor_mk_options {
  size_t size;             /* sizeof(candor_mk_options); set by _init */
  candor_mk_method method; /* default ORIGINAL */
  double alpha;            /* in (0, 1); the trend verdict and Hamed-Rao lags; 0.05 */
  size_t max_lag;          /* Hamed-Rao: lags 1..max_lag; 0 (default): all */
  size_t period;           /* seasonal: seasons per cycle, >= 2; n >= 2 periods */
  int32_t hamed_rao_signed_sum; /* 1: the paper's signed sum; 0 (default): |sum| */
} candor_mk_options;

/* Fills the first `size` bytes of *options with the defaults; call through
 * candor_mk_options_init. */
CANDOR_API candor_status candor_mk_options_defaults(candor_mk_options* options, size_t size);
static inline void candor_mk_options_init(candor_mk_options* options) {
  candor_mk_options_defaults(options, sizeof(*options));
}

typedef struct candor_mk_result {
  int64_t s;               /* sum_{i<j} sign(x_j - x_i) (within seasons) */
  double var_s;            /* tie-corrected; times variance_factor (Hamed-Rao) */
  double z;                /* continuity-corrected */
  double p_value;          /* two-sided */
  double tau;              /* S / number of pairs (tau-a) */
  int64_t n;
  int32_t trend;           /* +1 increasing, -1 decreasing, 0 none, at alpha */
  double variance_factor;  /* Hamed-Rao n/n*_s; 1 otherwise */
  int64_t significant_lags; /* Hamed-Rao: lags used; 0 otherwise */
} candor_mk_result;

/* options NULL: the original test with the defaults. */
CANDOR_API candor_status candor_mann_kendall(const double* values, size_t n,
                                             const candor_mk_options* options,
                                             candor_mk_result* out);

typedef struct candor_sens_slope_result {
  double slope;      /* per index step (per cycle for the seasonal slope) */
  double intercept;  /* median(x) - median(time) * slope */
  double ci_low;     /* Sen's rank interval at `level` */
  double ci_high;
} candor_sens_slope_result;

/* Sen's slope with its interval; level in (0, 1); n <= 10000 (O(n^2)). */
CANDOR_API candor_status candor_sens_slope(const double* values, size_t n, double level,
                                           candor_sens_slope_result* out);
/* The seasonal Sen's slope: median of within-season slopes, per cycle. */
CANDOR_API candor_status candor_seasonal_sens_slope(const double* values, size_t n,
                                                    size_t period, double level,
                                                    candor_sens_slope_result* out);

typedef struct candor_wls_slope_result {
  double slope;
  double slope_std_error;
  double slope_ci_low;
  double slope_ci_high;
  double slope_p_value;      /* two-sided, slope = 0 */
  double intercept;          /* the line at time 0 */
  double intercept_std_error;
  double intercept_ci_low;
  double intercept_ci_high;
  double intercept_p_value;
  double chi_square;         /* sum w_i residual_i^2, on n - 2 df */
  double residual_scale;     /* chi_square / (n - 2) */
  int64_t n;
} candor_wls_slope_result;

/* Weighted least-squares line through bucket estimates values[i] with
 * std_errors[i] > 0 (weights 1/se^2) at times[i] (NULL: the index 0..n-1;
 * else strictly increasing: an unsorted or duplicate time is
 * CANDOR_INVALID_ARGUMENT naming its index). scale_by_residual_variance 0
 * (recommended): the std errors are known sampling errors, covariance
 * (X'WX)^-1 and normal intervals; 1: scaled by chi_square/(n-2) with t(n-2)
 * intervals (statsmodels WLS's default). */
CANDOR_API candor_status candor_wls_slope(const double* values, const double* std_errors,
                                          const double* times, size_t n, double level,
                                          int32_t scale_by_residual_variance,
                                          candor_wls_slope_result* out);

/* --------------------------------------------------------- trend: buckets */
/* (Time buckets, rolling and EW estimates, changes, control limits.) */

/* The metric per calendar bucket (day, ISO week, month, quarter) in an IANA
 * time zone, per segment, with rolling-window and exponentially weighted
 * estimates, the change from the previous non-empty bucket (difference, SE,
 * interval, p-value adjusted across the series' changes, minimal detectable
 * change) and control limits.
 * Definitions, formulas and references: include/candor/trend_buckets.hpp. */
typedef enum candor_period {
  CANDOR_PERIOD_DAY = 0,    /* local midnight to midnight; "2026-01-31" */
  CANDOR_PERIOD_WEEK = 1,   /* ISO week from Monday; "2026-W03" (ISO year) */
  CANDOR_PERIOD_MONTH = 2,  /* "2026-01" */
  CANDOR_PERIOD_QUARTER = 3 /* "2026-Q1" */
} candor_period;

typedef struct candor_buckets_options {
  size_t size;            /* sizeof(candor_buckets_options); set by _init */
  candor_period every;    /* default MONTH */
  const char* time_zone;  /* IANA name, e.g. "Europe/London"; NULL or default: "UTC".
                             Read during candor_buckets_new only. A tz database
                             name, never a file path: 1 to 64 bytes; components
                             of 1 to 14 of A-Z a-z 0-9 _ - + (not starting with
                             '-') joined by '/', so "UTC", "Etc/GMT+5",
                             "EST5EDT", "America/Argentina/Buenos_Aires". A
                             leading '/', a "." or ".." component, backslash or
                             ':' is CANDOR_INVALID_ARGUMENT before any file is
                             opened; so is an unknown zone. */
  int32_t window_days;    /* rolling window of the last N local days; 0 (default): none */
  double half_life_days;  /* exponential weighting half-life; 0 (default): none */
  double power;           /* of the minimal detectable change; default 0.8 */
  double control_k;       /* control limits at center +/- k sigma_i; default 3 */
  double control_level;   /* in (0, 1): k = z_{(1 + level)/2} instead; default 0 */
  candor_p_adjust p_adjust; /* change p-values across the changes of each series
                               (CHANGE_P_ADJUSTED); default HOLM (not the score
                               options') */
} candor_buckets_options;

/* Fills the first `size` bytes of *options with the defaults; call through
 * candor_buckets_options_init. */
CANDOR_API candor_status candor_buckets_options_defaults(candor_buckets_options* options,
                                                         size_t size);
static inline void candor_buckets_options_init(candor_buckets_options* options) {
  candor_buckets_options_defaults(options, sizeof(*options));
}

/* The rows of a bucket trend: one per (segment, bucket), segments ascending,
 * buckets in time order (row j * buckets + k is bucket k of series j).
 * Thread-safety: immutable once made; may be read from many threads. The
 * columns and labels are owned by the handle and valid until its free. */
typedef struct candor_buckets candor_buckets;

/* scores and times (Unix seconds, any order) have n entries; weights (NULL:
 * all 1), accounts (cluster codes >= 0; NULL: none; Wald only) and segments
 * (any int32 codes; NULL: one series) too. score_options picks the metric
 * and interval (its level also sets the MDC's alpha = 1 - level). */
CANDOR_API candor_status candor_buckets_new(const candor_score_options* score_options,
                                            const candor_buckets_options* options,
                                            const double* scores, const int64_t* times, size_t n,
                                            const double* weights, const int32_t* accounts,
                                            const int32_t* segments, candor_buckets** out);
CANDOR_API void candor_buckets_free(candor_buckets* buckets);
/* Rows (segments x buckets); 0 for NULL. */
CANDOR_API size_t candor_buckets_rows(const candor_buckets* buckets);
/* The label of a row's bucket, e.g. "2026-W03"; NULL when out of range. */
CANDOR_API const char* candor_buckets_label(const candor_buckets* buckets, size_t row);

/* Columns, one value per row. Statistics of an empty bucket, and of rolling
 * or smoothed estimates not asked for, are NaN with n = 0; change columns
 * are NaN where there is no previous non-empty bucket (PREVIOUS = -1). */
typedef enum candor_buckets_column {
  /* double columns: candor_buckets_column_f64 */
  CANDOR_BUCKETS_VALUE = 0,
  CANDOR_BUCKETS_STD_ERROR = 1,
  CANDOR_BUCKETS_CI_LOW = 2,
  CANDOR_BUCKETS_CI_HIGH = 3,
  CANDOR_BUCKETS_EFFECTIVE_N = 4,
  CANDOR_BUCKETS_ROLLING_VALUE = 5,
  CANDOR_BUCKETS_ROLLING_STD_ERROR = 6,
  CANDOR_BUCKETS_ROLLING_CI_LOW = 7,
  CANDOR_BUCKETS_ROLLING_CI_HIGH = 8,
  CANDOR_BUCKETS_ROLLING_EFFECTIVE_N = 9,
  CANDOR_BUCKETS_SMOOTHED_VALUE = 10,
  CANDOR_BUCKETS_SMOOTHED_STD_ERROR = 11,
  CANDOR_BUCKETS_SMOOTHED_CI_LOW = 12,
  CANDOR_BUCKETS_SMOOTHED_CI_HIGH = 13,
  CANDOR_BUCKETS_SMOOTHED_EFFECTIVE_N = 14,
  CANDOR_BUCKETS_CHANGE = 15,           /* this bucket - previous */
  CANDOR_BUCKETS_CHANGE_STD_ERROR = 16,
  CANDOR_BUCKETS_CHANGE_CI_LOW = 17,
  CANDOR_BUCKETS_CHANGE_CI_HIGH = 18,
  CANDOR_BUCKETS_CHANGE_P_VALUE = 19,
  CANDOR_BUCKETS_MDC = 20,              /* minimal detectable change */
  CANDOR_BUCKETS_CENTER = 21,           /* control limits */
  CANDOR_BUCKETS_LOWER = 22,
  CANDOR_BUCKETS_UPPER = 23,
  CANDOR_BUCKETS_CHANGE_P_ADJUSTED = 24, /* CHANGE_P_VALUE adjusted (p_adjust)
                                            across the series' changes */
  /* int64 columns: candor_buckets_column_i64 */
  CANDOR_BUCKETS_START = 100,           /* Unix seconds, inclusive */
  CANDOR_BUCKETS_END = 101,             /* Unix seconds, exclusive */
  CANDOR_BUCKETS_N = 102,
  CANDOR_BUCKETS_ROLLING_N = 103,
  CANDOR_BUCKETS_SMOOTHED_N = 104,
  CANDOR_BUCKETS_PREVIOUS = 105,        /* row compared with, or -1 */
  CANDOR_BUCKETS_CHANGES_TESTED = 106,  /* the series' changes with a p-value:
                                           the family CHANGE_P_ADJUSTED is over */
  /* int32 columns: candor_buckets_column_i32 */
  CANDOR_BUCKETS_SEGMENT = 200,         /* the series' segment code (0 without) */
  CANDOR_BUCKETS_FLAG = 201             /* +1 above upper, -1 below lower, 0 within */
} candor_buckets_column;

/* *out points to the column's candor_buckets_rows values. Asking a column
 * of another type is CANDOR_INVALID_ARGUMENT. */
CANDOR_API candor_status candor_buckets_column_f64(const candor_buckets* buckets,
                                                   candor_buckets_column column,
                                                   const double** out);
CANDOR_API candor_status candor_buckets_column_i64(const candor_buckets* buckets,
                                                   candor_buckets_column column,
                                                   const int64_t** out);
CANDOR_API candor_status candor_buckets_column_i32(const candor_buckets* buckets,
                                                   candor_buckets_column column,
                                                   const int32_t** out);

/* The bucket trend of responses gathered apart (partitions of a Dask
 * DataFrame, machines) and merged: per (segment, local day in the time
 * zone) the per-point count and sums of w and w^2 and, with a half-life h,
 * of w d and (w d)^2, d = 2^(-(day end - t) / h days). candor_buckets_accumulated
 * makes from them the rows candor_buckets_new makes from the responses, up
 * to the rounding of sums added in another order, with these limits: no
 * accounts; the bootstrap only without weights and without a half-life; a
 * rolling window that starts inside a local day (a bucket ending at a
 * midnight skipped by a daylight-saving jump) is CANDOR_UNSUPPORTED. Segments
 * are keyed by their labels' bytes, so a segment may span accumulators.
 * Memory: a cell per (segment, day) present, 3 or 5 doubles per point. The
 * serialized bytes are versioned and endian-stable. Thread-safety: as
 * candor_accumulator. C++: candor::BucketAccumulator (trend_buckets.hpp). */
typedef struct candor_bucket_accumulator candor_bucket_accumulator;

/* time_zone: a tz database name as in candor_buckets_options (NULL: "UTC");
 * half_life_days >= 0 (0: no smoothed estimate). */
CANDOR_API candor_status candor_bucket_accumulator_new(int32_t scale_min, int32_t scale_max,
                                                       const char* time_zone,
                                                       double half_life_days,
                                                       candor_bucket_accumulator** out);
CANDOR_API void candor_bucket_accumulator_free(candor_bucket_accumulator* acc);
/* scores, times (Unix seconds) and weights (NULL: all 1) have n entries; row
 * i's segment is labels[segment_codes[i]] (label_sizes[j] bytes, need not be
 * NUL-terminated); segment_codes NULL: one segment, labelled "". A code
 * outside 0..n_labels-1 is CANDOR_OUT_OF_RANGE naming its index. On error
 * nothing of the batch is added. */
CANDOR_API candor_status candor_bucket_accumulator_add(
    candor_bucket_accumulator* acc, const double* scores, const int64_t* times,
    const double* weights, const int32_t* segment_codes, size_t n, const char* const* labels,
    const size_t* label_sizes, size_t n_labels);
/* other: the same scale, time zone and half-life. */
CANDOR_API candor_status candor_bucket_accumulator_merge(
    candor_bucket_accumulator* acc, const candor_bucket_accumulator* other);
CANDOR_API candor_status candor_bucket_accumulator_serialize(
    const candor_bucket_accumulator* acc, uint8_t* buffer, size_t capacity, size_t* size);
CANDOR_API candor_status candor_bucket_accumulator_deserialize(
    const uint8_t* bytes, size_t size, candor_bucket_accumulator** out);
CANDOR_API candor_status candor_bucket_accumulator_scale(
    const candor_bucket_accumulator* acc, int32_t* scale_min, int32_t* scale_max);
/* The time zone's name, owned by the accumulator (NULL for NULL), and the
 * half-life in days (0: none; NaN for NULL). */
CANDOR_API const char* candor_bucket_accumulator_time_zone(const candor_bucket_accumulator* acc);
CANDOR_API double candor_bucket_accumulator_half_life_days(const candor_bucket_accumulator* acc);
/* Responses held; distinct segments; (segment, day) cells. */
CANDOR_API int64_t candor_bucket_accumulator_count(const candor_bucket_accumulator* acc);
CANDOR_API size_t candor_bucket_accumulator_segments(const candor_bucket_accumulator* acc);
CANDOR_API size_t candor_bucket_accumulator_cells(const candor_bucket_accumulator* acc);
/* Segment j in the labels' byte order (the series order of
 * candor_buckets_accumulated, whose SEGMENT column is j): *label points to
 * *size bytes owned by the accumulator, valid until it next changes. */
CANDOR_API candor_status candor_bucket_accumulator_segment(const candor_bucket_accumulator* acc,
                                                           size_t j, const char** label,
                                                           size_t* size);
/* The rows candor_buckets_new gives for the responses held. options'
 * time_zone must be the accumulator's (NULL: "UTC") and its half_life_days 0
 * or the accumulator's; score_options' scale the accumulator's. No
 * responses: CANDOR_EMPTY. */
CANDOR_API candor_status candor_buckets_accumulated(const candor_score_options* score_options,
                                                    const candor_buckets_options* options,
                                                    const candor_bucket_accumulator* acc,
                                                    candor_buckets** out);

/* --------------------------------------------------- trend: change points */
/* (Change points in time-ordered responses: a calibrated scan, or PELT.) */
/* When did the metric change. By default (CALIBRATED) at a stated
 * false-alarm rate alpha, the probability of declaring any change in a series
 * with none: the largest standardized shift |Z| of the metric's per-response
 * values over the candidate positions, against its null distribution from
 * seeded permutations (unweighted, unclustered, up to 20,000 responses) or
 * the Gaussian limit (otherwise), binary segmentation, each change with a
 * p-value and a location interval. Or PELT (Killick, Fearnhead & Eckley
 * 2012) with a multinomial cost over the metric's categories and a BIC, AIC
 * or manual penalty per change. Formulas, what is exact and what is
 * approximate: include/candor/trend_change_points.hpp. */

typedef enum candor_change_penalty {
  CANDOR_CHANGE_PENALTY_BIC = 0,        /* K log n per change (K categories) */
  CANDOR_CHANGE_PENALTY_AIC = 1,        /* 2 K per change */
  CANDOR_CHANGE_PENALTY_MANUAL = 2,     /* penalty_value per change (finite, >= 0) */
  CANDOR_CHANGE_PENALTY_CALIBRATED = 3  /* at false-alarm rate alpha; the default
                                           (BIC for a caller whose struct ends
                                           before `alpha`) */
} candor_change_penalty;

typedef struct candor_change_point_options {
  size_t size;                   /* set by candor_change_point_options_init */
  candor_change_penalty penalty; /* default CALIBRATED */
  double penalty_value;          /* MANUAL only; default 0 */
  int64_t min_size;              /* shortest segment in responses; default 30 */
  int64_t max_grid_points;       /* exact search up to this many candidate
                                    positions, else blocks; 0: always exact;
                                    default 4096 */
  /* CALIBRATED only: */
  double alpha;                  /* false-alarm rate in (0, 1); default 0.05 */
  int64_t replicates;            /* of the null; alpha * (replicates + 1) >= 1,
                                    at most 10^6; default 2000 */
  uint64_t seed;                 /* of the null; default 42 */
  const int64_t* boundaries;     /* NULL, or the positions a change may take
                                    (first response of a new segment, e.g. of
                                    each month): strictly increasing, in
                                    [1, n - 1], between distinct times; any
                                    penalty */
  size_t boundary_count;
  int32_t threads;               /* 0: all hardware threads (the result does
                                    not depend on it); default 0 */
  /* CALIBRATED: told done of total = n responses, a segment's responses
   * counted once it is settled (tested without a change), polled between
   * replicates of each null simulation; other penalties are quick and tell
   * done = n at the end. See "progress and cancelling" above; NULL: none. */
  candor_progress progress;
  void* progress_user_data;
} candor_change_point_options;

/* Fills the first `size` bytes of *options with the defaults; call through
 * candor_change_point_options_init. */
CANDOR_API candor_status candor_change_point_options_defaults(
    candor_change_point_options* options, size_t size);
static inline void candor_change_point_options_init(candor_change_point_options* options) {
  candor_change_point_options_defaults(options, sizeof(*options));
}

/* The segments and changes found. Thread-safety: immutable once made; may be
 * read from many threads. Free with candor_change_points_free. */
typedef struct candor_change_points candor_change_points;

typedef struct candor_change_point {
  int64_t index; /* first response of the new segment */
  int64_t time;  /* times[index] when times were given, else 0 */
  candor_comparison change; /* a = segment after, b = segment before;
                               difference = after - before. The p-value is
                               optimistic (the change was placed where the
                               sides differ most): descriptive only; the
                               calibrated test's is in candor_change_test. */
} candor_change_point;

typedef struct candor_change_segment {
  int64_t begin;      /* first response */
  int64_t end;        /* one past the last response */
  int64_t time_begin; /* times[begin], times[end - 1]; 0 without times */
  int64_t time_end;
  double cost;        /* -2 log-likelihood of the segment's multinomial;
                         NaN for CALIBRATED */
  candor_estimate level; /* the metric on the segment, with its interval */
} candor_change_segment;

typedef struct candor_change_point_summary {
  double penalty;     /* per change; CALIBRATED: critical_value^2 */
  double total_cost;  /* sum of segment costs + penalty * changes; NaN for
                         CALIBRATED */
  int64_t block_size; /* 1: exact search; else the grid's block length */
  int32_t categories; /* K */
  int32_t has_times;  /* 1 when times were given */
} candor_change_point_summary;

/* How the calibrated test's null was drawn (NONE: a penalty was used). */
typedef enum candor_change_calibration {
  CANDOR_CHANGE_CALIBRATION_NONE = 0,
  CANDOR_CHANGE_CALIBRATION_GAUSSIAN = 1,
  CANDOR_CHANGE_CALIBRATION_PERMUTATION = 2
} candor_change_calibration;

/* The whole series' calibrated test (NaN fields for a penalty). */
typedef struct candor_change_calibration_info {
  candor_change_calibration calibration;
  int32_t reserved;        /* 0 */
  double alpha;
  double critical_value;   /* a change is declared when max_z exceeds it;
                              NaN when every response has one value */
  double max_z;            /* largest |Z| over the candidates */
  double p_value;          /* of max_z: (1 + #{null >= max_z}) / (R + 1) */
  int64_t replicates;      /* R */
  int64_t candidates;      /* candidate positions of the whole series */
  double design_effect;    /* of the overall mean (1 without clusters) */
  double value_sd;         /* of the per-response values (NPS: -1/0/1) */
} candor_change_calibration_info;

/* A change's calibrated test and location interval (NaN z and p-value, and
 * the interval the index itself, for a penalty). */
typedef struct candor_change_test {
  double z;           /* the standardized shift where it was found */
  double p_value;     /* of the test that found it (the first: exact at
                         alpha; later ones conditional on earlier splits) */
  int64_t index_low;  /* the location interval: first and last position */
  int64_t index_high;
  int64_t time_low;   /* their times (0 without times) */
  int64_t time_high;
} candor_change_test;

/* scores in time order (integers on the scale of score_options' metric);
 * score_options also gives the interval method of the levels and changes.
 * times (Unix seconds) may be NULL; else non-decreasing (else
 * CANDOR_INVALID_ARGUMENT naming the first unsorted index), and a change is
 * only placed between distinct times. weights may be non-NULL only with
 * CALIBRATED (else CANDOR_UNSUPPORTED). n < 2 * min_size: CANDOR_EMPTY.
 * Inputs are read during the call only. */
CANDOR_API candor_status candor_change_points_new(const candor_score_options* score_options,
                                                  const candor_change_point_options* options,
                                                  const double* scores, const int64_t* times,
                                                  const double* weights, size_t n,
                                                  candor_change_points** out);
/* The same under a survey design (weights, account clusters, calibration):
 * CALIBRATED only; with account clusters Z and its null are cluster-robust
 * (variance summed over accounts, Gaussian multiplier bootstrap; at least two
 * accounts), and levels and changes are the design's domain estimates and
 * contrasts (Wald intervals with clusters). design may be NULL (no weights). */
CANDOR_API candor_status candor_change_points_design_new(
    const candor_score_options* score_options, const candor_change_point_options* options,
    const double* scores, const int64_t* times, size_t n, const candor_design* design,
    candor_change_points** out);
CANDOR_API void candor_change_points_free(candor_change_points* result);
/* Number of changes, and of segments (changes + 1); 0 for NULL. */
CANDOR_API size_t candor_change_points_count(const candor_change_points* result);
CANDOR_API size_t candor_change_points_segment_count(const candor_change_points* result);
/* Change i / segment i (0-based, in time order); CANDOR_OUT_OF_RANGE past
 * the end. */
CANDOR_API candor_status candor_change_points_at(const candor_change_points* result, size_t i,
                                                 candor_change_point* out);
CANDOR_API candor_status candor_change_points_test_at(const candor_change_points* result,
                                                      size_t i, candor_change_test* out);
CANDOR_API candor_status candor_change_points_segment_at(const candor_change_points* result,
                                                         size_t i, candor_change_segment* out);
CANDOR_API candor_status candor_change_points_summary(const candor_change_points* result,
                                                      candor_change_point_summary* out);
CANDOR_API candor_status candor_change_points_calibration(const candor_change_points* result,
                                                          candor_change_calibration_info* out);


/* ---------------------------------------------------- trend: accounts */
/* (Per-account trends and the ranking of accounts by decline.) */

/* Per account: its level, the robust WLS slope of the metric on time, the
 * recent-vs-earlier change, p-values adjusted across accounts, a `declining`
 * flag, and every account ranked (declining first). Formulas, references and
 * edge cases: include/candor/trend_accounts.hpp. */
typedef enum candor_split_rule {
  CANDOR_SPLIT_MEDIAN_TIME = 0, /* the median time of all responses */
  CANDOR_SPLIT_FIXED_TIME = 1,  /* options->split_time */
  CANDOR_SPLIT_LAST_DAYS = 2    /* the last options->recent_days before the latest response */
} candor_split_rule;

typedef enum candor_robust_se {
  CANDOR_ROBUST_HC1 = 0, /* White's sandwich times m / (m - 2) */
  CANDOR_ROBUST_HC3 = 1  /* residuals scaled by 1 / (1 - leverage) */
} candor_robust_se;

typedef enum candor_account_trend_status {
  CANDOR_ACCOUNT_TREND_OK = 0,
  CANDOR_ACCOUNT_TREND_TOO_FEW = 1,        /* fewer than min_responses: not tested */
  CANDOR_ACCOUNT_TREND_SLOPE_UNDEFINED = 2 /* e.g. every response at one time */
} candor_account_trend_status;

typedef struct candor_account_trend_options {
  size_t size;                  /* set by candor_account_trend_options_init */
  int64_t min_responses;        /* >= 3; default 10 */
  double slope_unit_days;       /* slope in points per this many days; default 30 */
  candor_split_rule split;      /* default MEDIAN_TIME */
  int64_t split_time;           /* FIXED_TIME: Unix seconds; recent is t >= split_time */
  double recent_days;           /* LAST_DAYS; default 90 */
  candor_robust_se covariance;  /* default HC3 */
  candor_p_adjust p_adjust;     /* across accounts; default BH (not the score options') */
  double alpha;                 /* declining: slope < 0 and adjusted p <= alpha; default 0.05 */
} candor_account_trend_options;

/* Fills the first `size` bytes of *options with the defaults; call through
 * candor_account_trend_options_init. */
CANDOR_API candor_status candor_account_trend_options_defaults(
    candor_account_trend_options* options, size_t size);
static inline void candor_account_trend_options_init(candor_account_trend_options* options) {
  candor_account_trend_options_defaults(options, sizeof(*options));
}

/* One account. Fields that an account's status leaves undefined are NaN. */
typedef struct candor_account_trend_row {
  int32_t account;                     /* the account code */
  candor_account_trend_status status;
  int32_t declining;                   /* 1 or 0 */
  int64_t n;
  int64_t first_time;                  /* its earliest and latest response */
  int64_t last_time;
  candor_estimate level;
  double slope;                        /* points per slope_unit_days */
  double slope_std_error;
  double slope_ci_low;
  double slope_ci_high;                /* Student t, df = slope_df, score options' level */
  double slope_df;
  double slope_p_value;
  double slope_p_adjusted;
  candor_comparison recent_vs_earlier; /* .a recent, .b earlier */
  double change_p_adjusted;
} candor_account_trend_row;

/* The result. Thread-safety: immutable once made; may be read from many
 * threads. */
typedef struct candor_account_trends candor_account_trends;

/* scores, times (Unix seconds, any order), accounts (codes >= 0) and weights
 * (NULL: all 1) hold n entries each and are only read during the call.
 * score_options gives the metric and the interval method and level (its
 * p_adjust is not used); trend_options may be NULL (defaults). Bootstrap
 * intervals are seeded per account; score_options->threads spreads accounts
 * over threads without changing any result. */
CANDOR_API candor_status candor_account_trends_new(
    const candor_score_options* score_options,
    const candor_account_trend_options* trend_options, const double* scores,
    const int64_t* times, const int32_t* accounts, const double* weights, size_t n,
    candor_account_trends** out);
/* The number of accounts (rows), in ranking order. */
CANDOR_API size_t candor_account_trends_rows(const candor_account_trends* trends);
/* Row i in ranking order (0 is the most clearly declining account). */
CANDOR_API candor_status candor_account_trends_row_at(const candor_account_trends* trends,
                                                      size_t i, candor_account_trend_row* out);
/* The split time used for recent vs earlier, and how many rows are declining. */
CANDOR_API int64_t candor_account_trends_split_time(const candor_account_trends* trends);
CANDOR_API int64_t candor_account_trends_declining(const candor_account_trends* trends);
CANDOR_API void candor_account_trends_free(candor_account_trends* trends);

/* ------------------------------------------------------------ text: model */
/* Sentiment, emotions, urgency and taxonomy themes of a batch of comments,
 * in columns (include/candor/text_model.hpp; the rules and the built-in
 * lexicon: include/candor/text_sentiment.hpp; the taxonomy format:
 * include/candor/text_taxonomy.hpp; tokens: include/candor/text.hpp).
 *
 * A candor_text_model holds a lexicon (the built-in one, or with a user's
 * merged in or instead), an optional taxonomy, and options. Loading is not
 * thread-safe; once loaded, candor_text_analyze may run concurrently on one
 * model from many threads. Results live in a candor_text_results handle: its
 * column pointers stay valid until candor_text_results_free. */
typedef struct candor_text_model candor_text_model;
typedef struct candor_text_results candor_text_results;

typedef enum candor_utf8_policy {
  CANDOR_UTF8_ERROR = 0, /* invalid UTF-8 fails the batch, naming comment and byte */
  CANDOR_UTF8_REPAIR = 1 /* each maximal ill-formed subsequence becomes U+FFFD */
} candor_utf8_policy;

typedef enum candor_lexicon_format {
  CANDOR_LEXICON_CANDOR = 0, /* term<TAB>valence in [-4, 4] */
  CANDOR_LEXICON_VADER = 1,  /* token<TAB>mean<TAB>sd<TAB>[ratings]: the mean */
  CANDOR_LEXICON_AFINN = 2   /* term<TAB>integer in [-5, 5], rescaled by 4/5 */
} candor_lexicon_format;

typedef enum candor_emotion {
  CANDOR_EMOTION_FRUSTRATION = 0,
  CANDOR_EMOTION_ANGER = 1,
  CANDOR_EMOTION_ANNOYANCE = 2,
  CANDOR_EMOTION_DISAPPOINTMENT = 3,
  CANDOR_EMOTION_CONFUSION = 4,
  CANDOR_EMOTION_DELIGHT = 5,
  CANDOR_EMOTION_GRATITUDE = 6
} candor_emotion;
#define CANDOR_EMOTION_COUNT 7

/* Urgency categories, highest priority first after NONE. */
typedef enum candor_urgency {
  CANDOR_URGENCY_NONE = 0,
  CANDOR_URGENCY_SAFETY = 1,    /* "made me sick", "allergic reaction" */
  CANDOR_URGENCY_LEGAL = 2,     /* "lawyer", "sue", "report you" */
  CANDOR_URGENCY_CHURN = 3,     /* "cancel", "switching to" */
  CANDOR_URGENCY_REFUND = 4,    /* "refund", "chargeback" */
  CANDOR_URGENCY_UNRESOLVED = 5 /* "still broken", "third time" */
} candor_urgency;

typedef struct candor_text_options {
  size_t size;                     /* set by candor_text_options_init */
  candor_utf8_policy invalid_utf8; /* default CANDOR_UTF8_ERROR */
  const char* language;            /* ISO 639-1 for every comment; NULL or "": detect (CLD2) */
  const char* fallback_language;   /* when detection is unsure; NULL: "en" */
  int32_t threads;                 /* 0: all cores */
  /* Kept by the model and told by each candor_text_analyze, in comments
   * analyzed (counted every 1,024 comments per thread); see "progress and
   * cancelling" above. Several threads analyzing with one model call it
   * concurrently, each from its own calling thread. NULL: none. */
  candor_progress progress;
  void* progress_user_data;
} candor_text_options;

/* Defaults into the first `size` bytes of *options. */
CANDOR_API candor_status candor_text_options_defaults(candor_text_options* options, size_t size);
#define candor_text_options_init(options) \
  candor_text_options_defaults((options), sizeof(candor_text_options))

/* A model with the built-in lexicon and no taxonomy. options may be NULL. */
CANDOR_API candor_status candor_text_model_new(const candor_text_options* options,
                                               candor_text_model** out);
CANDOR_API void candor_text_model_free(candor_text_model* model);

/* A user lexicon (UTF-8 bytes or a file): merged over the current one (its
 * entries win), or replacing it when replace != 0. A file must be a regular
 * file (else CANDOR_IO_ERROR) of at most 64 MiB (else CANDOR_INVALID_ARGUMENT),
 * as must a taxonomy file below; nothing is loaded on error. */
CANDOR_API candor_status candor_text_model_load_lexicon(candor_text_model* model,
                                                        const char* data, size_t size,
                                                        candor_lexicon_format format,
                                                        int replace);
CANDOR_API candor_status candor_text_model_load_lexicon_file(candor_text_model* model,
                                                             const char* path,
                                                             candor_lexicon_format format,
                                                             int replace);
/* The number of lexicon entries. */
CANDOR_API size_t candor_text_model_lexicon_size(const candor_text_model* model);

/* A taxonomy (JSON, see include/candor/text_taxonomy.hpp), replacing any.
 * Themes nest at most CANDOR_TAXONOMY_MAX_DEPTH levels (depth 0 to 31); a
 * deeper taxonomy, or JSON nested deeper than that allows, is
 * CANDOR_INVALID_ARGUMENT and the model keeps the taxonomy it had. */
#define CANDOR_TAXONOMY_MAX_DEPTH 32
CANDOR_API candor_status candor_text_model_load_taxonomy(candor_text_model* model,
                                                         const char* json, size_t size);
CANDOR_API candor_status candor_text_model_load_taxonomy_file(candor_text_model* model,
                                                              const char* path);

/* A theme of the loaded taxonomy. Strings live as long as the taxonomy. */
typedef struct candor_taxonomy_theme {
  const char* name;   /* "Response time" */
  const char* path;   /* "Support > Response time" */
  int32_t parent;     /* the parent theme's id, -1 for a top-level theme */
  int32_t depth;      /* 0 for a top-level theme */
} candor_taxonomy_theme;

CANDOR_API size_t candor_text_model_theme_count(const candor_text_model* model);
CANDOR_API candor_status candor_text_model_theme(const candor_text_model* model, size_t id,
                                                 candor_taxonomy_theme* out);

/* Analyzes n comments: texts[i] with sizes[i] bytes (texts[i] may be NULL
 * only when sizes[i] is 0). Runs on options->threads threads; the results do
 * not depend on the thread count. */
CANDOR_API candor_status candor_text_analyze(const candor_text_model* model,
                                             const char* const* texts, const size_t* sizes,
                                             size_t n, candor_text_results** out);
CANDOR_API void candor_text_results_free(candor_text_results* results);

/* Per comment (arrays of candor_text_results_count(results) values). */
CANDOR_API size_t candor_text_results_count(const candor_text_results* results);
/* Sentiment in [-1, 1]. */
CANDOR_API const double* candor_text_results_sentiment(const candor_text_results* results);
/* Intensity in [0, 1] of one emotion; NULL for an unknown emotion. */
CANDOR_API const double* candor_text_results_emotion(const candor_text_results* results,
                                                     candor_emotion emotion);
/* The highest-priority urgency category (candor_urgency values), and a bit
 * mask of every category that fired (bit c - 1 for category c). */
CANDOR_API const int32_t* candor_text_results_urgency(const candor_text_results* results);
CANDOR_API const uint32_t* candor_text_results_urgency_mask(const candor_text_results* results);
/* Why comment i is urgent ("" if it is not), and the trigger's byte span in
 * the (repaired) comment. NULL when i is out of range. */
CANDOR_API const char* candor_text_results_urgency_reason(const candor_text_results* results,
                                                          size_t i, uint32_t* begin,
                                                          uint32_t* end);
/* ISO 639-1 language of comment i ("und" unknown); NULL when out of range. */
CANDOR_API const char* candor_text_results_language(const candor_text_results* results,
                                                    size_t i);
/* 1 where invalid UTF-8 was repaired. */
CANDOR_API const uint8_t* candor_text_results_repaired(const candor_text_results* results);

/* Sentences of all comments, comment by comment: the comment index, the byte
 * range in the comment and the sentence's sentiment. Returns the count. */
CANDOR_API size_t candor_text_results_sentences(const candor_text_results* results,
                                                const int64_t** comment,
                                                const uint32_t** begin, const uint32_t** end,
                                                const double** sentiment);
/* Theme mentions (with a taxonomy), comment by comment: the comment index,
 * the sentence (an index into the sentence columns), the theme id (the most
 * specific theme matched; its ancestors are implied), and the aspect
 * sentiment (the sentence's). Returns the count. */
CANDOR_API size_t candor_text_results_mentions(const candor_text_results* results,
                                               const int64_t** comment,
                                               const int64_t** sentence,
                                               const int32_t** theme,
                                               const double** sentiment);

/* -------------------------------------------------- text: theme discovery */
/* (TF-IDF, NMF, NPMI, labels; capi/text_discovery_capi.cc) */
/* What are customers talking about, without a taxonomy: words and bigram
 * collocations -> TF-IDF (as scikit-learn's TfidfVectorizer) -> NMF (NNDSVD
 * start, HALS coordinate descent) -> NPMI coherence, which also chooses the
 * number of themes -> c-TF-IDF labels. Formulas and references:
 * include/candor/text_discovery.hpp. */

typedef enum candor_nmf_init {
  CANDOR_NMF_INIT_NNDSVD = 0,   /* Boutsidis & Gallopoulos 2008: zeros stay */
  CANDOR_NMF_INIT_NNDSVDA = 1,  /* zeros filled with mean(X); default */
  CANDOR_NMF_INIT_NNDSVDAR = 2  /* zeros filled with small seeded random values */
} candor_nmf_init;

typedef enum candor_svd_method {
  CANDOR_SVD_AUTO = 0,      /* exact when documents x terms <= 40,000 */
  CANDOR_SVD_EXACT = 1,     /* dense SVD (small problems) */
  CANDOR_SVD_RANDOMIZED = 2 /* seeded randomized SVD (Halko et al. 2011) */
} candor_svd_method;

typedef struct candor_themes_options {
  size_t size;               /* set by candor_themes_options_init */
  int32_t k;                 /* themes; 0: choose in [k_min, k_max]; default 0 */
  int32_t k_min;             /* default 4 */
  int32_t k_max;             /* default 15 */
  int32_t top_terms;         /* terms per theme reported and scored (N); default 10 */
  int32_t label_phrases;     /* key phrases in a label; default 3 */
  int32_t stems;             /* 1: terms are Snowball stems; default 0 */
  int32_t min_word_length;   /* code points; default 2 */
  int64_t min_df;            /* documents; default 2 */
  double max_df;             /* fraction of documents; default 0.5 */
  int32_t bigrams;           /* 1: add bigram collocations; default 1 */
  int64_t bigram_min_count;  /* default 5 */
  double bigram_min_npmi;    /* default 0.25 */
  int32_t sublinear_tf;      /* 1: tf = 1 + ln(count); default 0 */
  candor_nmf_init init;      /* default NNDSVDA */
  candor_svd_method svd;     /* default AUTO */
  int32_t max_iter;          /* NMF iterations; default 200 */
  double tol;                /* relative decrease of the loss; default 1e-4 */
  uint64_t seed;             /* default 0 */
  int32_t threads;           /* 0: all cores; results never depend on it */
  int32_t repair_utf8;       /* 1: invalid UTF-8 becomes U+FFFD; default 0 (error) */
  const char* language;      /* ISO 639-1 for every comment; NULL: detect */
  const char* extra_stop_words; /* folded words separated by whitespace, or NULL */
  /* See "progress and cancelling" above; NULL: none. candor_themes_discover
   * counts n x (1 + candidates x max_iter) units (candidates: 1 when k > 0,
   * else k_max - k_min + 1): one per comment tokenized, then, per NMF
   * iteration, one per comment whose weights it updates (checked every 256
   * comments); work skipped (early convergence, k beyond what the terms
   * allow) is counted when skipped. candor_nmf counts max_iter x rows. */
  candor_progress progress;
  void* progress_user_data;
} candor_themes_options;

/* Fills the first `size` bytes of *options with the defaults; call through
 * candor_themes_options_init. */
CANDOR_API candor_status candor_themes_options_defaults(candor_themes_options* options,
                                                        size_t size);
static inline void candor_themes_options_init(candor_themes_options* options) {
  candor_themes_options_defaults(options, sizeof(*options));
}

/* Discovered themes. Thread-safety: immutable once made; may be read from
 * many threads. Strings and arrays it returns live as long as the handle. */
typedef struct candor_themes candor_themes;

typedef struct candor_themes_summary {
  int32_t k;              /* themes found */
  int64_t documents;      /* comments */
  int64_t terms;          /* vocabulary size */
  double mean_coherence;  /* mean NPMI of the themes' top terms */
  int32_t iterations;     /* NMF iterations of the chosen fit */
  int32_t converged;      /* 1 when stopped by tol */
  double loss;            /* ||X - W H||_F^2 of the chosen fit */
} candor_themes_summary;

typedef struct candor_theme_info {
  const char* label;      /* key phrases joined by ", " */
  double coherence;       /* mean NPMI of its top terms (NaN: < 2 terms) */
  int64_t documents;      /* comments it dominates */
  double total_weight;    /* sum of its normalized weights over comments */
  size_t top_terms;       /* entries for candor_themes_top_term */
  size_t key_phrases;     /* entries for candor_themes_key_phrase */
} candor_theme_info;

/* texts[i] holds lengths[i] bytes of UTF-8 (lengths NULL: NUL-terminated);
 * read during the call only. Errors: n = 0 or no term left (CANDOR_EMPTY),
 * invalid UTF-8 without repair (CANDOR_INVALID_UTF8 naming the comment),
 * k larger than the terms or comments allow, bad options
 * (CANDOR_INVALID_ARGUMENT). */
CANDOR_API candor_status candor_themes_discover(const candor_themes_options* options,
                                                const char* const* texts,
                                                const size_t* lengths, size_t n,
                                                candor_themes** out);
CANDOR_API void candor_themes_free(candor_themes* themes);
CANDOR_API candor_status candor_themes_summary_get(const candor_themes* themes,
                                                   candor_themes_summary* out);
/* Theme t (0-based; themes are ordered by the comments they dominate). */
CANDOR_API candor_status candor_themes_theme_at(const candor_themes* themes, size_t t,
                                                candor_theme_info* out);
/* Term i of theme t by NMF weight / key phrase i by c-TF-IDF score; NULL past
 * the end. *weight (may be NULL) receives the weight or score. */
CANDOR_API const char* candor_themes_top_term(const candor_themes* themes, size_t t, size_t i,
                                              double* weight);
CANDOR_API const char* candor_themes_key_phrase(const candor_themes* themes, size_t t,
                                                size_t i, double* score);
/* Per comment: weights (documents x k, row-major; each row sums to 1, or is
 * all 0 for a comment without terms) and the dominant theme (-1: none). */
CANDOR_API const double* candor_themes_weights(const candor_themes* themes);
CANDOR_API const int32_t* candor_themes_dominant(const candor_themes* themes);
/* The candidate k and their mean coherence; returns how many. */
CANDOR_API size_t candor_themes_k_tried(const candor_themes* themes, const int32_t** k,
                                        const double** coherence);
/* The vocabulary (term i; NULL past the end) and the documents x terms
 * matrices in CSR (row_ptr has documents + 1 entries): raw counts, and the
 * TF-IDF the NMF factored. */
CANDOR_API const char* candor_themes_term(const candor_themes* themes, size_t i);
CANDOR_API candor_status candor_themes_matrix(const candor_themes* themes, int32_t tfidf,
                                              const int64_t** row_ptr, const int32_t** cols,
                                              const double** values);

/* NMF of any nonnegative CSR matrix (rows x cols) with the options' init,
 * svd, max_iter, tol, seed and threads: w (rows x k) and h (k x cols),
 * row-major, caller-owned; loss_out (may be NULL) receives the final
 * ||X - W H||_F^2, iterations_out (may be NULL) the iterations. */
CANDOR_API candor_status candor_nmf(const candor_themes_options* options,
                                    const int64_t* row_ptr, const int32_t* cols,
                                    const double* values, size_t rows, size_t n_cols, int32_t k,
                                    double* w, double* h, double* loss_out,
                                    int32_t* iterations_out);

/* ---------------------------------------------------------------- drivers */
/* (themes x scores; capi/drivers_capi.cc) */

/* Which themes drive detractors: per theme, its volume and share of all
 * comments, the share of promoters / passives / detractors mentioning it, the
 * metric with and without it, its NPS impact (overall minus without, with a
 * linearization SE), the detractor relative risk with the Katz log interval,
 * a ridge-logistic key-driver model (detractor ~ theme indicators), and, with
 * period codes, themes trending between two periods (BH-adjusted).
 * "Detractor" is the metric's bottom category (NPS detractors; for a top box
 * every score outside the box; for a bottom box the box); means are
 * CANDOR_UNSUPPORTED. Formulas, references, edge cases:
 * include/candor/drivers.hpp. */

typedef struct candor_drivers_options {
  size_t size;              /* set by candor_drivers_options_init */
  double l2_penalty;        /* key-driver ridge lambda (sklearn C = 1/lambda); default 1 */
  int32_t fit_key_drivers;  /* 1 (default) or 0 */
  int32_t max_iterations;   /* Newton iterations; default 100 */
  double tolerance;         /* on the largest coefficient change; default 1e-10 */
  int32_t earlier_period;   /* trending period A; -1 (default): second-largest code */
  int32_t later_period;     /* trending period B; -1 (default): largest code */
  candor_p_adjust p_adjust; /* across themes (trending); default BH */
  double alpha;             /* trending: adjusted p <= alpha; default 0.05 */
} candor_drivers_options;

/* Fills the first `size` bytes of *options with the defaults; call through
 * candor_drivers_options_init. */
CANDOR_API candor_status candor_drivers_options_defaults(candor_drivers_options* options,
                                                         size_t size);
static inline void candor_drivers_options_init(candor_drivers_options* options) {
  candor_drivers_options_defaults(options, sizeof(*options));
}

/* Which of `themes` themes each of the n comments mentions: either compressed
 * rows (offsets: n + 1 entries from 0; theme_ids: offsets[n] ids, the themes
 * of comment i at offsets[i] .. offsets[i + 1]) or pairs (pair_comments[k]
 * mentions pair_themes[k], k < pairs). Set exactly one of offsets and
 * pair_comments. Repeated ids count once. names: `themes` strings or NULL
 * ("theme <j>"). Everything is read during candor_drivers_new only.
 * Frozen (no `size` field): it will never change. */
typedef struct candor_theme_mentions {
  size_t themes;
  const char* const* names;
  const int64_t* offsets;
  const int32_t* theme_ids;
  const int64_t* pair_comments;
  const int32_t* pair_themes;
  size_t pairs;
} candor_theme_mentions;

typedef enum candor_theme_status {
  CANDOR_THEME_OK = 0,
  CANDOR_THEME_NO_MENTIONS = 1, /* no comment mentions it: NaN score, RR */
  CANDOR_THEME_ALL_MENTION = 2  /* every comment does: NaN without, impact, RR */
} candor_theme_status;

/* One theme. Shares in percent (0..100). Model fields are NaN when the theme
 * is not in the key-driver model (mentioned by none or all, or no fit). */
typedef struct candor_driver_row {
  int32_t theme;
  const char* name;                     /* owned by the handle */
  candor_theme_status status;
  int64_t mentions;
  double weighted_mentions;
  candor_estimate share;                /* of all comments */
  candor_estimate share_of_promoters;   /* of each category's comments */
  candor_estimate share_of_passives;
  candor_estimate share_of_detractors;
  candor_estimate score;                /* metric among comments mentioning it */
  candor_estimate score_without;        /* among the others */
  candor_comparison impact;             /* a = overall, b = without; difference = impact */
  int64_t detractors_mentioning;        /* the 2x2 table's a ... */
  int64_t detractors_not;               /* ... and c */
  double relative_risk;                 /* P(detractor | mentions) / P(detractor | not) */
  double relative_risk_ci_low;          /* Katz log interval */
  double relative_risk_ci_high;
  double log_relative_risk_std_error;
  double relative_risk_p_value;
  int32_t relative_risk_corrected;      /* 1: a zero cell, 0.5 added to every cell */
  int32_t in_model;
  double coefficient;                   /* log odds ratio in the key-driver model */
  double coefficient_std_error;         /* model-based (inverse penalized information) */
  double odds_ratio;
  double odds_ratio_ci_low;
  double odds_ratio_ci_high;
  double importance;                    /* share of |b_j| sd_j; sums to 1 over the model */
} candor_driver_row;

typedef struct candor_key_driver_model {
  int32_t fitted;           /* asked for and some theme in the model */
  int32_t converged;
  int32_t iterations;
  int32_t themes_in_model;
  double l2_penalty;
  double intercept;
  double intercept_std_error;
  double penalized_log_likelihood;
  const char* message;      /* why not converged, else ""; owned by the handle */
} candor_key_driver_model;

typedef struct candor_trending_row {
  int32_t theme;
  int32_t trending;              /* p_adjusted <= alpha */
  candor_estimate share_earlier; /* percent of period A's comments mentioning it */
  candor_estimate share_later;
  double difference;             /* later - earlier, percentage points */
  double std_error;              /* unpooled */
  double ci_low;
  double ci_high;
  double z;                      /* pooled two-proportion z (unweighted) */
  double p_value;
  double p_adjusted;
  candor_comparison score_change; /* metric among mentioning comments, a = later */
  double score_change_p_adjusted;
} candor_trending_row;

/* The result. Thread-safety: immutable once made; may be read from many
 * threads. Free with candor_drivers_free. */
typedef struct candor_drivers candor_drivers;

/* scores (n, integers on score_options' scale), weights (NULL: all 1),
 * accounts (cluster codes >= 0, NULL: none; Wald only), periods (codes >= 0,
 * NULL: no trending; else two periods or more). score_options gives the
 * metric, interval method and level; options may be NULL (defaults). */
CANDOR_API candor_status candor_drivers_new(const candor_score_options* score_options,
                                            const candor_drivers_options* options,
                                            const double* scores, const double* weights,
                                            const int32_t* accounts, const int32_t* periods,
                                            size_t n, const candor_theme_mentions* mentions,
                                            candor_drivers** out);
CANDOR_API void candor_drivers_free(candor_drivers* drivers);
/* Themes (rows), trending rows (themes with periods, else 0); 0 for NULL. */
CANDOR_API size_t candor_drivers_rows(const candor_drivers* drivers);
CANDOR_API size_t candor_drivers_trending_rows(const candor_drivers* drivers);
/* Row i (theme i); CANDOR_OUT_OF_RANGE past the end. */
CANDOR_API candor_status candor_drivers_row_at(const candor_drivers* drivers, size_t i,
                                               candor_driver_row* out);
CANDOR_API candor_status candor_drivers_trending_at(const candor_drivers* drivers, size_t i,
                                                    candor_trending_row* out);
/* The metric over all comments, and how many are detractors. */
CANDOR_API candor_status candor_drivers_overall(const candor_drivers* drivers,
                                                candor_estimate* out, int64_t* detractors);
CANDOR_API candor_status candor_drivers_model(const candor_drivers* drivers,
                                              candor_key_driver_model* out);
/* The compared periods (-1 without periods). */
CANDOR_API candor_status candor_drivers_periods(const candor_drivers* drivers,
                                                int32_t* earlier, int32_t* later);

/* Theme drivers of comments gathered apart (partitions of a Dask DataFrame,
 * machines) and merged: per period (keyed by its label's bytes) the
 * per-point tallies of all comments and of each theme's mentioners, and per
 * (pattern of themes mentioned, score point) the comments' count and weight
 * sum. candor_drivers_accumulated makes from them what candor_drivers_new
 * makes from the comments (rows, trending, the key-driver model), up to the
 * rounding of sums added in another order; not accounts, nor the weighted
 * bootstrap (CANDOR_UNSUPPORTED). Memory: periods x (themes + 1) x scale
 * points x 24 bytes, and an entry per distinct pattern. The serialized bytes
 * are versioned and endian-stable. Thread-safety: as candor_accumulator.
 * C++: candor::DriverAccumulator (drivers.hpp). */
typedef struct candor_driver_accumulator candor_driver_accumulator;

/* themes: 1 to 2^20. */
CANDOR_API candor_status candor_driver_accumulator_new(int32_t scale_min, int32_t scale_max,
                                                       size_t themes,
                                                       candor_driver_accumulator** out);
CANDOR_API void candor_driver_accumulator_free(candor_driver_accumulator* acc);
/* n comments: scores, weights (NULL: all 1), their themes in `mentions`
 * (rows or pairs as for candor_drivers_new; its themes must be the
 * accumulator's; names are not read), and their periods:
 * labels[period_codes[i]] (label_sizes[j] bytes) or, period_codes NULL, none.
 * An accumulator's batches all have periods or none. On error nothing of the
 * batch is added. */
CANDOR_API candor_status candor_driver_accumulator_add(
    candor_driver_accumulator* acc, const double* scores, const double* weights, size_t n,
    const candor_theme_mentions* mentions, const int32_t* period_codes, const char* const* labels,
    const size_t* label_sizes, size_t n_labels);
/* other: the same scale and themes, periods or not alike. */
CANDOR_API candor_status candor_driver_accumulator_merge(candor_driver_accumulator* acc,
                                                         const candor_driver_accumulator* other);
CANDOR_API candor_status candor_driver_accumulator_serialize(
    const candor_driver_accumulator* acc, uint8_t* buffer, size_t capacity, size_t* size);
CANDOR_API candor_status candor_driver_accumulator_deserialize(
    const uint8_t* bytes, size_t size, candor_driver_accumulator** out);
CANDOR_API candor_status candor_driver_accumulator_scale(
    const candor_driver_accumulator* acc, int32_t* scale_min, int32_t* scale_max);
/* Themes; comments held; distinct periods (0 for NULL). */
CANDOR_API size_t candor_driver_accumulator_themes(const candor_driver_accumulator* acc);
CANDOR_API int64_t candor_driver_accumulator_count(const candor_driver_accumulator* acc);
CANDOR_API size_t candor_driver_accumulator_periods(const candor_driver_accumulator* acc);
/* Period j in the labels' byte order, the order that candor_drivers_options'
 * earlier_period and later_period index here: *label points to *size bytes
 * owned by the accumulator, valid until it next changes. */
CANDOR_API candor_status candor_driver_accumulator_period(const candor_driver_accumulator* acc,
                                                          size_t j, const char** label,
                                                          size_t* size);
/* What candor_drivers_new gives for the comments held; names: NULL or one per
 * theme. Periods index the accumulator's byte order. No comments:
 * CANDOR_EMPTY. */
CANDOR_API candor_status candor_drivers_accumulated(const candor_score_options* score_options,
                                                    const candor_drivers_options* options,
                                                    const candor_driver_accumulator* acc,
                                                    const char* const* names,
                                                    candor_drivers** out);

/* ------------------------------------------------------------- validation */
/* (scores against a binary outcome; capi/validate_capi.cc) */

/* Does a score predict an outcome (1 = the event, e.g. churned; 0 = not)?
 * The AUC with DeLong's interval, the paired DeLong comparison of two
 * scores, calibration of predicted probabilities, lift and gains. Direction:
 * a higher score means outcome 1 is more likely (pROC's direction "<"); for
 * a score where higher means healthier, pass its negation. Unweighted.
 * Formulas, references, edge cases: include/candor/validate.hpp.
 * Errors: NULL arrays with n > 0 or a level outside (0, 1)
 * (CANDOR_INVALID_ARGUMENT); n = 0 or an outcome with one class
 * (CANDOR_EMPTY); an outcome other than 0/1, a NaN score, a probability
 * outside (0, 1) (CANDOR_OUT_OF_RANGE naming the index). */

typedef struct candor_auc_result {
  double value;     /* P(score of a positive > of a negative) + ties / 2 */
  double std_error; /* DeLong; 0 when degenerate, NaN with one row of a class */
  double ci_low;    /* DeLong, clamped to [0, 1] as pROC's ci.auc */
  double ci_high;
  double level;
  int64_t n_positive; /* rows with outcome 1 */
  int64_t n_negative; /* rows with outcome 0 */
  int32_t hanley_mcneil_interval; /* 1: DeLong's variance is 0 or undefined
                                     (perfect separation, all tied, one row of
                                     a class) and the interval is the
                                     Hanley-McNeil score interval instead */
} candor_auc_result;

/* The AUC of score (n values, not NaN) for outcome (n values, 0 or 1) with
 * DeLong's interval at `level` (e.g. 0.95). O(n log n). */
CANDOR_API candor_status candor_auc(const double* score, const uint8_t* outcome, size_t n,
                                    double level, candor_auc_result* out);

typedef struct candor_auc_comparison {
  double auc_a;
  double auc_b;
  double difference;  /* auc_a - auc_b */
  double std_error;   /* paired DeLong */
  double ci_low;      /* difference -+ z std_error; NaN when std_error is 0 */
  double ci_high;
  double level;
  double z;           /* 0 when std_error and difference are 0; NaN when only std_error is */
  double p_value;     /* two-sided; 1 and NaN in those cases */
  double correlation; /* of the two AUC estimates; NaN if either has variance 0 */
  int64_t n_positive;
  int64_t n_negative;
} candor_auc_comparison;

/* Paired DeLong test of two scores of the same n rows, as pROC's
 * roc.test(paired = TRUE, method = "delong"). Needs two rows of each class. */
CANDOR_API candor_status candor_compare_auc(const double* score_a, const double* score_b,
                                            const uint8_t* outcome, size_t n, double level,
                                            candor_auc_comparison* out);

typedef struct candor_calibration_result {
  int64_t n;
  int64_t n_positive;
  double level;               /* of the intercept's and slope's intervals */
  double brier;               /* mean (p - outcome)^2 */
  double mean_probability;
  double observed_rate;
  double intercept;           /* calibration-in-the-large: offset logit(p) */
  double intercept_std_error;
  double intercept_ci_low;    /* Wald */
  double intercept_ci_high;
  int32_t slope_fitted;       /* 0: every p equal, or logit(p) separates the
                                 outcomes; the slope fields are then NaN */
  double slope;               /* on logit(p); 1 = well calibrated */
  double slope_std_error;
  double slope_ci_low;
  double slope_ci_high;
  double hosmer_lemeshow;     /* NaN with fewer than 3 groups formed */
  int32_t hosmer_lemeshow_df; /* groups formed - 2 */
  double hosmer_lemeshow_p_value;
  size_t groups;              /* groups formed (ties can merge quantile groups) */
} candor_calibration_result;

/* One Hosmer-Lemeshow group: rows with probability_low < p <= probability_high
 * (the first group also p = probability_low). */
typedef struct candor_calibration_group {
  double probability_low;
  double probability_high;
  int64_t count;
  int64_t positives;          /* observed */
  double expected_positives;  /* sum of p */
  double mean_probability;
  double observed_rate;
} candor_calibration_group;

/* Calibration of predicted probabilities (n values strictly between 0 and 1)
 * against outcome: Brier score, calibration intercept and slope with Wald
 * intervals at `level`, Hosmer-Lemeshow with `groups` quantile groups
 * (3 <= groups <= n; 10 is usual). group_rows: NULL, or room for `groups`
 * rows, of which out->groups are written. */
CANDOR_API candor_status candor_calibration(const double* probability, const uint8_t* outcome,
                                            size_t n, size_t groups, double level,
                                            candor_calibration_result* out,
                                            candor_calibration_group* group_rows);

typedef struct candor_lift_row {
  int32_t group;                /* 1 = the highest scores */
  int64_t count;
  int64_t positives;
  double rate;                  /* positives / count; NaN for an empty group */
  double lift;                  /* rate / overall rate */
  int64_t cumulative_count;
  int64_t cumulative_positives;
  double gain;                  /* cumulative positives / all positives */
  double cumulative_lift;
  double score_min;             /* NaN for an empty group */
  double score_max;
} candor_lift_row;

/* Lift and cumulative gains: rows by descending score cut into `groups`
 * (1 <= groups <= n; 10 for deciles) of equal size as far as ties allow
 * (tied scores are never split). rows: room for `groups` rows. */
CANDOR_API candor_status candor_lift(const double* score, const uint8_t* outcome, size_t n,
                                     size_t groups, candor_lift_row* rows);

/* ------------------------------------------------------------ enum names */

/* The enums of this header whose values have names. Each value has one name, the
 * same on every surface (this ABI, the C++ API of candor/enum_names.hpp, the
 * Python package, the command line): lower-case words joined by '_', e.g.
 * "adjusted_wald" for CANDOR_INTERVAL_ADJUSTED_WALD, "too_few_responses" for
 * CANDOR_ACCOUNT_TREND_TOO_FEW, "ci_low" for CANDOR_BUCKETS_CI_LOW.
 * candor_status has its own candor_status_name. */
typedef enum candor_enum {
  CANDOR_ENUM_METRIC = 0,                /* nps, top_box, bottom_box, mean */
  CANDOR_ENUM_INTERVAL = 1,              /* wald, adjusted_wald, bayes, bootstrap, jeffreys */
  CANDOR_ENUM_P_ADJUST = 2,              /* none, holm, bh */
  CANDOR_ENUM_PRESET = 3,                /* nps, csat, ces, ces_agree */
  CANDOR_ENUM_ACCOUNT_MODE = 4,          /* per_response, equal, by_value */
  CANDOR_ENUM_MK_METHOD = 5,             /* original, hamed_rao, seasonal */
  CANDOR_ENUM_PERIOD = 6,                /* day, week, month, quarter */
  CANDOR_ENUM_BUCKETS_COLUMN = 7,        /* value, std_error, ..., segment, flag */
  CANDOR_ENUM_CHANGE_PENALTY = 8,        /* bic, aic, manual, calibrated */
  CANDOR_ENUM_SPLIT_RULE = 9,            /* median, time, last_days */
  CANDOR_ENUM_ROBUST_SE = 10,            /* hc1, hc3 */
  CANDOR_ENUM_ACCOUNT_TREND_STATUS = 11, /* ok, too_few_responses, slope_undefined */
  CANDOR_ENUM_UTF8_POLICY = 12,          /* error, repair */
  CANDOR_ENUM_LEXICON_FORMAT = 13,       /* candor, vader, afinn */
  CANDOR_ENUM_EMOTION = 14,              /* frustration, anger, ..., gratitude */
  CANDOR_ENUM_URGENCY = 15,              /* none, safety, legal, churn, refund, unresolved */
  CANDOR_ENUM_NMF_INIT = 16,             /* nndsvd, nndsvda, nndsvdar */
  CANDOR_ENUM_SVD_METHOD = 17,           /* auto, exact, randomized */
  CANDOR_ENUM_THEME_STATUS = 18,         /* ok, no_mentions, all_mention */
  CANDOR_ENUM_TIME_WEIGHT = 19,          /* n, n_g2 */
  CANDOR_ENUM_SURVIVAL_INTERVAL = 20,    /* log, log_log, plain */
  CANDOR_ENUM_HEALTH_TRANSFORM = 21,     /* linear, tiers, boolean, percentile, z_score */
  CANDOR_ENUM_HEALTH_MISSING = 22,       /* renormalize, zero, group_mean */
  CANDOR_ENUM_HEALTH_COMBINE = 23,       /* weighted_mean, worst_of */
  CANDOR_ENUM_PII_KIND = 24,             /* email, phone, card, iban, url */
  CANDOR_ENUM_INTENT = 25,               /* complaint, suggestion, ..., needs_response */
  CANDOR_ENUM_OUTER_LOOP_RANK = 26,      /* arr, impact, detractor_accounts, comments */
  CANDOR_ENUM_SLA_STATUS = 27,           /* met, breached, at_risk, open */
  CANDOR_ENUM_INVALID_EVENTS = 28,       /* error, drop_case */
  CANDOR_ENUM_CASE_EVENT = 29,           /* opened, first_contact, ..., closed */
  CANDOR_ENUM_CASE_LOG_PROBLEM = 30,     /* unknown_event, duplicate, ... */
  CANDOR_ENUM_FOLLOWUP_CATEGORY = 31,    /* fire_alarm, detractor, passive, promoter */
  CANDOR_ENUM_FOLLOWUP_REASON = 32,      /* detractor, passive, ..., poor_health_grade */
  CANDOR_ENUM_CHANGE_CALIBRATION = 33,   /* none, gaussian, permutation */
  CANDOR_ENUM_CHANGE_DIRECTION = 34,     /* none, up, down */
  CANDOR_ENUM_REPORT_FORMAT = 35,        /* text, json, html */
  CANDOR_ENUM_COLUMN_KIND = 36           /* numbers, text, times */
} candor_enum;

/* The name of `value` of the enum `type`: a static string, or NULL when
 * `value` is not one of its values (or `type` not a candor_enum). */
CANDOR_API const char* candor_enum_name(candor_enum type, int32_t value);
/* The value named `name` (exactly: case-sensitive, no aliases) into *value.
 * CANDOR_INVALID_ARGUMENT, naming it and listing the enum's names, when no
 * value has that name; also for a NULL argument or a type not a candor_enum. */
CANDOR_API candor_status candor_enum_value(candor_enum type, const char* name, int32_t* value);
/* The enum's values in declaration order, to list them: the index-th value
 * into *value (if not NULL) and its name returned; NULL past the last one. */
CANDOR_API const char* candor_enum_at(candor_enum type, size_t index, int32_t* value);

/* -------------------------------------------------------------- survival */
/* (Time to churn: concordance of a risk score, Kaplan-Meier, log-rank.) */
/* Input: per customer a follow-up time (finite, >= 0; e.g. tenure), an
 * event (1: churned then; 0: censored, still a customer) and, by function,
 * a risk score, a group code (>= 0) and case weights (finite, >= 0; NULL:
 * all 1). Formulas, conventions and references (R's survival package:
 * concordance, survfit, survdiff): include/candor/survival.hpp. Errors: no
 * rows or no events is CANDOR_EMPTY; a bad time, event, risk, weight or
 * group is CANDOR_OUT_OF_RANGE naming its index. */

typedef enum candor_time_weight {
  CANDOR_TIME_WEIGHT_N = 0,   /* Harrell: each comparable pair weighs 1
                                 (survival's timewt = "n"); default */
  CANDOR_TIME_WEIGHT_N_G2 = 1 /* Uno: 1 / G(t-)^2, G the censoring KM
                                 (timewt = "n/G2") */
} candor_time_weight;

typedef struct candor_concordance_options {
  size_t size;                    /* set by candor_concordance_options_init */
  candor_time_weight time_weight; /* default N */
} candor_concordance_options;

/* Fills the first `size` bytes of *options with the defaults; call through
 * candor_concordance_options_init. */
CANDOR_API candor_status candor_concordance_options_defaults(candor_concordance_options* options,
                                                             size_t size);
static inline void candor_concordance_options_init(candor_concordance_options* options) {
  candor_concordance_options_defaults(options, sizeof(*options));
}

typedef struct candor_concordance_result {
  double value;       /* C: higher risk <-> earlier event; 0.5 = chance */
  double std_error;   /* infinitesimal jackknife, as survival's */
  double concordant;  /* weighted pair counts, as survival's count */
  double discordant;
  double tied_risk;   /* comparable pairs with equal risk (count 1/2) */
  double tied_time;   /* events at one time, risks differ (not comparable) */
  double tied_both;   /* events at one time, equal risk (not comparable) */
  int64_t n;
  int64_t events;
  candor_time_weight time_weight; /* used: N when there are < 2 events */
} candor_concordance_result;

/* Harrell's (or Uno's) C of `risk` against time to event, equal to R's
 * concordance(Surv(time, event) ~ risk, reverse = TRUE, weights, timewt) in
 * value and standard error. No comparable pair is CANDOR_EMPTY. O(n log n).
 * options may be NULL (the defaults). */
CANDOR_API candor_status candor_concordance(const double* risk, const double* time,
                                            const double* event, const double* weights,
                                            size_t n, const candor_concordance_options* options,
                                            candor_concordance_result* out);

typedef enum candor_survival_interval {
  CANDOR_SURVIVAL_INTERVAL_LOG = 0,     /* S exp(+-z se_log), capped at 1; survfit's
                                           default conf.type = "log" */
  CANDOR_SURVIVAL_INTERVAL_LOG_LOG = 1, /* on log(-log S) ("log-log") */
  CANDOR_SURVIVAL_INTERVAL_PLAIN = 2    /* S +- z se, clipped to [0, 1] ("plain") */
} candor_survival_interval;

typedef struct candor_kaplan_meier_options {
  size_t size;                       /* set by candor_kaplan_meier_options_init */
  double level;                      /* in (0, 1); default 0.95 */
  candor_survival_interval interval; /* default LOG */
} candor_kaplan_meier_options;

CANDOR_API candor_status candor_kaplan_meier_options_defaults(
    candor_kaplan_meier_options* options, size_t size);
static inline void candor_kaplan_meier_options_init(candor_kaplan_meier_options* options) {
  candor_kaplan_meier_options_defaults(options, sizeof(*options));
}

/* Kaplan-Meier curves, one per group. Thread-safety: immutable once made;
 * may be read from many threads. Free with candor_kaplan_meier_free. */
typedef struct candor_kaplan_meier candor_kaplan_meier;

/* One group's curve: `points` entries per column, one per distinct time of
 * the group, ascending; the arrays are owned by the handle. */
typedef struct candor_km_curve {
  int64_t n;                /* rows in the group */
  size_t points;
  double weight;            /* the group's total weight */
  double events;            /* its weighted events */
  double level;
  const double* time;
  const double* n_risk;     /* weight at risk (time >= t) */
  const double* n_event;
  const double* n_censor;
  const double* survival;
  const double* std_error;     /* of S, Greenwood; NaN once S = 0 */
  const double* std_error_log; /* of log S (survfit's std.err); inf once S = 0 */
  const double* ci_low;        /* NaN once S = 0; where S = 1 (no event yet), */
  const double* ci_high;       /* the exact interval for n_risk of n_risk
                                  (Clopper-Pearson), not survfit's [1, 1] */
  int32_t group;            /* the group code (0 without groups) */
  candor_survival_interval interval;
} candor_km_curve;

/* group (codes >= 0) and weights may be NULL. Equal to R's survfit(Surv(time,
 * event) ~ group, weights, conf.type, conf.int = level), with Greenwood's
 * variance on weighted counts (survfit's robust = FALSE: its default for
 * integer weights), except the interval before a group's first event (see
 * candor_km_curve). options may be NULL (the defaults). */
CANDOR_API candor_status candor_kaplan_meier_new(const double* time, const double* event,
                                                 const int32_t* group, const double* weights,
                                                 size_t n,
                                                 const candor_kaplan_meier_options* options,
                                                 candor_kaplan_meier** out);
CANDOR_API void candor_kaplan_meier_free(candor_kaplan_meier* km);
/* Number of curves (group codes present); 0 for NULL. */
CANDOR_API size_t candor_kaplan_meier_curves(const candor_kaplan_meier* km);
/* Curve i, in ascending group code; CANDOR_OUT_OF_RANGE past the end. */
CANDOR_API candor_status candor_kaplan_meier_curve_at(const candor_kaplan_meier* km, size_t i,
                                                      candor_km_curve* out);

/* The log-rank test. Thread-safety: immutable once made. Free with
 * candor_log_rank_free. */
typedef struct candor_log_rank candor_log_rank;

typedef struct candor_log_rank_result {
  double chi_square;
  double p_value;
  int32_t df;          /* groups in the test - 1 */
  int32_t groups;      /* group codes present */
} candor_log_rank_result;

typedef struct candor_log_rank_group {
  int64_t n;
  double observed;     /* events */
  double expected;     /* under equal hazards */
  double variance;     /* V_kk */
  int32_t group;       /* the group code */
  int32_t tested;      /* 1: expected > 0, in the test */
} candor_log_rank_group;

/* Equal to R's survdiff(Surv(time, event) ~ group) (unweighted). Fewer than
 * two groups, or than two with anyone at risk at an event time, is
 * CANDOR_INVALID_ARGUMENT; more than 1000 groups or a singular variance is
 * CANDOR_UNSUPPORTED. */
CANDOR_API candor_status candor_log_rank_new(const double* time, const double* event,
                                             const int32_t* group, size_t n,
                                             candor_log_rank** out);
CANDOR_API void candor_log_rank_free(candor_log_rank* test);
CANDOR_API candor_status candor_log_rank_summary(const candor_log_rank* test,
                                                 candor_log_rank_result* out);
/* Number of groups; 0 for NULL. */
CANDOR_API size_t candor_log_rank_groups(const candor_log_rank* test);
/* Group i, in ascending group code; CANDOR_OUT_OF_RANGE past the end. */
CANDOR_API candor_status candor_log_rank_group_at(const candor_log_rank* test, size_t i,
                                                  candor_log_rank_group* out);

/* ------------------------------------------------------- customer health */
/* (Health scorecards: per-account measures -> points -> groups -> a 0-100
 * score and a grade, each explained by what its measures contributed.
 * Semantics: include/candor/health.hpp; the JSON form of a scorecard:
 * docs/health-scorecard.md.) */

/* How a measure's value becomes points in [0, 100]. */
typedef enum candor_health_transform {
  CANDOR_HEALTH_TRANSFORM_LINEAR = 0,     /* zero_at -> 0, full_at -> 100, clamped */
  CANDOR_HEALTH_TRANSFORM_TIERS = 1,      /* the first band holding the value */
  CANDOR_HEALTH_TRANSFORM_BOOLEAN = 2,    /* value != 0: true_points, else false_points */
  CANDOR_HEALTH_TRANSFORM_PERCENTILE = 3, /* mid-rank percentile within the segment */
  CANDOR_HEALTH_TRANSFORM_Z_SCORE = 4     /* 50 + 50 z / z_span within the segment */
} candor_health_transform;

/* What a measure without data (NaN) counts for. */
typedef enum candor_health_missing {
  CANDOR_HEALTH_MISSING_RENORMALIZE = 0, /* left out; the present weights fill the whole */
  CANDOR_HEALTH_MISSING_ZERO = 1,        /* 0 points */
  CANDOR_HEALTH_MISSING_GROUP_MEAN = 2   /* the mean points of its group's present measures */
} candor_health_missing;

/* How group scores make the score. */
typedef enum candor_health_combine {
  CANDOR_HEALTH_COMBINE_WEIGHTED_MEAN = 0, /* the weighted mean of the groups */
  CANDOR_HEALTH_COMBINE_WORST_OF = 1       /* the lowest group score */
} candor_health_combine;

/* A scorecard. Thread-safety: build it on one thread; once built, scoring
 * with it may run on many threads. Free with candor_scorecard_free. */
typedef struct candor_scorecard candor_scorecard;

/* An empty scorecard with the defaults (grades healthy >= 70, at risk >= 40,
 * critical >= 0; renormalize; weighted mean; 3 reasons): add measures. */
CANDOR_API candor_status candor_scorecard_new(candor_scorecard** out);
/* A scorecard from its JSON form (`length` bytes of UTF-8). Errors name the
 * field, e.g. "measures[1].transform: unknown transform \"lineal\"". */
CANDOR_API candor_status candor_scorecard_from_json(const char* json, size_t length,
                                                    candor_scorecard** out);
CANDOR_API void candor_scorecard_free(candor_scorecard* card);

/* One band of a tiered measure. */
typedef struct candor_health_tier {
  double low;             /* -INFINITY for an open end */
  double high;            /* INFINITY for an open end */
  int32_t low_inclusive;  /* 1: low itself is in the tier */
  int32_t high_inclusive; /* 1: high itself is in the tier */
  double points;          /* in [0, 100] */
  const char* label;      /* may be NULL; copied */
} candor_health_tier;

/* One measure: a column and its transform. Strings and tiers are copied. */
typedef struct candor_health_measure {
  size_t size;             /* set by candor_health_measure_init */
  const char* name;        /* the column */
  const char* label;       /* in reasons; NULL: the name */
  const char* group;       /* a group added before; NULL without groups */
  double weight;           /* within its group, >= 0; default 1 */
  candor_health_transform transform; /* default TRANSFORM_LINEAR */
  double zero_at;          /* LINEAR; default 0 */
  double full_at;          /* LINEAR; default 100 */
  const candor_health_tier* tiers; /* TIERS */
  size_t n_tiers;
  double true_points;      /* BOOLEAN; default 100 */
  double false_points;     /* BOOLEAN; default 0 */
  int32_t higher_is_better; /* PERCENTILE, Z_SCORE; default 1 */
  double z_span;           /* Z_SCORE; default 2 */
} candor_health_measure;

CANDOR_API candor_status candor_health_measure_defaults(candor_health_measure* measure,
                                                        size_t size);
static inline void candor_health_measure_init(candor_health_measure* measure) {
  candor_health_measure_defaults(measure, sizeof(*measure));
}

/* Building: groups first (a measure names its group), then measures. Each
 * call checks only what it adds; candor_scorecard_validate (and scoring)
 * check the whole. */
CANDOR_API candor_status candor_scorecard_add_group(candor_scorecard* card, const char* name,
                                                    double weight);
CANDOR_API candor_status candor_scorecard_add_measure(candor_scorecard* card,
                                                      const candor_health_measure* measure);
/* Replaces the grades: names[k] takes scores >= min_scores[k], best first. */
CANDOR_API candor_status candor_scorecard_set_grades(candor_scorecard* card,
                                                     const char* const* names,
                                                     const double* min_scores, size_t n);
/* missing, combine, and at most `reasons` (0..16) reasons per account. */
CANDOR_API candor_status candor_scorecard_set_rules(candor_scorecard* card,
                                                    candor_health_missing missing,
                                                    candor_health_combine combine,
                                                    int32_t reasons);
/* Weights for one segment's accounts: measure_weights (one per measure, or
 * NULL) and group_weights (one per group, or NULL); NaN keeps the
 * scorecard's weight. Add it after the measures. */
CANDOR_API candor_status candor_scorecard_add_profile(candor_scorecard* card,
                                                      const char* segment,
                                                      const double* measure_weights,
                                                      size_t n_measure_weights,
                                                      const double* group_weights,
                                                      size_t n_group_weights);
/* CANDOR_OK, or the first problem, naming the field. */
CANDOR_API candor_status candor_scorecard_validate(const candor_scorecard* card);
/* The measures (0 for NULL) and measure i's column name (NULL past the end);
 * likewise the groups and grades. Names live as long as the scorecard. */
CANDOR_API size_t candor_scorecard_measures(const candor_scorecard* card);
CANDOR_API const char* candor_scorecard_measure_name(const candor_scorecard* card, size_t i);
CANDOR_API const char* candor_scorecard_measure_label(const candor_scorecard* card, size_t i);
CANDOR_API size_t candor_scorecard_grades(const candor_scorecard* card);
CANDOR_API const char* candor_scorecard_grade_name(const candor_scorecard* card, size_t k);

/* The scores of a table. Thread-safety: immutable once made. Free with
 * candor_health_scores_free. */
typedef struct candor_health_scores candor_health_scores;

/* Scores n accounts: n_columns named columns of n doubles (NaN: missing),
 * read by the measures' names (other columns are ignored); segment (n codes
 * into segment_names, or NULL) for percentiles, z-scores and profiles.
 * Errors: a measure's column missing, a segment code out of range, and the
 * scorecard's own problems, naming the field. */
CANDOR_API candor_status candor_health_score(const candor_scorecard* card,
                                             const char* const* names,
                                             const double* const* columns, size_t n_columns,
                                             size_t n, const int32_t* segment,
                                             const char* const* segment_names,
                                             size_t n_segments, candor_health_scores** out);
CANDOR_API void candor_health_scores_free(candor_health_scores* scores);

/* Every result as columns owned by the handle: per account score (NaN
 * without data), grade (index into the scorecard's grades, -1 without one)
 * and coverage (0-1); per account and measure, row-major (n x measures),
 * points (NaN when missing), contribution and max_contribution (score = the
 * sum of contributions; the max_contributions sum to 100); per account
 * reason_count reasons at [i * max_reasons, ...): the measure, its value
 * (NaN: no data) and the points it lost, largest first; per measure the
 * values no tier held. */
typedef struct candor_health_columns {
  size_t n;
  size_t measures;
  size_t max_reasons;
  const double* score;
  const int32_t* grade;
  const double* coverage;
  const double* points;
  const double* contribution;
  const double* max_contribution;
  const int32_t* reason_count;
  const int32_t* reason_measure;
  const double* reason_value;
  const double* reason_lost;
  const int64_t* unmatched;
} candor_health_columns;

CANDOR_API candor_status candor_health_scores_columns(const candor_health_scores* scores,
                                                      candor_health_columns* out);
/* The reasons of accounts [first, first + count) in words, each account's
 * joined by "; " and ended by a NUL byte, into buffer (capacity bytes; may
 * be NULL with capacity 0 to ask). *length: the bytes all of them need.
 * CANDOR_OUT_OF_RANGE when the range passes the accounts; a buffer too
 * small is CANDOR_INVALID_ARGUMENT with *length set. */
CANDOR_API candor_status candor_health_reasons(const candor_health_scores* scores,
                                               size_t first, size_t count, char* buffer,
                                               size_t capacity, size_t* length);

/* Survey measures: each account's metric (candor_score_options: NPS, CSAT,
 * ...) from its responses in a time window, shrunk toward its segment by
 * empirical Bayes, with a standard error (formulas and references:
 * include/candor/health_survey.hpp). The values are a scorecard's measure
 * column (NaN for accounts without responses). */
typedef struct candor_survey_measure_options {
  size_t size;    /* set by candor_survey_measure_options_init */
  int64_t from;   /* responses with from <= time < to; default INT64_MIN */
  int64_t to;     /* default INT64_MAX */
  int32_t shrink; /* 1 (default): toward the segment; 0: each account's own */
} candor_survey_measure_options;

CANDOR_API candor_status candor_survey_measure_options_defaults(
    candor_survey_measure_options* options, size_t size);
static inline void candor_survey_measure_options_init(candor_survey_measure_options* options) {
  candor_survey_measure_options_defaults(options, sizeof(*options));
}

typedef struct candor_survey_segment {
  int64_t accounts;        /* with responses in the window */
  int64_t responses;
  double mean;             /* the segment mean the accounts shrink toward */
  double within_variance;  /* of one response within an account */
  double between_variance; /* of the accounts' true metrics */
  int32_t pseudo_responses; /* 1: no spread, two pseudo-responses added */
} candor_survey_segment;

/* n responses (scores on the metric's scale; times may be NULL; account
 * codes in [0, n_accounts)); account_segment: n_accounts codes in [0,
 * n_segments), or NULL. Writes n_accounts entries to value (required) and
 * to std_error, raw (the unshrunk metric), shrinkage and responses (each
 * may be NULL), and max(1, n_segments) entries to segments (may be NULL).
 * metric and options may be NULL (NPS; the defaults). */
CANDOR_API candor_status candor_account_survey_measure(
    const candor_score_options* metric, const candor_survey_measure_options* options,
    const double* scores, const int64_t* times, const int32_t* accounts, size_t n,
    size_t n_accounts, const int32_t* account_segment, size_t n_segments, double* value,
    double* std_error, double* raw, double* shrinkage, int64_t* responses,
    candor_survey_segment* segments);

/* ------------------------------------------------- customer health over time */
/* (As-of snapshots, days in grade and momentum; semantics, the delta method
 * and its caveats: include/candor/health_history.hpp.) */

/* A dated history of account measures: n rows, each an account code in [0,
 * n_accounts), a time (Unix seconds) and a value per column (NaN: not
 * recorded in that row). Read during the call, never kept. */
typedef struct candor_health_history {
  size_t size;                   /* set by candor_health_history_init */
  size_t n;                      /* rows */
  const int32_t* account;        /* n codes in [0, n_accounts) */
  const int64_t* time;           /* n Unix seconds */
  size_t n_accounts;
  const char* const* names;      /* n_columns column names */
  const double* const* columns;  /* n_columns columns of n values */
  size_t n_columns;
  /* NULL, or n_columns entries: each NULL (an exact measure) or n standard
   * errors of that column's values (NaN: not known), e.g. a survey measure's
   * from candor_account_survey_measure. */
  const double* const* std_error_columns;
  const int32_t* segment;            /* n_accounts codes into segment_names, or NULL */
  const char* const* segment_names;
  size_t n_segments;
} candor_health_history;

CANDOR_API candor_status candor_health_history_defaults(candor_health_history* history,
                                                        size_t size);
static inline void candor_health_history_init(candor_health_history* history) {
  candor_health_history_defaults(history, sizeof(*history));
}

/* The scores of the history's accounts as of a cut-off: each account's
 * latest value per column from rows with time < as_of (a row at as_of or
 * later is never read), scored with `card`; account code i is row i of the
 * result, read with candor_health_scores_columns and candor_health_reasons. */
CANDOR_API candor_status candor_health_score_as_of(const candor_scorecard* card,
                                                   const candor_health_history* history,
                                                   int64_t as_of, candor_health_scores** out);

/* Per account (n_accounts entries each): its grade as of as_of (-1 without
 * one) and the days back to the earliest snapshot, every step_days, of its
 * unbroken run in that grade (a lower bound with resolution step_days; 0
 * when the previous snapshot's grade differs; -1 without a grade); capped[i]
 * = 1 when the run reaches max_steps snapshots. grade, days and capped may
 * each be NULL. Errors: step_days <= 0, max_steps < 1. */
CANDOR_API candor_status candor_health_days_in_grade(const candor_scorecard* card,
                                                     const candor_health_history* history,
                                                     int64_t as_of, double step_days,
                                                     int32_t max_steps, int32_t* grade,
                                                     double* days, uint8_t* capped);

/* Per account (n_accounts entries each; each array may be NULL): change =
 * score(as_of) - score(previous), its delta-method standard error from the
 * columns with standard errors, and the `level` interval (0 < level < 1).
 * change NaN: a score is NaN. std_error NaN (no interval): no sampling error
 * known. std_error 0 (no interval): the sampled measures read the same rows
 * in both snapshots with the same weights, or their points are clamped. The
 * interval is never of zero width: ci_low < ci_high, or both NaN.
 * Errors: previous >= as_of, level outside (0, 1), a negative standard
 * error. */
CANDOR_API candor_status candor_health_momentum(const candor_scorecard* card,
                                                const candor_health_history* history,
                                                int64_t as_of, int64_t previous, double level,
                                                double* change, double* std_error,
                                                double* ci_low, double* ci_high);
/* Suggested weights from churn history: an L2 logistic regression of churn
 * on the scorecard's standardized points; the weights are the churn-reducing
 * coefficients per point, scaled to sum 100; the evidence is out-of-fold
 * only (formulas, rules and errors: include/candor/health_weights.hpp). */
typedef struct candor_suggest_weights_options {
  size_t size;       /* set by candor_suggest_weights_options_init */
  double l2_penalty; /* lambda >= 0 (scikit-learn's C = 1 / lambda); default 1 */
  int32_t folds;     /* >= 2; default 5 */
  uint64_t seed;     /* the stratified fold assignment; default 0 */
  double level;      /* of the AUC intervals; default 0.95 */
} candor_suggest_weights_options;

CANDOR_API candor_status candor_suggest_weights_options_defaults(
    candor_suggest_weights_options* options, size_t size);
static inline void candor_suggest_weights_options_init(candor_suggest_weights_options* options) {
  candor_suggest_weights_options_defaults(options, sizeof(*options));
}

/* The result. Thread-safety: immutable once made. Free with
 * candor_suggested_weights_free. */
typedef struct candor_suggested_weights candor_suggested_weights;

/* The table as candor_health_score takes it; churned: n values, 0 or 1;
 * options may be NULL (the defaults). */
CANDOR_API candor_status candor_health_suggest_weights(
    const candor_scorecard* card, const char* const* names, const double* const* columns,
    size_t n_columns, size_t n, const int32_t* segment, const char* const* segment_names,
    size_t n_segments, const uint8_t* churned, const candor_suggest_weights_options* options,
    candor_suggested_weights** out);
/* As of a cut-off: the measures as they stood before as_of (the snapshot of
 * candor_health_score_as_of) against churned, one value per account code
 * (0 or 1: churn after as_of, for no leakage). An account with no row before
 * as_of was not yet a customer: left out (its churned value is not read),
 * with fold -2 and NaN oof_probability and score; n is the number of
 * accounts. Otherwise equal to candor_health_suggest_weights on the
 * snapshot's table of the other accounts. */
CANDOR_API candor_status candor_health_suggest_weights_as_of(
    const candor_scorecard* card, const candor_health_history* history, int64_t as_of,
    const uint8_t* churned, const candor_suggest_weights_options* options,
    candor_suggested_weights** out);
CANDOR_API void candor_suggested_weights_free(candor_suggested_weights* weights);

/* Every result, arrays owned by the handle. Per measure (in the scorecard's
 * order): coefficient (log-odds of churn per sd of points),
 * coefficient_per_point, suggested_weight (0-100, summing to 100 or all 0),
 * current_weight (the nominal share W_m), flagged (1: more points go with
 * more churn), point_mean, point_sd (with n) and imputed (accounts without
 * the measure's points). Per account: oof_probability (from the model of the
 * other folds; NaN for an excluded account), fold (-1 excluded; -2 not yet
 * a customer, as of a cut-off) and score.
 * auc: of the out-of-fold probabilities; current_auc: of -score;
 * comparison: paired DeLong, a = suggested, b = current. */
typedef struct candor_suggested_weights_columns {
  size_t n;
  size_t measures;
  const double* coefficient;
  const double* coefficient_per_point;
  const double* suggested_weight;
  const double* current_weight;
  const uint8_t* flagged;
  const double* point_mean;
  const double* point_sd;
  const int64_t* imputed;
  double intercept;
  int32_t iterations; /* Newton iterations of the fit on all accounts */
  int64_t excluded;   /* accounts whose score is NaN (no measure with data) */
  const double* oof_probability;
  const int32_t* fold;
  const double* score;
  candor_auc_result auc;
  candor_auc_result current_auc;
  candor_auc_comparison comparison;
} candor_suggested_weights_columns;

CANDOR_API candor_status candor_suggested_weights_columns_get(
    const candor_suggested_weights* weights, candor_suggested_weights_columns* out);

/* ------------------------------------------------------- pii and intents */
/* (personal data redacted from text, comment intents; capi/pii_capi.cc,
 * capi/intents_capi.cc; rules: include/candor/pii.hpp, intents.hpp) */

/* Kinds of personal data; bit (1 << kind) of candor_redact_options.kinds. */
typedef enum candor_pii_kind {
  CANDOR_PII_EMAIL = 0,
  CANDOR_PII_PHONE = 1,
  CANDOR_PII_CARD = 2, /* 13-19 digits passing the Luhn check */
  CANDOR_PII_IBAN = 3, /* passing the MOD 97-10 check */
  CANDOR_PII_URL = 4   /* a URL with a secret (token, key, password, ...) */
} candor_pii_kind;

typedef struct candor_redact_options {
  size_t size;                 /* sizeof(candor_redact_options); set by _init */
  uint32_t kinds;              /* kinds to find (bits 1 << candor_pii_kind); default 0x1F */
  int32_t redact_all_urls;     /* 1: every URL; 0 (default): only URLs with a secret */
  /* Replacement per kind, NUL-terminated ("" deletes); NULL: the default. */
  const char* email_placeholder; /* "[EMAIL]" */
  const char* phone_placeholder; /* "[PHONE]" */
  const char* card_placeholder;  /* "[CARD]" */
  const char* iban_placeholder;  /* "[IBAN]" */
  const char* url_placeholder;   /* "[URL]" */
} candor_redact_options;
CANDOR_API candor_status candor_redact_options_defaults(candor_redact_options* options,
                                                        size_t size);
static inline void candor_redact_options_init(candor_redact_options* options) {
  candor_redact_options_defaults(options, sizeof(*options));
}

typedef struct candor_pii_span {
  candor_pii_kind kind;
  uint32_t begin; /* bytes [begin, end) of the input text */
  uint32_t end;
  uint32_t output_begin; /* bytes of its placeholder in the redacted text */
  uint32_t output_end;
} candor_pii_span;

/* The redacted texts of one call, with their spans. */
typedef struct candor_redaction candor_redaction;

/* One text of `length` bytes of UTF-8 (options may be NULL: the defaults).
 * Errors: invalid UTF-8 (CANDOR_INVALID_UTF8 naming the byte), unknown kind
 * bits or a size that is not a field boundary (CANDOR_INVALID_ARGUMENT). */
CANDOR_API candor_status candor_redact(const char* text, size_t length,
                                       const candor_redact_options* options,
                                       candor_redaction** out);
/* n texts: texts[i] holds lengths[i] bytes (lengths NULL: NUL-terminated);
 * a NULL text with length 0 is empty. Errors name the text's index. */
CANDOR_API candor_status candor_redact_batch(const char* const* texts, const size_t* lengths,
                                             size_t n, const candor_redact_options* options,
                                             candor_redaction** out);
CANDOR_API void candor_redaction_free(candor_redaction* redaction);
/* How many texts (1 for candor_redact). */
CANDOR_API candor_status candor_redaction_count(const candor_redaction* redaction, size_t* n);
/* Text i redacted: *text (NUL-terminated, owned by the handle) and its length
 * (length may be NULL); its spans in order (*spans owned by the handle, NULL
 * when *n_spans is 0). */
CANDOR_API candor_status candor_redaction_text(const candor_redaction* redaction, size_t i,
                                               const char** text, size_t* length);
CANDOR_API candor_status candor_redaction_spans(const candor_redaction* redaction, size_t i,
                                                const candor_pii_span** spans, size_t* n_spans);

/* Intents of a comment; bit (1 << intent) of the flags. Multi-label. */
typedef enum candor_intent {
  CANDOR_INTENT_COMPLAINT = 0,
  CANDOR_INTENT_SUGGESTION = 1, /* feature requests included */
  CANDOR_INTENT_QUESTION = 2,
  CANDOR_INTENT_PRAISE = 3,
  CANDOR_INTENT_NEEDS_RESPONSE = 4 /* a question, a contact request, an urgent complaint */
} candor_intent;

typedef struct candor_intents candor_intents;

/* n comments: texts[i] holds lengths[i] bytes of UTF-8 (lengths NULL:
 * NUL-terminated). Errors: invalid UTF-8 (CANDOR_INVALID_UTF8 naming the
 * comment and byte), a NULL text with a length > 0 (CANDOR_INVALID_ARGUMENT). */
CANDOR_API candor_status candor_intents_classify(const char* const* texts, const size_t* lengths,
                                                 size_t n, candor_intents** out);
CANDOR_API void candor_intents_free(candor_intents* intents);
/* The flags of every comment (n values, owned by the handle). */
CANDOR_API candor_status candor_intents_flags(const candor_intents* intents,
                                              const uint32_t** flags, size_t* n);
/* The reasons of comment i, one line ("complaint: problem 'crashed'; ..."),
 * NUL-terminated, owned by the handle; "" when no intent. */
CANDOR_API candor_status candor_intents_reasons(const candor_intents* intents, size_t i,
                                                const char** reasons);
/* ------------------------------------------------------- follow-up queue */
/* (Drops, dedup, priority points, order, routing and due times:
 * include/candor/followup.hpp; rules.json: docs/followup-rules.md.) */

typedef struct candor_followup_rules candor_followup_rules;
typedef struct candor_followup_queue candor_followup_queue;

/* Rules from their JSON (length bytes; json may be NULL when length is 0:
 * the defaults). Errors name the key. */
CANDOR_API candor_status candor_followup_rules_from_json(const char* json, size_t length,
                                                         candor_followup_rules** out);
CANDOR_API void candor_followup_rules_free(candor_followup_rules* rules);

/* The responses (n rows), the accounts (n_accounts; 0: no account table,
 * every account code >= 0 known) and earlier contacts of respondents. Codes
 * index the name lists; a code < 0 is none. Only score, time and account
 * are required (when n > 0); every other pointer may be NULL. Read during
 * the call, never kept. */
typedef struct candor_followup_input {
  size_t size; /* set by candor_followup_input_init */
  size_t n;
  const double* score;     /* 0..10; others dropped as invalid_score */
  const int64_t* time;     /* Unix seconds; INT64_MIN: missing */
  const int32_t* account;  /* account codes */
  const int32_t* respondent;
  const int32_t* role;
  const char* const* role_names;
  size_t n_role_names;
  const uint8_t* urgency; /* candor_urgency_category values 0..5 */
  const int32_t* theme;
  const char* const* theme_names;
  size_t n_theme_names;
  size_t n_accounts;
  const double* arr;            /* NaN: unknown */
  const int64_t* renewal;       /* INT64_MIN: unknown */
  const double* health_change;  /* < 0: a decline; NaN: unknown */
  const uint8_t* opt_out;
  const int32_t* owner;
  const char* const* owner_names;
  size_t n_owner_names;
  const int32_t* region;
  const char* const* region_names;
  size_t n_region_names;
  size_t n_contacts;
  const int32_t* contact_respondent;
  const int64_t* contact_time;
  /* Several themes per response, instead of `theme` (set at most one):
   * n + 1 offsets from 0, not decreasing; row i's themes are
   * theme_ids[theme_offsets[i] .. theme_offsets[i + 1]), codes into
   * theme_names. A case's themes are its lead's; a route's theme matches
   * when any of them is it (docs/followup-rules.md). */
  const int64_t* theme_offsets;
  const int32_t* theme_ids;
  /* n_accounts codes into health_grade_names (< 0: no grade); the grades of
   * the rules' poor_health_grades earn the poor_health_grade points. */
  const int32_t* health_grade;
  const char* const* health_grade_names;
  size_t n_health_grade_names;
} candor_followup_input;

CANDOR_API candor_status candor_followup_input_defaults(candor_followup_input* input, size_t size);
static inline void candor_followup_input_init(candor_followup_input* input) {
  candor_followup_input_defaults(input, sizeof(*input));
}

/* The queue; rules may be NULL (the defaults). */
CANDOR_API candor_status candor_followup_build(const candor_followup_input* input,
                                               const candor_followup_rules* rules,
                                               candor_followup_queue** out);
CANDOR_API void candor_followup_queue_free(candor_followup_queue* queue);

/* One entry per case in queue order, arrays owned by the queue. category:
 * 0 fire_alarm, 1 detractor, 2 passive, 3 promoter; owner: code for
 * candor_followup_owner_name, -1 unassigned; route: index of the matching
 * route, -1 none (candor_followup_team_name). Case i's reasons are
 * reason[reason_begin[i] .. reason_begin[i + 1]) (candor_followup_reason_name)
 * with their points; they sum to priority[i] in that order. */
typedef struct candor_followup_columns {
  size_t n;
  const int32_t* account;
  const int64_t* lead_row;
  const int32_t* responses;
  const int64_t* first_time;
  const int64_t* lead_time;
  const int64_t* last_time;
  const double* score;
  const uint8_t* category;
  const uint8_t* urgency;
  const int32_t* theme;
  const double* priority;
  const int64_t* due;
  const int32_t* owner;
  const int32_t* route;
  const uint32_t* reason_begin; /* n + 1 entries */
  size_t n_reasons;
  const uint8_t* reason;
  const double* reason_points;
} candor_followup_columns;

CANDOR_API candor_status candor_followup_queue_columns(const candor_followup_queue* queue,
                                                       candor_followup_columns* out);

/* Every row is counted once: responses = invalid_score + invalid_time +
 * no_account + opted_out + suppressed + merged + not_included + cases. */
typedef struct candor_followup_counts {
  int64_t responses;
  int64_t invalid_score;
  int64_t invalid_time;
  int64_t no_account;
  int64_t opted_out;
  int64_t suppressed;
  int64_t merged;
  int64_t not_included;
  int64_t cases;
  int64_t fire_alarms;
} candor_followup_counts;

CANDOR_API candor_status candor_followup_queue_counts(const candor_followup_queue* queue,
                                                      candor_followup_counts* out);
/* Names owned by the queue (NULL past the end or for a NULL queue). */
CANDOR_API size_t candor_followup_owners(const candor_followup_queue* queue);
CANDOR_API const char* candor_followup_owner_name(const candor_followup_queue* queue, size_t k);
CANDOR_API size_t candor_followup_teams(const candor_followup_queue* queue);
CANDOR_API const char* candor_followup_team_name(const candor_followup_queue* queue, size_t k);
CANDOR_API const char* candor_followup_action(const candor_followup_queue* queue, int32_t category);
/* Static names ("detractor", "urgency_churn", ...; "fire_alarm", ...), NULL
 * for an unknown value. */
CANDOR_API const char* candor_followup_reason_name(int32_t reason);
CANDOR_API const char* candor_followup_category_name(int32_t category);
/* Each case's themes, its lead's (in the order given, repeats once), in
 * queue order, arrays owned by the queue: case i's are themes[theme_begin[i]
 * .. theme_begin[i + 1]), codes into the input's theme_names. */
typedef struct candor_followup_themes {
  size_t n;                    /* cases */
  const int64_t* theme_begin;  /* n + 1 entries */
  size_t n_themes;
  const int32_t* themes;
} candor_followup_themes;

CANDOR_API candor_status candor_followup_queue_themes(const candor_followup_queue* queue,
                                                      candor_followup_themes* out);
/* ------------------------------------------------- business-hour calendars */
/* (A time zone, opening hours, working weekdays and holidays; deadlines and
 * business hours between instants across DST changes and holidays.
 * Semantics, rounding and errors: include/candor/business_hours.hpp.) */

/* The calendar. Times of day are local wall-clock minutes after midnight,
 * 0 <= open_minute < close_minute <= 1440; weekdays is a bit set, bit d for
 * weekday d, Monday = 0 ... Sunday = 6; holidays are local civil dates as
 * days since 1970-01-01, read during candor_business_calendar_new. */
typedef struct candor_business_calendar_spec {
  size_t size;              /* set by candor_business_calendar_spec_init */
  const char* time_zone;    /* an IANA tz database name; default "UTC" */
  int32_t open_minute;      /* default 540 (09:00) */
  int32_t close_minute;     /* default 1020 (17:00) */
  uint8_t weekdays;         /* default 0x1F (Monday to Friday) */
  const int32_t* holidays;  /* n_holidays dates; default NULL */
  size_t n_holidays;
} candor_business_calendar_spec;

CANDOR_API candor_status candor_business_calendar_spec_defaults(
    candor_business_calendar_spec* spec, size_t size);
static inline void candor_business_calendar_spec_init(candor_business_calendar_spec* spec) {
  candor_business_calendar_spec_defaults(spec, sizeof(*spec));
}

/* A calendar. Thread-safety: immutable once made; may be used from many
 * threads. Free with candor_business_calendar_free (NULL is fine). */
typedef struct candor_business_calendar candor_business_calendar;

/* Errors: an unknown or malformed time zone, close <= open, no working
 * weekday, a holiday given twice (overlapping) or outside 1900..2200. */
CANDOR_API candor_status candor_business_calendar_new(const candor_business_calendar_spec* spec,
                                                      candor_business_calendar** out);
/* From the calendar's JSON object (`length` bytes), e.g. {"time_zone":
 * "Europe/Berlin", "open": "09:00", "close": "17:00", "weekdays": [0, 1, 2,
 * 3, 4], "holidays": ["2026-12-25"]}; every key optional. */
CANDOR_API candor_status candor_business_calendar_from_json(const char* json, size_t length,
                                                            candor_business_calendar** out);
CANDOR_API void candor_business_calendar_free(candor_business_calendar* calendar);

/* out[i]: the instant (Unix seconds) hours[i] business hours after
 * starts[i], counting from the next opening when starts[i] is outside
 * hours, rounded up to the second. Errors name the row: negative or
 * non-finite hours, a start outside 1900..2200, a deadline past 2200. */
CANDOR_API candor_status candor_business_calendar_deadline(const candor_business_calendar* calendar,
                                                           const int64_t* starts,
                                                           const double* hours, size_t n,
                                                           int64_t* out);
/* out[i]: the business hours in [starts[i], ends[i]); negative when
 * ends[i] < starts[i]. */
CANDOR_API candor_status candor_business_calendar_business_hours_between(
    const candor_business_calendar* calendar, const int64_t* starts, const int64_t* ends,
    size_t n, double* out);
/* ------------------------------------------------------------- outer loop */
/* (themes ranked by what they cost; capi/outer_loop_capi.cc)
 *
 * Per theme: comments, detractor comments, accounts and detractor accounts
 * mentioning it, the ARR of those detractor accounts ("at risk") with a
 * seeded percentile bootstrap interval by account, drivers' NPS impact
 * (clustered by account), the trend between two periods, and 2-5
 * representative quotes (typical of the theme, not near-duplicates, tone
 * matching the theme's, PII redacted), per segment when segments are given.
 * Rows come ranked (rank 1 costs the most). Formulas, references and edge
 * cases: include/candor/outer_loop.hpp. */

typedef enum candor_outer_loop_rank {
  CANDOR_OUTER_LOOP_RANK_ARR_AT_RISK = 0, /* needs account_arr */
  CANDOR_OUTER_LOOP_RANK_NPS_IMPACT = 1,
  CANDOR_OUTER_LOOP_RANK_DETRACTOR_ACCOUNTS = 2,
  CANDOR_OUTER_LOOP_RANK_COMMENTS = 3
} candor_outer_loop_rank;

typedef struct candor_outer_loop_options {
  size_t size;                    /* set by candor_outer_loop_options_init */
  candor_outer_loop_rank rank_by; /* default ARR at risk */
  int32_t replicates;             /* bootstrap by account, 100..1e6; default 2000 */
  uint64_t seed;                  /* default 42 */
  double level;                   /* of every interval; default 0.95 */
  int32_t threads;                /* 0 (default): all cores */
  int32_t earlier_period;         /* trend period A; -1 (default): second-largest code */
  int32_t later_period;           /* trend period B; -1 (default): largest code */
  double alpha;                   /* trend: BH-adjusted p <= alpha; default 0.05 */
  int32_t quotes_per_theme;       /* 0..20; default 3 */
  int32_t max_quote_bytes;        /* longer (redacted) texts are not quoted; default 280 */
  double max_quote_similarity;    /* shingle Jaccard of two quotes below it; default 0.5 */
  /* Told done of total = replicates of the ARR bootstrap (the long part;
   * only when account ARR is given); see "progress and cancelling" above.
   * NULL: none. */
  candor_progress progress;
  void* progress_user_data;
} candor_outer_loop_options;

CANDOR_API candor_status candor_outer_loop_options_defaults(candor_outer_loop_options* options,
                                                            size_t size);
static inline void candor_outer_loop_options_init(candor_outer_loop_options* options) {
  candor_outer_loop_options_defaults(options, sizeof(*options));
}

/* Per-comment inputs besides the scores; accounts is required, the rest may
 * be NULL. account_arr holds account_count ARRs indexed by account code.
 * texts[i] holds text_sizes[i] bytes of UTF-8 (text_sizes NULL:
 * NUL-terminated; texts[i] NULL: no text). Read during candor_outer_loop_new
 * only. */
typedef struct candor_outer_loop_inputs {
  size_t size; /* set by candor_outer_loop_inputs_init */
  const int32_t* accounts;
  const double* account_arr;
  size_t account_count;
  const int32_t* periods;
  const double* sentiments;
  const char* const* texts;
  const size_t* text_sizes;
  const int32_t* segments;
} candor_outer_loop_inputs;

CANDOR_API candor_status candor_outer_loop_inputs_defaults(candor_outer_loop_inputs* inputs,
                                                           size_t size);
static inline void candor_outer_loop_inputs_init(candor_outer_loop_inputs* inputs) {
  candor_outer_loop_inputs_defaults(inputs, sizeof(*inputs));
}

/* One ranked theme. name points into the handle. Frozen. */
typedef struct candor_outer_loop_row {
  int32_t theme;
  int32_t rank;
  const char* name;
  int64_t comments;
  int64_t detractor_comments;
  int64_t accounts;
  int64_t detractor_accounts;
  double arr_at_risk; /* NaN without account_arr */
  double arr_ci_low;
  double arr_ci_high;
  candor_comparison impact;
  int32_t has_trend;
  int32_t trending;
  double share_change; /* percentage points, later - earlier */
  double share_change_ci_low;
  double share_change_ci_high;
  double trend_p_adjusted;
  double tone;
  size_t quotes; /* this row's quotes: candor_outer_loop_quote_at(h, row, k) */
} candor_outer_loop_row;

/* A quote; text points into the handle (redacted UTF-8, text_size bytes,
 * NUL-terminated). Frozen. */
typedef struct candor_outer_loop_quote {
  int64_t comment;
  int32_t segment; /* -1 without segments */
  const char* text;
  size_t text_size;
  double typicality;
  double tone;
} candor_outer_loop_quote;

/* Totals of the whole sample. Frozen. */
typedef struct candor_outer_loop_summary {
  candor_estimate overall;
  int64_t accounts;
  int64_t detractor_accounts;
  double total_arr;
  int32_t replicates;
} candor_outer_loop_summary;

/* Immutable once made: safe to read from several threads. Free with
 * candor_outer_loop_free (NULL is fine). */
typedef struct candor_outer_loop candor_outer_loop;

CANDOR_API candor_status candor_outer_loop_new(const candor_score_options* score_options,
                                               const candor_outer_loop_options* options,
                                               const double* scores, size_t n,
                                               const candor_theme_mentions* mentions,
                                               const candor_outer_loop_inputs* inputs,
                                               candor_outer_loop** out);
CANDOR_API void candor_outer_loop_free(candor_outer_loop* outer_loop);
CANDOR_API size_t candor_outer_loop_rows(const candor_outer_loop* outer_loop);
CANDOR_API candor_status candor_outer_loop_row_at(const candor_outer_loop* outer_loop, size_t i,
                                                  candor_outer_loop_row* out);
CANDOR_API candor_status candor_outer_loop_quote_at(const candor_outer_loop* outer_loop,
                                                    size_t row, size_t k,
                                                    candor_outer_loop_quote* out);
CANDOR_API candor_status candor_outer_loop_summary_get(const candor_outer_loop* outer_loop,
                                                       candor_outer_loop_summary* out);

/* No interval of zero width: when a row's interval would have zero width
 * although its point comes from n > 0 comments, its bounds are NaN (the
 * point is kept) and the reason says why (include/candor/outer_loop.hpp). */
typedef enum candor_outer_loop_no_interval {
  CANDOR_OUTER_LOOP_NO_INTERVAL_NONE = 0,                  /* the interval is reported */
  CANDOR_OUTER_LOOP_NO_INTERVAL_NO_DETRACTOR_ACCOUNT = 1,  /* ARR: nothing at risk */
  CANDOR_OUTER_LOOP_NO_INTERVAL_NO_ARR_AT_RISK = 2,        /* ARR: accounts at risk have ARR 0 */
  CANDOR_OUTER_LOOP_NO_INTERVAL_EVERY_ACCOUNT_AT_RISK = 3, /* ARR: all at risk, one ARR */
  CANDOR_OUTER_LOOP_NO_INTERVAL_FEW_BOOTSTRAP_VALUES = 4,  /* ARR: percentiles coincide */
  CANDOR_OUTER_LOOP_NO_INTERVAL_NO_MENTIONS = 5,           /* impact: no comment mentions it */
  CANDOR_OUTER_LOOP_NO_INTERVAL_ALL_MENTION = 6,           /* impact: every comment does */
  CANDOR_OUTER_LOOP_NO_INTERVAL_METRIC_CONSTANT = 7,       /* impact: SE 0 */
  CANDOR_OUTER_LOOP_NO_INTERVAL_SHARE_ALL_OR_NONE = 8      /* share change: SE 0 */
} candor_outer_loop_no_interval;

/* Row i's reasons (candor_outer_loop_no_interval values). Frozen. */
typedef struct candor_outer_loop_no_intervals {
  int32_t arr;
  int32_t impact;
  int32_t share_change;
} candor_outer_loop_no_intervals;

CANDOR_API candor_status candor_outer_loop_no_intervals_at(const candor_outer_loop* outer_loop,
                                                           size_t i,
                                                           candor_outer_loop_no_intervals* out);
/* A sentence for users ("" for NONE, e.g. "no detractor account mentions
 * this theme: nothing at risk to resample"); NULL for an unknown value. */
CANDOR_API const char* candor_outer_loop_no_interval_text(int32_t reason);
/* -------------------------------------------------------------- recovery */
/* (Re-survey scores of followed-up versus other detractors.) Input: per
 * detractor with a re-survey score: the score, followed_up (0 or 1) and
 * optionally a stratum code (>= 0; e.g. one per first score and segment).
 * The overall difference (followed up - others) is candor_compare's; within
 * strata, the differences of the strata with both groups are weighted by
 * their followed-up rows (include/candor/recovery.hpp). Follow-up is not
 * randomized: every result carries candor_recovery_caveat(). */

/* Results of a recovery comparison. Free with candor_recovery_free.
 * Immutable once made. */
typedef struct candor_recovery candor_recovery;

typedef struct candor_recovery_summary {
  candor_comparison overall; /* a = followed up, b = not followed up */
  int32_t stratified;        /* 1 when strata were given, else 0 (fields below NaN / 0) */
  double stratified_difference;
  double stratified_std_error;
  double stratified_ci_low;
  double stratified_ci_high;
  double stratified_p_value;
  int64_t strata_compared;   /* strata with both groups */
  int64_t strata_dropped;    /* strata with one group only, left out */
  int64_t rows_dropped;      /* their rows */
  int64_t followed_up_compared;
  int64_t not_followed_up_compared;
  double level;
  const char* caveat;        /* static text: follow-up is not randomized */
} candor_recovery_summary;

typedef struct candor_recovery_stratum {
  int32_t stratum;
  int32_t compared;          /* 1: both groups present */
  int64_t followed_up;
  int64_t not_followed_up;
  double weight;             /* in the stratified difference; 0 if not compared */
  candor_comparison comparison; /* NaN difference when not compared */
} candor_recovery_stratum;

/* options: the re-survey metric and interval (candor_score_options); NULL
 * means NPS with the adjusted Wald interval (Rocks 2016). strata may be
 * NULL. Errors: CANDOR_EMPTY (no rows, a group empty, no stratum with both
 * groups), CANDOR_OUT_OF_RANGE naming a bad row. */
CANDOR_API candor_status candor_recovery_new(const candor_score_options* options,
                                             const double* rescores, const int32_t* followed_up,
                                             const int32_t* strata, size_t n,
                                             candor_recovery** out);
CANDOR_API void candor_recovery_free(candor_recovery* recovery);
CANDOR_API candor_status candor_recovery_summary_get(const candor_recovery* recovery,
                                                     candor_recovery_summary* out);
/* Strata in ascending code order; 0 for NULL or without strata. */
CANDOR_API size_t candor_recovery_strata(const candor_recovery* recovery);
CANDOR_API candor_status candor_recovery_stratum_at(const candor_recovery* recovery, size_t i,
                                                    candor_recovery_stratum* out);
/* The caveat every recovery result carries (static, never NULL). */
CANDOR_API const char* candor_recovery_caveat(void);

/* -------------------------------------------------------------- case log */
/* (SLA status of follow-up cases from a log of case events.) Per row: a
 * case code (index into case_names), a time (Unix seconds), an event code
 * (index into event_names, whose names must be "opened", "first_contact",
 * "on_hold", "resumed" or "closed": any other is an unknown event), and
 * optionally owner and team codes (-1: none given on that row). Clocks run
 * in business hours of a candor_business_calendar, holds pausing them;
 * statuses, checks and Wilson intervals: include/candor/case_log.hpp. */

typedef enum candor_sla_status {
  CANDOR_SLA_MET = 0,      /* clock stopped at or under the target */
  CANDOR_SLA_BREACHED = 1, /* clock past the target */
  CANDOR_SLA_AT_RISK = 2,  /* running, at most at_risk_hours left */
  CANDOR_SLA_OPEN = 3      /* running, more time left */
} candor_sla_status;

typedef enum candor_invalid_events {
  CANDOR_INVALID_EVENTS_ERROR = 0,    /* the first problem is an error; default */
  CANDOR_INVALID_EVENTS_DROP_CASE = 1 /* the case is left out and counted */
} candor_invalid_events;

typedef struct candor_case_log_options {
  size_t size;                      /* set by candor_case_log_options_init */
  double first_contact_hours;       /* target in business hours; default 8 */
  double at_risk_hours;             /* default 2 */
  int64_t as_of;                    /* "now" for open cases; 0: the last event; default 0 */
  double level;                     /* of the breach-rate intervals; default 0.95 */
  candor_invalid_events on_invalid; /* default ERROR */
} candor_case_log_options;

CANDOR_API candor_status candor_case_log_options_defaults(candor_case_log_options* options,
                                                          size_t size);
static inline void candor_case_log_options_init(candor_case_log_options* options) {
  candor_case_log_options_defaults(options, sizeof(*options));
}

/* The analysis of a case log. Immutable once made. Free with
 * candor_case_log_free (NULL is fine). */
typedef struct candor_case_log candor_case_log;

/* Breach rate over decided (met or breached) cases, Wilson interval. */
typedef struct candor_breach_rate {
  const char* key; /* owner or team name ("" for none); "all" overall */
  int64_t cases;
  int64_t met;
  int64_t breached;
  int64_t at_risk;
  int64_t open;
  double rate;     /* NaN when no case is decided */
  double ci_low;
  double ci_high;
} candor_breach_rate;

typedef struct candor_case_log_summary {
  size_t cases;          /* analysed (not dropped) */
  int64_t rows;
  int64_t cases_dropped; /* with on_invalid = DROP_CASE */
  int64_t rows_dropped;
  int64_t dropped_unknown_event; /* cases, by their first problem */
  int64_t dropped_duplicate;
  int64_t dropped_missing_opened;
  int64_t dropped_out_of_order;
  int64_t dropped_resumed_without_hold;
  const char* first_problem; /* "" when none */
  int64_t as_of;
  double level;
  candor_breach_rate overall;
  size_t owners; /* rows of candor_case_log_owner_at */
  size_t teams;
} candor_case_log_summary;

/* Per analysed case, in order of first appearance in the log; arrays owned
 * by the handle. first_row: the log row of the case's first event (so
 * case_codes[first_row] is its case); owner_row / team_row: the row its
 * owner / team came from (-1: none). first_contact and closed are 0 when
 * contacted / is_closed is 0; hours_to_first_contact and hours_to_close
 * NaN then. */
typedef struct candor_case_log_columns {
  size_t n;
  const int64_t* first_row;
  const int64_t* owner_row;
  const int64_t* team_row;
  const int64_t* opened;
  const int64_t* first_contact;
  const int64_t* closed;
  const uint8_t* contacted;
  const uint8_t* is_closed;
  const double* clock_hours;
  const double* hours_to_first_contact;
  const double* hours_to_close;
  const double* hours_left;
  const int32_t* status; /* candor_sla_status */
} candor_case_log_columns;

/* owner_codes, team_codes and their names may be NULL. Errors: a code out
 * of range names its row; the checks of include/candor/case_log.hpp. */
CANDOR_API candor_status candor_case_log_new(
    const candor_business_calendar* calendar, const int32_t* case_codes,
    const char* const* case_names, size_t n_cases, const int64_t* times,
    const int32_t* event_codes, const char* const* event_names, size_t n_event_names,
    const int32_t* owner_codes, const char* const* owner_names, size_t n_owners,
    const int32_t* team_codes, const char* const* team_names, size_t n_teams, size_t n,
    const candor_case_log_options* options, candor_case_log** out);
CANDOR_API void candor_case_log_free(candor_case_log* log);
CANDOR_API candor_status candor_case_log_summary_get(const candor_case_log* log,
                                                     candor_case_log_summary* out);
CANDOR_API candor_status candor_case_log_columns_get(const candor_case_log* log,
                                                     candor_case_log_columns* out);
/* Breach rates by owner / team, sorted by name. */
CANDOR_API candor_status candor_case_log_owner_at(const candor_case_log* log, size_t i,
                                                  candor_breach_rate* out);
CANDOR_API candor_status candor_case_log_team_at(const candor_case_log* log, size_t i,
                                                 candor_breach_rate* out);

/* ------------------------------------- enums named by candor_enum_name */
/* Codes the ABI passes as integers, declared here so that every value has a
 * name (CANDOR_ENUM_CASE_EVENT, ...) and a constant. */

/* The events of a case log (the event names candor_case_log_new reads). */
typedef enum candor_case_event {
  CANDOR_CASE_OPENED = 0,
  CANDOR_CASE_FIRST_CONTACT = 1,
  CANDOR_CASE_ON_HOLD = 2,
  CANDOR_CASE_RESUMED = 3,
  CANDOR_CASE_CLOSED = 4
} candor_case_event;

/* Why a case of a case log is invalid (candor_case_log_summary.dropped_*). */
typedef enum candor_case_log_problem {
  CANDOR_CASE_LOG_UNKNOWN_EVENT = 0,
  CANDOR_CASE_LOG_DUPLICATE = 1,
  CANDOR_CASE_LOG_MISSING_OPENED = 2,
  CANDOR_CASE_LOG_OUT_OF_ORDER = 3,
  CANDOR_CASE_LOG_RESUMED_WITHOUT_HOLD = 4
} candor_case_log_problem;

/* The category of a follow-up case (candor_followup_category_name). */
typedef enum candor_followup_category {
  CANDOR_FOLLOWUP_FIRE_ALARM = 0,
  CANDOR_FOLLOWUP_DETRACTOR = 1,
  CANDOR_FOLLOWUP_PASSIVE = 2,
  CANDOR_FOLLOWUP_PROMOTER = 3
} candor_followup_category;

/* The reasons of a follow-up priority (candor_followup_columns.reason;
 * candor_followup_reason_name). */
typedef enum candor_followup_reason {
  CANDOR_FOLLOWUP_REASON_DETRACTOR = 0,
  CANDOR_FOLLOWUP_REASON_PASSIVE = 1,
  CANDOR_FOLLOWUP_REASON_VERY_LOW_SCORE = 2,
  CANDOR_FOLLOWUP_REASON_URGENCY_SAFETY = 3,
  CANDOR_FOLLOWUP_REASON_URGENCY_LEGAL = 4,
  CANDOR_FOLLOWUP_REASON_URGENCY_CHURN = 5,
  CANDOR_FOLLOWUP_REASON_URGENCY_REFUND = 6,
  CANDOR_FOLLOWUP_REASON_URGENCY_UNRESOLVED = 7,
  CANDOR_FOLLOWUP_REASON_ARR = 8,
  CANDOR_FOLLOWUP_REASON_RENEWAL = 9,
  CANDOR_FOLLOWUP_REASON_HEALTH_DECLINE = 10,
  CANDOR_FOLLOWUP_REASON_REPEAT_DETRACTOR = 11,
  CANDOR_FOLLOWUP_REASON_STRATEGIC_ROLE = 12,
  CANDOR_FOLLOWUP_REASON_POOR_HEALTH_GRADE = 13
} candor_followup_reason;

/* ------------------------------------------------ trend: change monitor */
/* (The online change monitor: a two-sided CUSUM updated one bucket at a
 * time, at a stated false-alarm rate per bucket.) Given the history of a
 * metric (its mean and standard deviation are the in-control level) and
 * each new bucket of responses (a day, an hour, any batch, one response),
 * whether the data so far shows a change. alpha is the false-alarm
 * probability per bucket on average (the in-control average run length is
 * 1 / alpha buckets; a daily monitor should use a small alpha such as
 * 0.001); the threshold comes from Siegmund's approximation of a Gaussian
 * CUSUM's run length for buckets of the typical size. Formulas and their
 * accuracy: include/candor/trend_monitor.hpp. */

typedef enum candor_change_direction {
  CANDOR_CHANGE_DIRECTION_NONE = 0, /* no alarm */
  CANDOR_CHANGE_DIRECTION_UP = 1,
  CANDOR_CHANGE_DIRECTION_DOWN = 2
} candor_change_direction;

typedef struct candor_change_monitor_options {
  size_t size;         /* set by candor_change_monitor_options_init */
  double alpha;        /* false-alarm probability per bucket, in (0, 1);
                          default 0.01 (one per 100 buckets on average) */
  double shift;        /* the shift to detect fastest, in the metric's
                          reported units (NPS points), finite and >= 0; NaN
                          (the default): one standard error of a typical
                          bucket */
  int64_t bucket_size; /* responses in a typical bucket, >= 0; 0 (the
                          default): the median of the history's buckets,
                          or 1 without them */
} candor_change_monitor_options;

/* Fills the first `size` bytes of *options with the defaults; call through
 * candor_change_monitor_options_init. */
CANDOR_API candor_status candor_change_monitor_options_defaults(
    candor_change_monitor_options* options, size_t size);
static inline void candor_change_monitor_options_init(candor_change_monitor_options* options) {
  candor_change_monitor_options_defaults(options, sizeof(*options));
}

/* The monitor. Thread-safety: candor_change_monitor_update and _reset
 * change it: one thread at a time per monitor (the accessors may run
 * concurrently with each other). Free with candor_change_monitor_free. */
typedef struct candor_change_monitor candor_change_monitor;

/* The state after a bucket. upper, lower and threshold are in standard
 * errors of a typical bucket. On an alarm the change's estimated first
 * bucket, the responses since then and the shift since then (reported
 * units) with its interval at score_options' level: conditional on the
 * alarm, so biased away from 0. Without an alarm change_start is -1 and
 * the shift fields NaN. The monitor does not reset itself after an alarm. */
typedef struct candor_change_monitor_state {
  int64_t bucket;        /* index of this bucket (0-based, since creation) */
  int64_t n;             /* responses in it */
  double level;          /* the metric on it (NaN when empty) */
  double upper;          /* the upper CUSUM */
  double lower;          /* the lower CUSUM */
  double threshold;      /* an alarm when upper or lower exceeds it */
  int32_t alarm;         /* 1 on an alarm, else 0 */
  candor_change_direction direction;
  int64_t change_start;
  int64_t change_n;
  double shift;
  double shift_low;
  double shift_high;
  int64_t buckets_since_reset; /* including this one */
} candor_change_monitor_state;

/* What the monitor was made with. */
typedef struct candor_change_monitor_info {
  double threshold;      /* h, in standard errors of a typical bucket */
  double reference;      /* k, in the same units */
  double arl0;           /* the two-sided in-control ARL (buckets) that
                            Siegmund's approximation gives for h */
  double baseline_mean;  /* the history's level (reported units) */
  double baseline_sd;    /* the standard deviation of one response's value
                            (reported units) */
  int64_t bucket_size;   /* the typical bucket */
  int64_t history_n;     /* responses in the history */
  int64_t buckets;       /* buckets added so far */
} candor_change_monitor_info;

/* history: the n responses before monitoring starts (integers on the scale
 * of score_options' metric; at least 30, not all of one value, else
 * CANDOR_EMPTY / CANDOR_INVALID_ARGUMENT). bucket_sizes: NULL, or the
 * history's bucket_count buckets (each >= 0, adding up to n, else
 * CANDOR_INVALID_ARGUMENT / CANDOR_LENGTH_MISMATCH), for the typical bucket
 * size. score_options (NULL: NPS on 0..10, level 0.95) gives the metric and
 * the level of the shift interval; options may be NULL (defaults). A bad score is
 * CANDOR_OUT_OF_RANGE naming its index. Inputs are read during the call. */
CANDOR_API candor_status candor_change_monitor_new(const candor_score_options* score_options,
                                                   const candor_change_monitor_options* options,
                                                   const double* history, size_t n,
                                                   const int64_t* bucket_sizes,
                                                   size_t bucket_count,
                                                   candor_change_monitor** out);
/* Adds one bucket of n responses (n may be 0: an empty bucket) and writes
 * the state after it. A bucket with a bad score (CANDOR_OUT_OF_RANGE
 * naming its index) changes nothing. */
CANDOR_API candor_status candor_change_monitor_update(candor_change_monitor* monitor,
                                                      const double* scores, size_t n,
                                                      candor_change_monitor_state* out);
/* Both CUSUMs back to 0 (after acting on an alarm); bucket indices go on. */
CANDOR_API candor_status candor_change_monitor_reset(candor_change_monitor* monitor);
CANDOR_API candor_status candor_change_monitor_info_get(const candor_change_monitor* monitor,
                                                        candor_change_monitor_info* out);
CANDOR_API void candor_change_monitor_free(candor_change_monitor* monitor);

/* ----------------------------------------------------------------- report */
/* (The whole story of one survey: include/candor/report.hpp.) The report of
 * a table: the headline NPS with its interval, the trend, segments with
 * adjusted comparisons, what customers say, accounts at risk and what to do
 * next, each section present or absent with the reason; rendered as terminal
 * text, JSON (docs/report-schema.md) or one self-contained HTML page. The
 * sections use what the table holds (its time, account, comment, weight and
 * segment columns); ARR, churn outcome and invited counts come from its
 * number columns (candor_csv_options.number_columns) named below.
 * Thread-safety: a report is immutable once built; it may be rendered from
 * several threads. */

typedef struct candor_report candor_report;

typedef enum candor_report_format {
  CANDOR_REPORT_FORMAT_TEXT = 0,
  CANDOR_REPORT_FORMAT_JSON = 1,
  CANDOR_REPORT_FORMAT_HTML = 2
} candor_report_format;

/* Told after each section with done of total sections, and with the same
 * done again between chunks of a long section (the comments' analysis, per
 * 65,536 comments); return nonzero to go on, 0 to stop (the call then returns
 * CANDOR_CANCELLED). It runs on the calling thread. The same type as
 * candor_progress (kept by this name for callers of 0.6). */
typedef candor_progress candor_report_progress;

typedef struct candor_report_options {
  size_t size;                 /* set by candor_report_options_init */
  double level;                /* of every interval, in (0, 1); default 0.95 */
  const char* time_zone;       /* IANA name of the trend's calendar; default "UTC" */
  const char* period;          /* trend bucket: "day", "week", "month" (default),
                                  "quarter" */
  int32_t max_themes;          /* default 8 */
  int32_t quotes_per_theme;    /* default 3 */
  int32_t max_accounts;        /* default 10 */
  int32_t max_alarms;          /* default 10 */
  uint64_t seed;               /* of every simulation and bootstrap; default 42 */
  const char* source;          /* the file name shown; NULL: none */
  int32_t bundled_sample;      /* 1: the source is candor's synthetic sample */
  /* Column names. arr_column, outcome_column and invited_column name number
   * columns of the table (NULL: not given; a name the table lacks is
   * CANDOR_NOT_FOUND). The others are only shown ("used column 'x' for
   * time"); NULL shows the role's name when the table has that column. */
  const char* score_column;
  const char* comment_column;
  const char* time_column;
  const char* weight_column;
  const char* arr_column;      /* >= 0, per response's account */
  const char* outcome_column;  /* 1 churned, 0 retained, per response's account */
  const char* invited_column;  /* > 0, responses asked for in the row's segment */
  candor_report_progress progress; /* NULL: none */
  void* progress_user_data;
} candor_report_options;

CANDOR_API candor_status candor_report_options_defaults(candor_report_options* options,
                                                        size_t size);
static inline void candor_report_options_init(candor_report_options* options) {
  candor_report_options_defaults(options, sizeof(*options));
}

/* The report of `table` (options NULL: defaults). A table without rows, a bad
 * option or a bad ARR/outcome/invited value is an error naming it; a section
 * that cannot be estimated is absent, never an error. */
CANDOR_API candor_status candor_report_build(const candor_table* table,
                                             const candor_report_options* options,
                                             candor_report** out);
/* The report rendered in `format`: UTF-8 text of *length bytes (NUL-
 * terminated), owned by the report and valid until it is freed. */
CANDOR_API candor_status candor_report_render(const candor_report* report,
                                              candor_report_format format, const char** text,
                                              size_t* length);
CANDOR_API void candor_report_free(candor_report* report);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CANDOR_H_ */
