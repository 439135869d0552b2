// Every option struct of the C ABI with odd `size` values. A caller's struct
// is exactly as long as its `size` says (an older, shorter layout; a newer,
// longer one; or a size that ends inside a field), so ASan sees any read past
// it. Its fields hold what a caller may pass: valid pointers (strings, arrays
// of the length the struct states) and raw bytes from the input for every
// other field. The call that reads the struct must return a status and never
// crash; what it returns as CANDOR_OK must keep its promises. The
// candor_xxx_options_defaults functions get buffers of exactly `size` bytes.
//
// Input: which struct, the size (see ChooseSize), the field values, then
// strings the pointer fields may point to.
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckComparison;
using candor_fuzz::CheckEstimate;
using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

// A `size`: usually within the struct and a little past it (every field
// boundary and every cut), sometimes exactly the struct, sometimes raw.
size_t ChooseSize(FuzzInput& in, size_t struct_size) {
  const uint8_t b = in.Byte();
  if (b < 0xd0) return b % (struct_size + 17);
  if (b < 0xf0) return struct_size;
  return in.Raw<size_t>();
}

// The caller's struct: `filled` (a full struct) cut or extended to `size`
// bytes, in a heap block of exactly that many bytes (at least the size field).
template <typename Options>
class CallerStruct {
 public:
  CallerStruct(const Options& filled, size_t size, FuzzInput& in) {
    bytes_ = size < sizeof(size_t) ? sizeof(size_t) : size;
    if (bytes_ > sizeof(Options) + 64) bytes_ = sizeof(Options) + 64;  // reads stop at sizeof
    block_.reset(new unsigned char[bytes_]);
    std::memcpy(block_.get(), &filled, bytes_ < sizeof(Options) ? bytes_ : sizeof(Options));
    for (size_t i = sizeof(Options); i < bytes_; ++i) block_[i] = in.Byte();  // newer fields
    std::memcpy(block_.get(), &size, sizeof(size_t));
  }
  const Options* get() const { return reinterpret_cast<const Options*>(block_.get()); }

 private:
  size_t bytes_;
  std::unique_ptr<unsigned char[]> block_;
};

// candor_xxx_options_defaults(buffer, size) into a buffer of exactly `size`
// bytes: it must not write past it, and must set size to what it filled.
template <typename Options>
void CheckDefaults(candor_status (*defaults)(Options*, size_t), size_t size, const char* where) {
  const size_t bytes = size > sizeof(Options) + 64 ? sizeof(Options) + 64 : size;
  std::unique_ptr<unsigned char[]> block(new unsigned char[bytes == 0 ? 1 : bytes]);
  const candor_status s = defaults(reinterpret_cast<Options*>(block.get()), size);
  CheckStatus(s, where);
  if (s == CANDOR_OK) {
    size_t written = 0;
    std::memcpy(&written, block.get(), sizeof(size_t));
    CANDOR_FUZZ_CHECK(written == (size < sizeof(Options) ? size : sizeof(Options)), where);
  }
}

const char* const kZones[] = {"UTC", "Europe/London", "America/New_York", "Asia/Kolkata"};
const char* const kLanguages[] = {"en", "de", "fr", "es", "pt"};

// A small, fixed data set every call below shares: 60 responses of two
// accounts over 60 days, a comment each.
struct Data {
  std::vector<double> scores;
  std::vector<double> weights;
  std::vector<int64_t> times;
  std::vector<int32_t> accounts;
  std::vector<int32_t> periods;
  Data() {
    for (int i = 0; i < 60; ++i) {
      scores.push_back((i * 7) % 11);
      weights.push_back(0.5 + (i % 4) * 0.25);
      times.push_back(1700000000 + int64_t{86400} * i + (i % 5) * 3600);
      accounts.push_back(i % 2);
      periods.push_back(i < 30 ? 0 : 1);
    }
  }
};
const Data& Shared() {
  static const Data* const data = new Data;
  return *data;
}

candor_score_options DefaultScoreOptions() {
  candor_score_options o;
  candor_score_options_init(&o);
  o.threads = 1;
  return o;
}

// A thread count a caller may ask for, within reason for one fuzzing core.
int32_t Threads(FuzzInput& in) {
  static const int32_t kThreads[] = {0, 1, 2, -1, 1, 1};
  return in.Pick(kThreads);
}

