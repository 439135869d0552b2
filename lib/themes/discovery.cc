// Theme discovery: counts -> TF-IDF -> NMF for each candidate k -> the k with
// the most coherent themes -> weights, dominant themes, labels
// (text_discovery.hpp).
#include <candor/text_discovery.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <new>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "common/parallel.hpp"
#include "common/progress_ticker.hpp"
#include "discovery_internal.hpp"

namespace candor::text {
namespace internal {

Status CheckDiscoveryOptions(const DiscoveryOptions& o) {
  if (o.k < 0) return InvalidArgument("k must be >= 1, or 0 to choose it");
  if (o.k == 0 && (o.k_min < 1 || o.k_max < o.k_min)) {
    return InvalidArgument("the range of k must satisfy 1 <= k_min <= k_max, got [" +
                           std::to_string(o.k_min) + ", " + std::to_string(o.k_max) + "]");
  }
  if (o.top_terms < 2) return InvalidArgument("top_terms must be >= 2");
  if (o.label_phrases < 1) return InvalidArgument("label_phrases must be >= 1");
  if (!(o.min_weight >= 0 && o.min_weight < 1)) {
    return InvalidArgument("min_weight must be in [0, 1)");
  }
  return OkStatus();
}

std::vector<int32_t> TopColumns(const std::vector<double>& h, int64_t cols, int32_t t,
                                int32_t n) {
  std::vector<int32_t> idx;
  const double* row = h.data() + t * cols;
  for (int64_t j = 0; j < cols; ++j) {
    if (row[j] > 0) idx.push_back(static_cast<int32_t>(j));
  }
  const size_t take = std::min<size_t>(idx.size(), static_cast<size_t>(n));
  std::partial_sort(idx.begin(), idx.begin() + take, idx.end(), [&](int32_t a, int32_t b) {
    return row[a] != row[b] ? row[a] > row[b] : a < b;
  });
  idx.resize(take);
  return idx;
}

namespace {

struct Fit {
  NmfResult nmf;
  std::vector<std::vector<int32_t>> top;
  std::vector<double> coherence;
  double mean = 0;
};

Result<Fit> FitK(const CsrMatrix& tfidf, const CsrMatrix& counts, int32_t k,
                 const DiscoveryOptions& options, candor::internal::ProgressTicker* ticker) {
  NmfOptions nmf = options.nmf;
  nmf.progress = Progress();
  if (options.threads != 0) nmf.threads = options.threads;
  auto result = NmfTicked(tfidf, k, nmf, ticker);
  if (!result.ok()) return result.status();
  Fit fit;
  fit.nmf = std::move(result).value();
  for (int32_t t = 0; t < k; ++t) {
    fit.top.push_back(TopColumns(fit.nmf.h, tfidf.cols, t, options.top_terms));
  }
  auto coherence = NpmiCoherence(counts, fit.top);
  if (!coherence.ok()) return coherence.status();
  fit.coherence = std::move(coherence).value();
  double sum = 0;
  for (double c : fit.coherence) sum += std::isnan(c) ? -1.0 : c;
  fit.mean = sum / k;
  return fit;
}

struct CandidateFits {
  Fit best;                            // the highest mean coherence; ties: smaller k
  std::vector<double> mean_coherence;  // per candidate
};

// Fits every candidate k. With one candidate, Nmf gets all the threads; with
// several, the fits run side by side on single threads, largest k first
// (they take longest), and only the best fit so far is kept. The choice
// depends only on the candidates' coherences, never on the schedule.
Result<CandidateFits> FitCandidates(const CsrMatrix& tfidf, const CsrMatrix& counts,
                                    const std::vector<int32_t>& candidates,
                                    const DiscoveryOptions& options,
                                    candor::internal::ProgressTicker* ticker) {
  const size_t n = candidates.size();
  DiscoveryOptions per_fit = options;
  const int32_t threads = candor::internal::ResolveThreadCount(options.threads);
  if (n > 1) per_fit.threads = 1;
  CandidateFits out;
  out.mean_coherence.assign(n, 0.0);
  std::vector<Status> failed(n);
  size_t best_index = n;
  std::mutex mutex;
  std::atomic<size_t> next{0};
  candor::internal::ParallelChunks(
      n > 1 ? static_cast<size_t>(threads) : 1, threads,
      [&](size_t, size_t, size_t) {
        for (size_t taken; (taken = next.fetch_add(1)) < n;) {
          const size_t i = n - 1 - taken;
          if (!ticker->Running()) continue;
          Result<Fit> fit = Status(CANDOR_OUT_OF_MEMORY, "theme discovery: out of memory");
          try {  // ParallelChunks' work must not throw
            fit = FitK(tfidf, counts, candidates[i], per_fit, ticker);
          } catch (const std::bad_alloc&) {
          }
          const std::lock_guard<std::mutex> lock(mutex);
          if (!fit.ok()) {
            failed[i] = fit.status();
            continue;
          }
          out.mean_coherence[i] = fit->mean;
          if (best_index == n || fit->mean > out.best.mean ||
              (fit->mean == out.best.mean && i < best_index)) {
            out.best = std::move(fit).value();
            best_index = i;
          }
        }
      },
      ticker);
  if (!ticker->Running()) return ticker->CancelledStatus();
  for (const Status& s : failed) {  // the smallest failing k
    if (!s.ok()) return s;
  }
  return out;
}

}  // namespace

Result<ThemeDiscovery> DiscoverFromWords(const std::vector<std::vector<std::string>>& words,
                                         const DiscoveryOptions& options,
                                         candor::internal::ProgressTicker* given) {
  CANDOR_RETURN_IF_ERROR(CheckDiscoveryOptions(options));
  // Tokenized words given directly (DiscoverThemes of TokenizedText): the
  // tokenizing units count as done.
  candor::internal::ProgressTicker own(options.progress,
                                       DiscoveryProgressTotal(options, words.size()),
                                       "theme discovery");
  candor::internal::ProgressTicker* ticker = given;
  if (ticker == nullptr) {
    ticker = &own;
    if (!ticker->Add(static_cast<int64_t>(words.size()))) return ticker->CancelledStatus();
  }
  auto terms = BuildDocumentTermsTicked(words, options.vocabulary, ticker);
  if (!terms.ok()) return terms.status();
  if (!ticker->Poll(/*force=*/true)) return ticker->CancelledStatus();
  ThemeDiscovery out;
  out.terms = std::move(terms).value();
  const CsrMatrix& counts = out.terms.counts;
  auto tfidf = Tfidf(counts, options.tfidf);
  if (!tfidf.ok()) return tfidf.status();
  out.tfidf = std::move(tfidf).value();
  out.documents = counts.rows;
  if (!ticker->Poll(/*force=*/true)) return ticker->CancelledStatus();

  // Documents with no term are rows of zeros: they get no theme.
  int64_t nonempty = 0;
  for (int64_t r = 0; r < counts.rows; ++r) nonempty += counts.row_ptr[r + 1] > counts.row_ptr[r];
  const int64_t most = std::min<int64_t>(nonempty, counts.cols);
  std::vector<int32_t> candidates;
  if (options.k > 0) {
    if (options.k > most) {
      return InvalidArgument("k = " + std::to_string(options.k) + " themes, but only " +
                             std::to_string(nonempty) + " comments with terms and " +
                             std::to_string(counts.cols) + " terms: k must be <= " +
                             std::to_string(most));
    }
    candidates.push_back(options.k);
  } else {
    if (options.k_min > most) {
      return InvalidArgument("k_min = " + std::to_string(options.k_min) + " themes, but only " +
                             std::to_string(nonempty) + " comments with terms and " +
                             std::to_string(counts.cols) + " terms");
    }
    for (int32_t k = options.k_min; k <= std::min<int64_t>(options.k_max, most); ++k) {
      candidates.push_back(k);
    }
  }
  // Candidates beyond what the terms allow are skipped: counted as done.
  const int64_t planned = options.k > 0 ? 1 : options.k_max - options.k_min + 1;
  if (!ticker->Add((planned - static_cast<int64_t>(candidates.size())) * options.nmf.max_iter *
                   static_cast<int64_t>(words.size()))) {
    return ticker->CancelledStatus();
  }
  auto fits = FitCandidates(out.tfidf, counts, candidates, options, ticker);
  if (!fits.ok()) return fits.status();
  Fit best = std::move(fits->best);
  out.k_tried = candidates;
  out.k_coherence = std::move(fits->mean_coherence);
  const int32_t k = best.nmf.k;
  const int64_t n = counts.rows, m = counts.cols;

  // Normalized weights, dominant themes (in the fit's order).
  const double max_w = best.nmf.w.empty()
                           ? 0.0
                           : *std::max_element(best.nmf.w.begin(), best.nmf.w.end());
  std::vector<double> weights(static_cast<size_t>(n) * k, 0.0);
  std::vector<int32_t> dominant(static_cast<size_t>(n), -1);
  std::vector<int64_t> dominated(static_cast<size_t>(k), 0);
  std::vector<double> total(static_cast<size_t>(k), 0.0);
  for (int64_t i = 0; i < n; ++i) {
    const double* row = best.nmf.w.data() + i * k;
    double sum = 0;
    int32_t arg = 0;
    for (int32_t t = 0; t < k; ++t) {
      sum += row[t];
      if (row[t] > row[arg]) arg = t;
    }
    if (sum > 0) {
      for (int32_t t = 0; t < k; ++t) {
        weights[i * k + t] = row[t] / sum;
        total[t] += row[t] / sum;
      }
    }
    if (max_w > 0 && row[arg] > options.min_weight * max_w) {
      dominant[i] = arg;
      ++dominated[arg];
    }
  }
  // Order: most dominated documents first, then total weight, then fit order.
  std::vector<int32_t> order(static_cast<size_t>(k));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    if (dominated[a] != dominated[b]) return dominated[a] > dominated[b];
    return total[a] > total[b];
  });
  std::vector<int32_t> rank(static_cast<size_t>(k));
  for (int32_t r = 0; r < k; ++r) rank[order[r]] = r;

