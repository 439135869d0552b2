#include "nmf_init.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

#include "common/progress_ticker.hpp"
#include "common/random.hpp"
#include "nmf_kernels.hpp"

namespace candor::text::internal {
namespace {

using Dense = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Fills `out` with standard normal variates by Marsaglia's polar method
// (Marsaglia and Bray 1964, "A convenient method for generating normal
// variables", SIAM Review 6:260-264): pairs from uniforms in the unit disc,
// no trigonometry; the stream fixes the order.
void FillNormal(candor::internal::RandomStream& rng, double* out, int64_t count) {
  for (int64_t i = 0; i < count;) {
    double a, b, s;
    do {
      a = 2.0 * rng.Uniform() - 1.0;
      b = 2.0 * rng.Uniform() - 1.0;
      s = a * a + b * b;
    } while (s >= 1.0 || s == 0.0);
    const double scale = std::sqrt(-2.0 * std::log(s) / s);
    out[i++] = a * scale;
    if (i < count) out[i++] = b * scale;
  }
}

double Normal(candor::internal::RandomStream& rng) {
  double z;
  FillNormal(rng, &z, 1);
  return z;
}

// Y = Q R by Householder QR: y becomes Q (thin), *r becomes R r.
void HouseholderQr(Dense* y, Eigen::MatrixXd* r) {
  const Eigen::Index l = y->cols();
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr{Eigen::MatrixXd(*y)};
  *y = qr.householderQ() * Eigen::MatrixXd::Identity(y->rows(), l);
  const Eigen::MatrixXd r_qr = qr.matrixQR().topRows(l).triangularView<Eigen::Upper>();
  *r = r_qr * *r;
}

// One CholeskyQR pass in place: Y <- Y R^-1 with R^T R = Y^T Y, and *r <- R r.
// Returns false, leaving both as they were, when the Gram matrix is not
// numerically positive definite.
bool CholeskyQrPass(Dense* y, Eigen::MatrixXd* r, int32_t threads) {
  const Eigen::Index l = y->cols();
  Eigen::MatrixXd gram(l, l);  // symmetric: row- or column-major alike
  Gram(y->data(), y->rows(), static_cast<int32_t>(l), gram.data(), threads);
  const Eigen::LLT<Eigen::MatrixXd> llt(gram);
  if (llt.info() != Eigen::Success) return false;
  llt.matrixU().solveInPlace<Eigen::OnTheRight>(*y);
  *r = llt.matrixU() * *r;
  return true;
}

// Y = Q R in place (y becomes Q; R is returned, upper triangular) by
// CholeskyQR2 (Fukaya, Nakatsukasa, Yanagisawa and Yamamoto 2014,
// "CholeskyQR2: a simple and communication-avoiding algorithm for computing a
// tall-skinny QR factorization", ScalA): `passes` CholeskyQR passes (one
// gives a well-conditioned basis, enough between power iterations; two an
// orthonormal one). Much faster than Householder QR for tall, thin Y; falls
// back to it, from the partly processed y, when a Gram matrix is too
// ill-conditioned.
Eigen::MatrixXd OrthonormalInPlace(Dense* y, int passes, int32_t threads) {
  const Eigen::Index l = y->cols();
  Eigen::MatrixXd r = Eigen::MatrixXd::Identity(l, l);
  for (int pass = 0; pass < passes; ++pass) {
    if (!CholeskyQrPass(y, &r, threads)) {
      HouseholderQr(y, &r);
      return r;
    }
  }
  if (passes > 1) {
    Eigen::MatrixXd gram(l, l);
    Gram(y->data(), y->rows(), static_cast<int32_t>(l), gram.data(), threads);
    if (!((gram - Eigen::MatrixXd::Identity(l, l)).cwiseAbs().maxCoeff() < 1e-10)) {
      HouseholderQr(y, &r);
    }
  }
  return r;
}

// out = a * b, into out's existing storage (out is a.rows x b.cols).
void Product(const CsrMatrix& a, const Dense& b, Dense* out, int32_t threads) {
  SparseTimesDense(a, b.data(), static_cast<int32_t>(b.cols()), out->data(), threads);
}

Svd Take(const Dense& u, const Dense& v, const Eigen::VectorXd& s, int32_t k) {
  Svd out;
  const Dense uk = u.leftCols(k), vk = v.leftCols(k);
  out.u.assign(uk.data(), uk.data() + uk.size());
  out.v.assign(vk.data(), vk.data() + vk.size());
  out.sigma.assign(s.data(), s.data() + k);
  return out;
}

bool UseExact(const CsrMatrix& x, const NmfOptions& options) {
  switch (options.svd) {
    case SvdMethod::kExact: return true;
    case SvdMethod::kRandomized: return false;
    case SvdMethod::kAuto: break;
  }
  return static_cast<double>(x.rows) * static_cast<double>(x.cols) <= 40000.0;
}

}  // namespace

Svd TruncatedSvd(const CsrMatrix& x, const CsrMatrix& xt, int32_t k, const NmfOptions& options,
                 int32_t threads, candor::internal::ProgressTicker* ticker) {
  if (UseExact(x, options)) {
    Dense dense = Dense::Zero(x.rows, x.cols);
    for (int64_t r = 0; r < x.rows; ++r) {
      for (int64_t p = x.row_ptr[r]; p < x.row_ptr[r + 1]; ++p) dense(r, x.col[p]) = x.value[p];
    }
    Eigen::BDCSVD<Eigen::MatrixXd> svd(Eigen::MatrixXd(dense),
                                       Eigen::ComputeThinU | Eigen::ComputeThinV);
    return Take(svd.matrixU(), svd.matrixV(), svd.singularValues(), k);
  }
  // Halko, Martinsson and Tropp 2011, Algorithm 4.4 (randomized subspace iteration).
  const int64_t smallest = std::min(x.rows, x.cols);
  const int64_t l = std::min<int64_t>(smallest, static_cast<int64_t>(k) + options.oversamples);
  const int32_t q = options.power_iterations >= 0 ? options.power_iterations : 4;
  candor::internal::RandomStream rng(candor::internal::Mix64(options.seed ^ 0x5356445f4e4d46ull));
  // Two buffers for the whole iteration, updated in place: a fresh large
  // block comes from mmap, and faulting its pages in cost more than the
  // arithmetic (5x the whole SVD at k = 20 on 4,000 reviews).
  Dense z(x.cols, l);  // first the test matrix Omega, then X^T Q
  Dense y(x.rows, l);
  FillNormal(rng, z.data(), z.size());
  Product(x, z, &y, threads);
  // A large corpus takes seconds here: each step checks for a cancel.
  const auto cancelled = [ticker] { return ticker != nullptr && !ticker->Add(0); };
  for (int32_t i = 0; i < q; ++i) {
    if (cancelled()) return Svd();
    OrthonormalInPlace(&y, 1, threads);
    Product(xt, y, &z, threads);
    OrthonormalInPlace(&z, 1, threads);
    Product(x, z, &y, threads);
  }
  if (cancelled()) return Svd();
  OrthonormalInPlace(&y, 2, threads);  // Q
  // B = Q^T X, so B^T = X^T Q = Z = Qz Rz; with Rz = Ur S Vr^T (a small SVD),
  // X ~= Q B = (Q Vr) S (Qz Ur)^T.
  Product(xt, y, &z, threads);
  const Eigen::MatrixXd rz = OrthonormalInPlace(&z, 2, threads);
  const Eigen::JacobiSVD<Eigen::MatrixXd> small(rz, Eigen::ComputeFullU | Eigen::ComputeFullV);
  Svd out;
  out.u.resize(static_cast<size_t>(x.rows) * k);
  out.v.resize(static_cast<size_t>(x.cols) * k);
  Eigen::Map<Dense>(out.u.data(), x.rows, k).noalias() = y * small.matrixV().leftCols(k);
  Eigen::Map<Dense>(out.v.data(), x.cols, k).noalias() = z * small.matrixU().leftCols(k);
  out.sigma.assign(small.singularValues().data(), small.singularValues().data() + k);
  return out;
}

void Nndsvd(const CsrMatrix& x, Svd svd, int32_t k, const NmfOptions& options,
            std::vector<double>* w_out, std::vector<double>* ht_out) {
  const int64_t n = x.rows, m = x.cols;
  // W and H^T overwrite U and V column by column (each column is read whole
  // before it is written).
  std::vector<double>& w = *w_out = std::move(svd.u);
  std::vector<double>& ht = *ht_out = std::move(svd.v);
  auto norm_of = [k](const std::vector<double>& a, int64_t rows, int32_t j, int sign) {
    double s = 0;
    for (int64_t i = 0; i < rows; ++i) {
      const double v = sign * a[i * k + j];
      if (v > 0) s += v * v;
    }
    return std::sqrt(s);
  };
  // Column j of a (rows x k) <- scale * max(0, sign * column), or 0 when scale is 0.
  auto set_column = [k](std::vector<double>& a, int64_t rows, int32_t j, int sign,
                        double scale) {
    for (int64_t i = 0; i < rows; ++i) {
      double& v = a[i * k + j];
      v = scale == 0 ? 0.0 : scale * std::max(0.0, sign * v);
    }
  };
  for (int32_t j = 0; j < k; ++j) {
    if (j == 0) {
      const double root = std::sqrt(svd.sigma[0]);
      for (int64_t i = 0; i < n; ++i) w[i * k] = root * std::fabs(w[i * k]);
      for (int64_t i = 0; i < m; ++i) ht[i * k] = root * std::fabs(ht[i * k]);
      continue;
    }
    const double up = norm_of(w, n, j, 1), un = norm_of(w, n, j, -1);
    const double vp = norm_of(ht, m, j, 1), vn = norm_of(ht, m, j, -1);
    const double mp = up * vp, mn = un * vn;
    const int sign = mp > mn ? 1 : -1;
    const double mass = mp > mn ? mp : mn;
    if (!(mass > 0)) {  // no positive part on either side: the column is 0
      set_column(w, n, j, sign, 0.0);
      set_column(ht, m, j, sign, 0.0);
      continue;
    }
    const double lambda = std::sqrt(svd.sigma[j] * mass);
    set_column(w, n, j, sign, lambda / (sign > 0 ? up : un));
    set_column(ht, m, j, sign, lambda / (sign > 0 ? vp : vn));
  }
  constexpr double kEps = 1e-6;  // scikit-learn's cut of tiny entries
  for (double& v : w) v = v < kEps ? 0.0 : v;
  for (double& v : ht) v = v < kEps ? 0.0 : v;
  if (options.init == NmfInit::kNndsvd) return;
  double sum = 0;
  for (double v : x.value) sum += v;
  const double mean = sum / (static_cast<double>(n) * static_cast<double>(m));
  if (options.init == NmfInit::kNndsvda) {
    for (double& v : w) v = v == 0 ? mean : v;
    for (double& v : ht) v = v == 0 ? mean : v;
    return;
  }
  // kNndsvdar: small random values, W's zeros first, then H's (row-major H).
  candor::internal::RandomStream rng(candor::internal::Mix64(options.seed ^ 0x4e4e44535644ull));
  for (double& v : w) v = v == 0 ? std::fabs(mean * Normal(rng) / 100.0) : v;
  for (int32_t t = 0; t < k; ++t) {
    for (int64_t i = 0; i < m; ++i) {
      double& v = ht[i * k + t];
      v = v == 0 ? std::fabs(mean * Normal(rng) / 100.0) : v;
    }
  }
}

}  // namespace candor::text::internal