void Score(FuzzInput& in) {
  candor_score_options o = in.Raw<candor_score_options>();
  if (o.replicates > 200) o.replicates = 200;
  o.threads = Threads(in);
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults<candor_score_options>(
      [](candor_score_options* p, size_t s) {
        return candor_score_options_preset(p, s, CANDOR_PRESET_CSAT);
      },
      size, "candor_score_options_preset");
  CallerStruct<candor_score_options> caller(o, size, in);
  const Data& d = Shared();
  candor_estimate e;
  const candor_status s = candor_score(caller.get(), d.scores.data(), nullptr, 12, &e);
  CheckStatus(s, "candor_score with odd options");
  if (s == CANDOR_OK) CheckEstimate(e, "candor_score with odd options");
  candor_comparison c;
  const candor_status cs = candor_compare(caller.get(), d.scores.data(), d.weights.data(), 30,
                                          d.scores.data() + 30, nullptr, 30, &c);
  CheckStatus(cs, "candor_compare with odd options");
  if (cs == CANDOR_OK) CheckComparison(c, "candor_compare with odd options");
}

void Csv(FuzzInput& in) {
  static const char kCsv[] =
      "score,time,account,role,weight,comment,region,plan\n"
      "9,2024-01-01T10:00:00Z,acme,user,1.5,great service,EU,pro\n"
      "3,1704103200,globex,admin,0.5,\"slow, and \"\"rude\"\"\",NA,free\n"
      "7,2024-01-03,acme,user,1,,EU,free\n";
  static const char* const kNames[] = {"score",   "time",   "account", "role",    "weight",
                                       "comment", "region", "plan",    "missing", ""};
  auto name = [&in]() -> const char* {
    const uint8_t b = in.Byte();
    return b < 0x40 ? nullptr : kNames[b % (sizeof(kNames) / sizeof(kNames[0]))];
  };
  candor_csv_options o;
  candor_csv_options_init(&o);
  o.score_column = name();
  o.time_column = name();
  o.account_column = name();
  o.role_column = name();
  o.weight_column = name();
  o.comment_column = name();
  // The segment names live in a heap array of exactly n entries.
  const size_t segments = in.Below(4);
  std::unique_ptr<const char*[]> names(new const char*[segments == 0 ? 1 : segments]);
  for (size_t j = 0; j < segments; ++j) names[j] = kNames[6 + j % 2];
  const bool null_segments = in.Byte() & 1;
  o.segment_columns = segments == 0 && null_segments ? nullptr : names.get();
  o.n_segment_columns = segments;
  o.delimiter = (in.Byte() & 7) == 0 ? static_cast<char>(in.Byte()) : ',';
  o.skip_bad_rows = in.Raw<int32_t>();
  // Number columns (weight and score are numbers, region is not): a heap
  // array of exactly n entries too.
  const size_t numbers = in.Below(3);
  std::unique_ptr<const char*[]> number_names(new const char*[numbers == 0 ? 1 : numbers]);
  for (size_t j = 0; j < numbers; ++j) number_names[j] = kNames[(in.Byte() & 1) ? 4 : 6];
  o.number_columns = numbers == 0 && (in.Byte() & 1) ? nullptr : number_names.get();
  o.n_number_columns = numbers;
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_csv_options_defaults, size, "candor_csv_options_defaults");
  CallerStruct<candor_csv_options> caller(o, size, in);
  candor_table* table = nullptr;
  const candor_status s = candor_table_parse_csv(kCsv, sizeof(kCsv) - 1, caller.get(), &table);
  CheckStatus(s, "candor_table_parse_csv with odd options");
  candor_table_free(table);
}

void Design(FuzzInput& in) {
  const Data& d = Shared();
  // A calibration handle, made once: rake the 60 responses to account totals.
  static candor_weights* const kCalibration = [] {
    const double population[2] = {100, 50};
    candor_margin margin = {"account", Shared().accounts.data(), population, 2};
    candor_weights* w = nullptr;
    candor_rake(nullptr, 60, &margin, 1, 0, 0, &w);
    return w;
  }();
  candor_design o;
  candor_design_init(&o);
  const uint8_t b = in.Byte();
  o.weights = (b & 1) ? d.weights.data() : nullptr;
  o.clusters = (b & 2) ? d.accounts.data() : nullptr;
  o.calibration = (b & 4) ? kCalibration : nullptr;
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_design_defaults, size, "candor_design_defaults");
  CallerStruct<candor_design> caller(o, size, in);
  const candor_score_options score_options = DefaultScoreOptions();
  candor_estimate e;
  const candor_status s =
      candor_score_design(&score_options, d.scores.data(), 60, caller.get(), &e);
  CheckStatus(s, "candor_score_design with odd design");
  if (s == CANDOR_OK) CheckEstimate(e, "candor_score_design with odd design");
}