  NmfResult nmf = best.nmf;
  out.weights.assign(weights.size(), 0.0);
  for (int64_t i = 0; i < n; ++i) {
    for (int32_t t = 0; t < k; ++t) {
      out.weights[i * k + rank[t]] = weights[i * k + t];
      nmf.w[i * k + rank[t]] = best.nmf.w[i * k + t];
    }
    out.dominant.push_back(dominant[i] < 0 ? -1 : rank[dominant[i]]);
  }
  for (int32_t t = 0; t < k; ++t) {
    std::copy(best.nmf.h.begin() + t * m, best.nmf.h.begin() + (t + 1) * m,
              nmf.h.begin() + rank[t] * m);
  }
  out.nmf = std::move(nmf);
  out.themes.resize(static_cast<size_t>(k));
  double coherence_sum = 0;
  for (int32_t r = 0; r < k; ++r) {
    const int32_t t = order[r];
    DiscoveredTheme& theme = out.themes[r];
    for (int32_t j : best.top[t]) {
      theme.top_terms.push_back(out.terms.terms[j]);
      theme.top_term_weights.push_back(best.nmf.h[t * m + j]);
    }
    theme.coherence = best.coherence[t];
    theme.documents = dominated[t];
    theme.total_weight = total[t];
    coherence_sum += std::isnan(theme.coherence) ? -1.0 : theme.coherence;
  }
  out.mean_coherence = coherence_sum / k;
  LabelThemes(out.terms, out.dominant, out.nmf.h, options.top_terms, options.label_phrases,
              &out.themes);
  if (!ticker->Finish()) return ticker->CancelledStatus();
  return out;
}

}  // namespace internal

Result<ThemeDiscovery> DiscoverThemes(const std::vector<TokenizedText>& texts,
                                      const DiscoveryOptions& options) {
  CANDOR_RETURN_IF_ERROR(internal::CheckDiscoveryOptions(options));
  std::vector<std::vector<std::string>> words;
  words.reserve(texts.size());
  for (const TokenizedText& text : texts) words.push_back(DocumentWords(text, options.vocabulary));
  return internal::DiscoverFromWords(words, options, nullptr);
}

}  // namespace candor::text
