// NMF by HALS coordinate descent from an NNDSVD start (text_discovery.hpp).
// H is kept transposed (cols x k, row-major) so both half-steps are the same
// row-wise update: F(i, :) given the other factor's Gram G and P(i, :) = the
// sparse product's row.
#include <candor/text_discovery.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "common/parallel.hpp"
#include "common/progress_ticker.hpp"
#include "discovery_internal.hpp"
#include "nmf_init.hpp"
#include "nmf_kernels.hpp"

namespace candor::text {
namespace {

using internal::kBlockRows;

Status CheckOptions(const NmfOptions& o) {
  if (o.max_iter < 0) return InvalidArgument("max_iter must be >= 0");
  if (!(o.tol >= 0) || !std::isfinite(o.tol)) return InvalidArgument("tol must be finite and >= 0");
  if (o.oversamples < 0) return InvalidArgument("oversamples must be >= 0");
  if (o.power_iterations < -1) return InvalidArgument("power_iterations must be >= -1");
  switch (o.init) {
    case NmfInit::kNndsvd: case NmfInit::kNndsvda: case NmfInit::kNndsvdar: break;
    default: return InvalidArgument("unknown NMF initialization");
  }
  switch (o.svd) {
    case SvdMethod::kAuto: case SvdMethod::kExact: case SvdMethod::kRandomized: break;
    default: return InvalidArgument("unknown SVD method");
  }
  return OkStatus();
}

// One half-step over rows [begin, end) of F (rows x k): P(i, :) = a(i, :) * other,
// then the coordinate updates of F(i, :) for t = 0..k-1 (Cichocki and Phan 2009;
// the same order as scikit-learn's _update_cdnmf_fast without shuffling).
// The gradient G F(i, :)^T - P(i, :)^T is kept as a vector and corrected after
// each coordinate's change by a column of the symmetric G: an axpy the
// compiler vectorizes, where a dot product per coordinate would be a serial
// chain of additions. Returns sum_i <P(i, :), F(i, :)> with the updated F.
double UpdateRows(const CsrMatrix& a, const double* other, const double* gram, int32_t k,
                  int64_t begin, int64_t end, double* f) {
  std::vector<double> p(static_cast<size_t>(k)), grad(static_cast<size_t>(k));
  std::vector<double> inverse_hess(static_cast<size_t>(k));  // a multiply, not a divide, per update
  for (int32_t t = 0; t < k; ++t) {
    const double hess = gram[t * k + t];
    inverse_hess[t] = hess == 0 ? 0.0 : 1.0 / hess;
  }
  double cross = 0;
  for (int64_t i = begin; i < end; ++i) {
    std::fill(p.begin(), p.end(), 0.0);
    for (int64_t q = a.row_ptr[i]; q < a.row_ptr[i + 1]; ++q) {
      const double v = a.value[q];
      const double* row = other + static_cast<int64_t>(a.col[q]) * k;
      for (int32_t t = 0; t < k; ++t) p[t] += v * row[t];
    }
    double* fi = f + i * k;
    for (int32_t t = 0; t < k; ++t) grad[t] = -p[t];
    for (int32_t r = 0; r < k; ++r) {
      const double* g = gram + r * k;
      const double fr = fi[r];
      for (int32_t t = 0; t < k; ++t) grad[t] += g[t] * fr;
    }
    for (int32_t t = 0; t < k; ++t) {
      if (inverse_hess[t] == 0) continue;  // column t of the other factor is 0
      const double updated = std::max(fi[t] - grad[t] * inverse_hess[t], 0.0);
      const double delta = updated - fi[t];
      if (delta == 0) continue;
      fi[t] = updated;
      const double* g = gram + t * k;
      for (int32_t r = t + 1; r < k; ++r) grad[r] += delta * g[r];  // only later ones are read
    }
    for (int32_t t = 0; t < k; ++t) cross += p[t] * fi[t];
  }
  return cross;
}

// sum_i <X(i, :) H^T, W(i, :)>, row by row (no n x k product is kept).
double CrossTerm(const CsrMatrix& x, const double* ht, const double* w, int32_t k) {
  double cross = 0;
  for (int64_t i = 0; i < x.rows; ++i) {
    for (int64_t q = x.row_ptr[i]; q < x.row_ptr[i + 1]; ++q) {
      const double* h = ht + static_cast<int64_t>(x.col[q]) * k;
      const double* wi = w + i * k;
      double dot = 0;
      for (int32_t t = 0; t < k; ++t) dot += h[t] * wi[t];
      cross += x.value[q] * dot;
    }
  }
  return cross;
}

double Frobenius2(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

// Per-block results of a half-step, summed in block order afterwards so that
// the totals never depend on which thread did which block.
struct BlockSums {
  BlockSums(int64_t blocks, size_t k_squared)
      : kk(k_squared), cross(static_cast<size_t>(blocks)), gram(static_cast<size_t>(blocks) * kk) {}
  // Returns the cross term; puts the Gram matrix of the new factor in gram_out.
  double Sum(std::vector<double>* gram_out) const {
    gram_out->assign(kk, 0.0);
    double total = 0;
    for (size_t b = 0; b < cross.size(); ++b) {
      total += cross[b];
      for (size_t i = 0; i < kk; ++i) (*gram_out)[i] += gram[b * kk + i];
    }
    return total;
  }
  size_t kk;
  std::vector<double> cross;
  std::vector<double> gram;
};

// Updates the rows of f block by block, taking blocks from `next` until none
// is left (every member of the team calls it); records each block's cross
// term and the Gram matrix of its new rows. With `count_rows`, each block's
// rows are added to `ticker` (may be null); once it is cancelled no block is
// taken (the iteration's result is then discarded).
void TakeBlocks(const CsrMatrix& a, const double* other, const double* gram, int32_t k,
                std::atomic<int64_t>* next, double* f, BlockSums* sums,
                candor::internal::ProgressTicker* ticker, bool count_rows) {
  const int64_t blocks = static_cast<int64_t>(sums->cross.size());
  for (int64_t b; (b = next->fetch_add(1)) < blocks;) {
    if (ticker != nullptr && !ticker->Running()) continue;  // drain the counter
    std::fill(sums->gram.begin() + b * sums->kk, sums->gram.begin() + (b + 1) * sums->kk, 0.0);
    const int64_t begin = b * kBlockRows, end = std::min(a.rows, begin + kBlockRows);
    sums->cross[b] = UpdateRows(a, other, gram, k, begin, end, f);
    internal::AddBlockGram(f, begin, end, k, sums->gram.data() + b * sums->kk);
    if (ticker != nullptr) ticker->Add(count_rows ? end - begin : 0);
  }
}

// The HALS iterations on a team of threads started once for the whole fit:
// both half-steps share out fixed blocks, and member 0 sums them (in block
// order), records the loss and decides to stop between barriers.
void Iterate(const CsrMatrix& x, const CsrMatrix& xt, int32_t k, double x2,
             const NmfOptions& options, int32_t threads, std::vector<double>* w,
             std::vector<double>* ht, std::vector<double>* gram_w, std::vector<double>* gram_h,
             NmfResult* out, candor::internal::ProgressTicker* ticker) {
  const size_t kk = static_cast<size_t>(k) * k;
  BlockSums w_sums(internal::BlockCount(x.rows), kk), h_sums(internal::BlockCount(xt.rows), kk);
  std::atomic<int64_t> next_w{0}, next_h{0};
  const double exact_fit = 1e-14 * x2;
  bool stop = false;  // written by member 0 between barriers
  bool out_of_memory = false;
  candor::internal::RunTeam(threads, [&](int member, candor::internal::Barrier& barrier) {
    for (int32_t iter = 1; iter <= options.max_iter && !stop; ++iter) {
      TakeBlocks(x, ht->data(), gram_h->data(), k, &next_w, w->data(), &w_sums, ticker, true);
      barrier.Wait();
      if (member == 0) {
        w_sums.Sum(gram_w);
        next_w = 0;
      }
      barrier.Wait();
      TakeBlocks(xt, w->data(), gram_w->data(), k, &next_h, ht->data(), &h_sums, ticker, false);
      barrier.Wait();
      if (member == 0) {
        next_h = 0;
        if (ticker != nullptr && !ticker->Running()) stop = true;
        // The expansion cancels near an exact fit and can round below 0.
        const double loss =
            std::max(0.0, x2 - 2 * h_sums.Sum(gram_h) + Frobenius2(*gram_w, *gram_h));
        const double previous = out->loss.back();
        try {  // a team member must not throw: the others wait at the barrier
          out->loss.push_back(loss);
        } catch (const std::bad_alloc&) {
          out_of_memory = stop = true;
        }
        out->iterations = iter;
        if (loss <= exact_fit || previous - loss <= options.tol * previous) {
          out->converged = true;
          stop = true;
        }
      }
      barrier.Wait();
    }
  });
  if (out_of_memory) throw std::bad_alloc();  // as any allocation in Nmf
}

}  // namespace

double NmfResult::reconstruction_error() const {
  return loss.empty() ? std::nan("") : std::sqrt(std::max(0.0, loss.back()));
}

Result<NmfResult> Nmf(const CsrMatrix& x, int32_t k, const NmfOptions& options) {
  CANDOR_RETURN_IF_ERROR(CheckOptions(options));
  candor::internal::ProgressTicker ticker(options.progress,
                                          static_cast<int64_t>(options.max_iter) * x.rows, "NMF");
  auto result = internal::NmfTicked(x, k, options, &ticker);
  if (result.ok() && !ticker.Finish()) return ticker.CancelledStatus();
  return result;
}

Result<NmfResult> internal::NmfTicked(const CsrMatrix& x, int32_t k, const NmfOptions& options,
                                      candor::internal::ProgressTicker* ticker) {
  CANDOR_RETURN_IF_ERROR(CheckOptions(options));
  CANDOR_RETURN_IF_ERROR(ValidateCsr(x, /*nonnegative=*/true));
  const int64_t smallest = std::min(x.rows, x.cols);
  if (k < 1 || k > smallest) {
    return InvalidArgument("k = " + std::to_string(k) + " themes: must be in [1, min(documents, terms)] = [1, " +
                           std::to_string(smallest) + "] for a " + std::to_string(x.rows) + " x " +
                           std::to_string(x.cols) + " matrix");
  }
  double x2 = 0;
  for (double v : x.value) x2 += v * v;
  if (!(x2 > 0)) return Empty("the matrix has no nonzero entry");
  // ||X||^2 and the Gram matrices must be finite for a finite fit.
  if (!std::isfinite(x2)) {
    return OutOfRange(
        "the matrix's squared entries sum beyond the double range; rescale the matrix");
  }
  const double work = static_cast<double>(x.nnz()) * k;
  const int32_t all = candor::internal::ResolveThreadCount(options.threads);
  const int32_t threads = work < kNmfParallelWork ? 1 : all;  // the start's products
  const int32_t hals_threads = work < kNmfTeamWork ? 1 : all;

  const CsrMatrix xt = internal::Transpose(x);
  NmfResult out;
  out.rows = x.rows;
  out.cols = x.cols;
  out.k = k;
  std::vector<double> w, ht;
  internal::Svd svd = internal::TruncatedSvd(x, xt, k, options, threads, ticker);
  if (ticker != nullptr && !ticker->Running()) return ticker->CancelledStatus();
  internal::Nndsvd(x, std::move(svd), k, options, &w, &ht);

  // Loss at the start: ||X||^2 - 2 <X H^T, W> + <W^T W, H H^T>.
  const size_t kk = static_cast<size_t>(k) * k;
  std::vector<double> gram_w(kk), gram_h(kk);
  internal::Gram(w.data(), x.rows, k, gram_w.data(), threads);
  internal::Gram(ht.data(), x.cols, k, gram_h.data(), threads);
  out.loss.push_back(std::max(
      0.0, x2 - 2 * CrossTerm(x, ht.data(), w.data(), k) + Frobenius2(gram_w, gram_h)));
  if (ticker != nullptr && !ticker->Running()) return ticker->CancelledStatus();
  Iterate(x, xt, k, x2, options, hals_threads, &w, &ht, &gram_w, &gram_h, &out, ticker);
  if (ticker != nullptr) {
    if (!ticker->Running()) return ticker->CancelledStatus();
    ticker->Add(static_cast<int64_t>(options.max_iter - out.iterations) * x.rows);  // skipped
  }
  out.w = std::move(w);
  out.h.assign(static_cast<size_t>(k) * x.cols, 0.0);
  for (int64_t j = 0; j < x.cols; ++j) {
    for (int32_t t = 0; t < k; ++t) out.h[t * x.cols + j] = ht[j * k + t];
  }
  const auto finite = [](double v) { return std::isfinite(v); };
  if (!std::all_of(out.w.begin(), out.w.end(), finite) ||
      !std::all_of(out.h.begin(), out.h.end(), finite) || !std::isfinite(out.loss.back())) {
    return OutOfRange(
        "the factorization is not finite in double precision (entries too far apart in "
        "magnitude); rescale the matrix");
  }
  return out;
}

}  // namespace candor::text