void MannKendall(FuzzInput& in) {
  candor_mk_options o;
  candor_mk_options_init(&o);
  candor_fuzz::SetRawEnum(&o.method, static_cast<int>(in.Raw<int32_t>()));
  o.alpha = candor_fuzz::InterestingDouble(in);
  o.max_lag = in.Raw<size_t>();
  o.period = (in.Byte() & 1) ? in.Raw<size_t>() : in.Byte();
  o.hamed_rao_signed_sum = in.Raw<int32_t>();
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_mk_options_defaults, size, "candor_mk_options_defaults");
  CallerStruct<candor_mk_options> caller(o, size, in);
  candor_mk_result result;
  const candor_status s = candor_mann_kendall(Shared().scores.data(), 60, caller.get(), &result);
  CheckStatus(s, "candor_mann_kendall with odd options");
  if (s == CANDOR_OK) {
    CANDOR_FUZZ_CHECK(result.p_value >= 0 && result.p_value <= 1, "Mann-Kendall p-value");
  }
}

void Buckets(FuzzInput& in) {
  candor_buckets_options o;
  candor_buckets_options_init(&o);
  candor_fuzz::SetRawEnum(&o.every, static_cast<int>(in.Raw<int32_t>()));
  o.time_zone = (in.Byte() & 3) == 0 ? nullptr : in.Pick(kZones);
  o.window_days = in.Raw<int32_t>();
  o.half_life_days = candor_fuzz::InterestingDouble(in);
  o.power = candor_fuzz::InterestingDouble(in);
  o.control_k = candor_fuzz::InterestingDouble(in);
  o.control_level = candor_fuzz::InterestingDouble(in);
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_buckets_options_defaults, size, "candor_buckets_options_defaults");
  CallerStruct<candor_buckets_options> caller(o, size, in);
  const Data& d = Shared();
  const candor_score_options score_options = DefaultScoreOptions();
  candor_buckets* buckets = nullptr;
  const candor_status s =
      candor_buckets_new(&score_options, caller.get(), d.scores.data(), d.times.data(), 60, nullptr,
                         nullptr, nullptr, &buckets);
  CheckStatus(s, "candor_buckets_new with odd options");
  candor_buckets_free(buckets);
}

void ChangePoints(FuzzInput& in) {
  candor_change_point_options o;
  candor_change_point_options_init(&o);
  candor_fuzz::SetRawEnum(&o.penalty, static_cast<int>(in.Raw<int32_t>()));
  o.penalty_value = candor_fuzz::InterestingDouble(in);
  o.min_size = (in.Byte() & 1) ? in.Raw<int64_t>() : in.Byte();
  o.max_grid_points = (in.Byte() & 1) ? in.Raw<int64_t>() : in.Byte();
  o.alpha = candor_fuzz::InterestingDouble(in);
  // Replicates up to a few thousand (a million on 60 responses is slow, not
  // wrong), or raw: negative and huge counts must be refused.
  o.replicates = (in.Byte() & 1) ? in.Raw<int64_t>() : int64_t{in.Byte()} * 16;
  if (o.replicates > 5000) o.replicates = in.Byte() & 1 ? 2000000 : 5000;
  o.seed = in.Raw<uint64_t>();
  o.threads = static_cast<int32_t>(in.Byte() % 4) - 1;
  int64_t boundaries[8];
  const size_t boundary_count = in.Byte() % 9;
  for (size_t j = 0; j < boundary_count; ++j) boundaries[j] = static_cast<int8_t>(in.Byte());
  o.boundaries = (in.Byte() & 7) == 0 ? nullptr : boundaries;
  o.boundary_count = boundary_count;
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_change_point_options_defaults, size, "candor_change_point_options_defaults");
  CallerStruct<candor_change_point_options> caller(o, size, in);
  const Data& d = Shared();
  const candor_score_options score_options = DefaultScoreOptions();
  candor_change_points* result = nullptr;
  const int call = in.Byte() % 3;
  candor_status s;
  if (call == 0) {
    s = candor_change_points_new(&score_options, caller.get(), d.scores.data(), d.times.data(),
                                 nullptr, 60, &result);
  } else {  // weighted, or clustered by account (the calibrated scan only)
    candor_design design;
    candor_design_init(&design);
    design.weights = d.weights.data();
    if (call == 2) design.clusters = d.accounts.data();
    s = candor_change_points_design_new(&score_options, caller.get(), d.scores.data(),
                                        d.times.data(), 60, &design, &result);
  }
  CheckStatus(s, "candor_change_points_new with odd options");
  for (size_t i = 0; s == CANDOR_OK && i < candor_change_points_count(result); ++i) {
    candor_change_test test;
    CANDOR_FUZZ_CHECK(candor_change_points_test_at(result, i, &test) == CANDOR_OK, "test_at");
    CANDOR_FUZZ_CHECK(test.index_low <= test.index_high, "a location interval is ordered");
    CANDOR_FUZZ_CHECK(std::isnan(test.p_value) || (test.p_value > 0 && test.p_value <= 1),
                      "a change's p-value is a probability");
  }
  for (size_t i = 0; s == CANDOR_OK && i < candor_change_points_segment_count(result); ++i) {
    candor_change_segment segment;
    CANDOR_FUZZ_CHECK(candor_change_points_segment_at(result, i, &segment) == CANDOR_OK,
                      "segment_at");
    CheckEstimate(segment.level, "a change-point segment's level");
  }
  candor_change_points_free(result);
}

void AccountTrends(FuzzInput& in) {
  candor_account_trend_options o;
  candor_account_trend_options_init(&o);
  o.min_responses = (in.Byte() & 1) ? in.Raw<int64_t>() : in.Byte();
  o.slope_unit_days = candor_fuzz::InterestingDouble(in);
  candor_fuzz::SetRawEnum(&o.split, static_cast<int>(in.Raw<int32_t>()));
  o.split_time = in.Raw<int64_t>();
  o.recent_days = candor_fuzz::InterestingDouble(in);
  candor_fuzz::SetRawEnum(&o.covariance, static_cast<int>(in.Raw<int32_t>()));
  candor_fuzz::SetRawEnum(&o.p_adjust, static_cast<int>(in.Raw<int32_t>()));
  o.alpha = candor_fuzz::InterestingDouble(in);
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_account_trend_options_defaults, size,
                "candor_account_trend_options_defaults");
  CallerStruct<candor_account_trend_options> caller(o, size, in);
  const Data& d = Shared();
  const candor_score_options score_options = DefaultScoreOptions();
  candor_account_trends* trends = nullptr;
  const candor_status s =
      candor_account_trends_new(&score_options, caller.get(), d.scores.data(), d.times.data(),
                                d.accounts.data(), nullptr, 60, &trends);
  CheckStatus(s, "candor_account_trends_new with odd options");
  for (size_t i = 0; s == CANDOR_OK && i < candor_account_trends_rows(trends); ++i) {
    candor_account_trend_row row;
    CANDOR_FUZZ_CHECK(candor_account_trends_row_at(trends, i, &row) == CANDOR_OK, "row_at");
    CheckEstimate(row.level, "an account's level");
  }
  candor_account_trends_free(trends);
}

void Text(FuzzInput& in) {
  candor_text_options o;
  candor_text_options_init(&o);
  candor_fuzz::SetRawEnum(&o.invalid_utf8, static_cast<int>(in.Raw<int32_t>()));
  o.language = (in.Byte() & 1) ? nullptr : in.Pick(kLanguages);
  o.fallback_language = (in.Byte() & 1) ? nullptr : in.Pick(kLanguages);
  o.threads = Threads(in);
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_text_options_defaults, size, "candor_text_options_defaults");
  CallerStruct<candor_text_options> caller(o, size, in);
  candor_text_model* model = nullptr;
  const candor_status s = candor_text_model_new(caller.get(), &model);
  CheckStatus(s, "candor_text_model_new with odd options");
  if (s == CANDOR_OK) {
    const char* text = "Support never answered and I want a refund \xff.";
    const size_t length = std::strlen(text);
    candor_text_results* results = nullptr;
    CheckStatus(candor_text_analyze(model, &text, &length, 1, &results), "candor_text_analyze");
    candor_text_results_free(results);
  }
  candor_text_model_free(model);
}

void Themes(FuzzInput& in) {
  static const char* const kTexts[] = {
      "slow delivery and late package",    "late package again, slow delivery",
      "great price and good value",        "good value for the price",
      "support was rude and unhelpful",    "rude support agent, unhelpful",
      "delivery was slow but price great", "refund took weeks, support rude"};
  candor_themes_options o;
  candor_themes_options_init(&o);
  o.k = in.Raw<int32_t>();
  o.k_min = in.Raw<int32_t>();
  o.k_max = in.Raw<int32_t>();
  o.top_terms = in.Raw<int32_t>();
  o.label_phrases = in.Raw<int32_t>();
  o.stems = in.Raw<int32_t>();
  o.min_word_length = in.Raw<int32_t>();
  o.min_df = in.Raw<int64_t>();
  o.max_df = candor_fuzz::InterestingDouble(in);
  o.bigrams = in.Raw<int32_t>();
  o.bigram_min_count = in.Raw<int64_t>();
  o.bigram_min_npmi = candor_fuzz::InterestingDouble(in);
  o.sublinear_tf = in.Raw<int32_t>();
  candor_fuzz::SetRawEnum(&o.init, static_cast<int>(in.Raw<int32_t>()));
  candor_fuzz::SetRawEnum(&o.svd, static_cast<int>(in.Raw<int32_t>()));
  o.max_iter = in.Raw<int32_t>() % 100;  // a long fit is slow, not wrong
  o.tol = candor_fuzz::InterestingDouble(in);
  o.seed = in.Raw<uint64_t>();
  o.threads = Threads(in);
  o.repair_utf8 = in.Raw<int32_t>();
  o.language = (in.Byte() & 1) ? nullptr : in.Pick(kLanguages);
  o.extra_stop_words = (in.Byte() & 1) ? nullptr : "price value";
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_themes_options_defaults, size, "candor_themes_options_defaults");
  CallerStruct<candor_themes_options> caller(o, size, in);
  candor_themes* themes = nullptr;
  const candor_status s = candor_themes_discover(caller.get(), kTexts, nullptr, 8, &themes);
  CheckStatus(s, "candor_themes_discover with odd options");
  candor_themes_free(themes);

  // NMF of a 3 x 3 CSR matrix with the same options.
  const int64_t row_ptr[4] = {0, 2, 3, 5};
  const int32_t cols[5] = {0, 1, 2, 0, 2};
  const double values[5] = {1, 2, 1, 3, 0.5};
  double w[3 * 2];
  double h[2 * 3];
  double loss = 0;
  int32_t iterations = 0;
  const candor_status f =
      candor_nmf(caller.get(), row_ptr, cols, values, 3, 3, 2, w, h, &loss, &iterations);
  CheckStatus(f, "candor_nmf with odd options");
  if (f == CANDOR_OK) CANDOR_FUZZ_CHECK(std::isfinite(loss) && loss >= 0, "NMF loss");
}

void Drivers(FuzzInput& in) {
  candor_drivers_options o;
  candor_drivers_options_init(&o);
  o.l2_penalty = candor_fuzz::InterestingDouble(in);
  o.fit_key_drivers = in.Raw<int32_t>();
  o.max_iterations = in.Raw<int32_t>() % 200;  // a long fit is slow, not wrong
  o.tolerance = candor_fuzz::InterestingDouble(in);
  o.earlier_period = in.Raw<int32_t>();
  o.later_period = in.Raw<int32_t>();
  candor_fuzz::SetRawEnum(&o.p_adjust, static_cast<int>(in.Raw<int32_t>()));
  o.alpha = candor_fuzz::InterestingDouble(in);
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_drivers_options_defaults, size, "candor_drivers_options_defaults");
  CallerStruct<candor_drivers_options> caller(o, size, in);
  // Three themes: comment i mentions theme i % 3, and theme 2 also when i % 4 == 0.
  std::vector<int64_t> offsets = {0};
  std::vector<int32_t> ids;
  for (int i = 0; i < 60; ++i) {
    ids.push_back(i % 3);
    if (i % 4 == 0) ids.push_back(2);
    offsets.push_back(static_cast<int64_t>(ids.size()));
  }
  candor_theme_mentions mentions = {3, nullptr, offsets.data(), ids.data(), nullptr, nullptr, 0};
  const Data& d = Shared();
  const candor_score_options score_options = DefaultScoreOptions();
  candor_drivers* drivers = nullptr;
  const candor_status s = candor_drivers_new(&score_options, caller.get(), d.scores.data(), nullptr,
                                             nullptr, d.periods.data(), 60, &mentions, &drivers);
  CheckStatus(s, "candor_drivers_new with odd options");
  candor_drivers_free(drivers);
}

// Survival on 60 rows: times, events and risks from the shared data, two
// groups (the accounts).
void Survival(FuzzInput& in) {
  const Data& d = Shared();
  std::vector<double> time(60), event(60);
  for (int i = 0; i < 60; ++i) {
    time[i] = static_cast<double>(i % 17);
    event[i] = (i % 3 == 0) ? 1 : 0;
  }
  if (in.Byte() & 1) {
    candor_concordance_options o;
    candor_concordance_options_init(&o);
    candor_fuzz::SetRawEnum(&o.time_weight, static_cast<int>(in.Raw<int32_t>()));
    const size_t size = ChooseSize(in, sizeof(o));
    CheckDefaults(candor_concordance_options_defaults, size, "candor_concordance_options_defaults");
    CallerStruct<candor_concordance_options> caller(o, size, in);
    candor_concordance_result c;
    const candor_status s = candor_concordance(d.scores.data(), time.data(), event.data(),
                                               d.weights.data(), 60, caller.get(), &c);
    CheckStatus(s, "candor_concordance with odd options");
    if (s == CANDOR_OK) {
      CANDOR_FUZZ_CHECK(c.value >= 0 && c.value <= 1 && c.std_error > 0, "concordance");
    }
    return;
  }
  candor_kaplan_meier_options o;
  candor_kaplan_meier_options_init(&o);
  o.level = candor_fuzz::InterestingDouble(in);
  candor_fuzz::SetRawEnum(&o.interval, static_cast<int>(in.Raw<int32_t>()));
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_kaplan_meier_options_defaults, size, "candor_kaplan_meier_options_defaults");
  CallerStruct<candor_kaplan_meier_options> caller(o, size, in);
  candor_kaplan_meier* km = nullptr;
  const candor_status s = candor_kaplan_meier_new(time.data(), event.data(), d.accounts.data(),
                                                  nullptr, 60, caller.get(), &km);
  CheckStatus(s, "candor_kaplan_meier_new with odd options");
  if (s == CANDOR_OK) {
    CANDOR_FUZZ_CHECK(candor_kaplan_meier_curves(km) == 2, "two groups, two curves");
    candor_km_curve curve;
    CANDOR_FUZZ_CHECK(candor_kaplan_meier_curve_at(km, 0, &curve) == CANDOR_OK, "curve_at");
    CANDOR_FUZZ_CHECK(curve.level > 0 && curve.level < 1, "a level in (0, 1)");
  }
  candor_kaplan_meier_free(km);
}

}  // namespace

// The change monitor: odd options and sizes, odd bucket sizes of the
// history, and buckets of odd scores; a state's statistics are never
// negative and an alarm has a direction.
void ChangeMonitor(FuzzInput& in) {
  candor_change_monitor_options o;
  candor_change_monitor_options_init(&o);
  o.alpha = candor_fuzz::InterestingDouble(in);
  o.shift = candor_fuzz::InterestingDouble(in);
  o.bucket_size = (in.Byte() & 1) ? in.Raw<int64_t>() : in.Byte();
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_change_monitor_options_defaults, size,
                "candor_change_monitor_options_defaults");
  CallerStruct<candor_change_monitor_options> caller(o, size, in);
  const Data& d = Shared();
  const candor_score_options score_options = DefaultScoreOptions();
  int64_t sizes[6];
  const size_t bucket_count = in.Byte() % 7;
  for (size_t j = 0; j < bucket_count; ++j) sizes[j] = static_cast<int8_t>(in.Byte());
  candor_change_monitor* monitor = nullptr;
  const candor_status s =
      candor_change_monitor_new(&score_options, caller.get(), d.scores.data(), 60,
                                bucket_count > 0 ? sizes : nullptr, bucket_count, &monitor);
  CheckStatus(s, "candor_change_monitor_new with odd options");
  for (int t = 0; s == CANDOR_OK && t < 8 && in.remaining() > 0; ++t) {
    double bucket[8];
    const size_t n = in.Byte() % 9;
    for (size_t j = 0; j < n; ++j) {
      bucket[j] = (in.Byte() & 3) == 0 ? candor_fuzz::InterestingDouble(in) : in.Byte() % 11;
    }
    candor_change_monitor_state state;
    const candor_status u = candor_change_monitor_update(monitor, bucket, n, &state);
    CheckStatus(u, "candor_change_monitor_update with odd scores");
    if (u == CANDOR_OK) {
      CANDOR_FUZZ_CHECK(state.upper >= 0 && state.lower >= 0, "CUSUMs are never negative");
      CANDOR_FUZZ_CHECK(!state.alarm || state.direction != CANDOR_CHANGE_DIRECTION_NONE,
                        "an alarm has a direction");
    }
    if ((in.Byte() & 7) == 0) candor_change_monitor_reset(monitor);
  }
  candor_change_monitor_free(monitor);
}

// The report: odd options and sizes over a small table with a number
// column; what is built renders in every format.
void Report(FuzzInput& in) {
  static const char kCsv[] =
      "score,time,account,region,arr,comment\n"
      "9,2024-01-01,acme,EU,1200,great\n"
      "3,2024-02-03,globex,NA,,slow\n"
      "7,2024-03-05,acme,EU,1200,ok\n";
  static candor_table* const kTable = [] {
    static const char* const kNumbers[] = {"arr"};
    static const char* const kSegments[] = {"region"};
    candor_csv_options csv;
    candor_csv_options_init(&csv);
    csv.time_column = "time";
    csv.account_column = "account";
    csv.comment_column = "comment";
    csv.segment_columns = kSegments;
    csv.n_segment_columns = 1;
    csv.number_columns = kNumbers;
    csv.n_number_columns = 1;
    candor_table* table = nullptr;
    candor_table_parse_csv(kCsv, sizeof(kCsv) - 1, &csv, &table);
    return table;
  }();
  static const char* const kTexts[] = {"arr", "UTC", "month", "day", "Europe/Paris", "missing", ""};
  auto text = [&in]() -> const char* {
    const uint8_t b = in.Byte();
    return b < 0x40 ? nullptr : kTexts[b % (sizeof(kTexts) / sizeof(kTexts[0]))];
  };
  candor_report_options o;
  candor_report_options_init(&o);
  o.level = candor_fuzz::InterestingDouble(in);
  o.time_zone = text();
  o.period = text();
  o.max_themes = static_cast<int8_t>(in.Byte());
  o.quotes_per_theme = static_cast<int8_t>(in.Byte());
  o.max_accounts = static_cast<int8_t>(in.Byte());
  o.max_alarms = static_cast<int8_t>(in.Byte());
  o.seed = in.Raw<uint64_t>();
  o.source = text();
  o.bundled_sample = in.Raw<int32_t>();
  o.arr_column = text();
  o.outcome_column = text();
  o.invited_column = text();
  const size_t size = ChooseSize(in, sizeof(o));
  CheckDefaults(candor_report_options_defaults, size, "candor_report_options_defaults");
  CallerStruct<candor_report_options> caller(o, size, in);
  candor_report* report = nullptr;
  const candor_status s = candor_report_build(kTable, caller.get(), &report);
  CheckStatus(s, "candor_report_build with odd options");
  for (int format = 0; s == CANDOR_OK && format < 3; ++format) {
    const char* rendered = nullptr;
    size_t length = 0;
    CheckStatus(
        candor_report_render(report, static_cast<candor_report_format>(format), &rendered, &length),
        "candor_report_render");
  }
  candor_report_free(report);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  switch (in.Byte() % 13) {
    case 0:
      Score(in);
      break;
    case 1:
      Csv(in);
      break;
    case 2:
      Design(in);
      break;
    case 3:
      MannKendall(in);
      break;
    case 4:
      Buckets(in);
      break;
    case 5:
      ChangePoints(in);
      break;
    case 6:
      AccountTrends(in);
      break;
    case 7:
      Text(in);
      break;
    case 8:
      Themes(in);
      break;
    case 9:
      Drivers(in);
      break;
    case 10:
      Survival(in);
      break;
    case 11:
      ChangeMonitor(in);
      break;
    case 12:
      Report(in);
      break;
  }
  return 0;
}
