#include "text/nmf_init.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

#include "common/random.hpp"
#include "text/nmf_kernels.hpp"

namespace candor::text::internal {
namespace {

using Dense = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Standard normal by Box-Muller (one variate per call; the stream fixes the order).
double Normal(candor::internal::RandomStream& rng) {
  const double u1 = 1.0 - rng.Uniform();  // (0, 1]
  const double u2 = rng.Uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

Dense HouseholderOrthonormal(const Dense& y) {
  Eigen::HouseholderQR<Eigen::MatrixXd> qr{Eigen::MatrixXd(y)};
  return Dense(qr.householderQ() * Eigen::MatrixXd::Identity(y.rows(), y.cols()));
}

// An orthonormal basis of y's columns by CholeskyQR2 (Fukaya, Nakatsukasa,
// Yanagisawa and Yamamoto 2014, "CholeskyQR2: a simple and communication-
// avoiding algorithm for computing a tall-skinny QR factorization", ScalA):
// Q = Y R^-1 with R^T R = Y^T Y, done `passes` times (one pass gives a
// well-conditioned basis, enough between power iterations; two give an
// orthonormal one). Much faster than Householder QR for tall, thin Y; falls
// back to it when the Gram matrix is too ill-conditioned.
Dense Orthonormal(const Dense& y, int passes, int32_t threads) {
  const int32_t l = static_cast<int32_t>(y.cols());
  Dense q = y;
  Eigen::MatrixXd g(l, l);  // symmetric: row- or column-major alike
  for (int pass = 0; pass < passes; ++pass) {
    Gram(q.data(), q.rows(), l, g.data(), threads);
    Eigen::LLT<Eigen::MatrixXd> llt(g);
    if (llt.info() != Eigen::Success) return HouseholderOrthonormal(y);
    const Eigen::MatrixXd r_inverse =
        llt.matrixU().solve(Eigen::MatrixXd::Identity(l, l));
    q = (q * r_inverse).eval();
  }
  if (passes > 1) {
    Gram(q.data(), q.rows(), l, g.data(), threads);
    if (!((g - Eigen::MatrixXd::Identity(l, l)).cwiseAbs().maxCoeff() < 1e-10)) {
      return HouseholderOrthonormal(y);
    }
  }
  return q;
}

Dense Product(const CsrMatrix& a, const Dense& b, int32_t threads) {
  Dense out(a.rows, b.cols());
  SparseTimesDense(a, b.data(), static_cast<int32_t>(b.cols()), out.data(), threads);
  return out;
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
                 int32_t threads) {
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
  const int32_t q = options.power_iterations >= 0 ? options.power_iterations
                    : (k < 0.1 * static_cast<double>(smallest) ? 7 : 4);
  candor::internal::RandomStream rng(candor::internal::Mix64(options.seed ^ 0x5356445f4e4d46ull));
  Dense omega(x.cols, l);
  for (int64_t i = 0; i < omega.size(); ++i) omega.data()[i] = Normal(rng);
  Dense y = Product(x, omega, threads);
  for (int32_t i = 0; i < q; ++i) {
    const Dense z = Product(xt, Orthonormal(y, 1, threads), threads);
    y = Product(x, Orthonormal(z, 1, threads), threads);
  }
  const Dense qy = Orthonormal(y, 2, threads);
  // X ~= Q B with B = Q^T X; SVD of B^T = X^T Q = Um S Vm^T gives X ~= (Q Vm) S Um^T.
  const Eigen::MatrixXd bt = Product(xt, qy, threads);
  Eigen::BDCSVD<Eigen::MatrixXd> svd(bt, Eigen::ComputeThinU | Eigen::ComputeThinV);
  const Dense u = qy * svd.matrixV();
  return Take(u, svd.matrixU(), svd.singularValues(), k);
}

void Nndsvd(const CsrMatrix& x, const Svd& svd, int32_t k, const NmfOptions& options,
            std::vector<double>* w_out, std::vector<double>* ht_out) {
  const int64_t n = x.rows, m = x.cols;
  std::vector<double>& w = *w_out;
  std::vector<double>& ht = *ht_out;
  w.assign(static_cast<size_t>(n * k), 0.0);
  ht.assign(static_cast<size_t>(m * k), 0.0);
  auto norm_of = [](const std::vector<double>& a, int64_t rows, int32_t kk, int32_t j,
                    int sign) {
    double s = 0;
    for (int64_t i = 0; i < rows; ++i) {
      const double v = sign * a[i * kk + j];
      if (v > 0) s += v * v;
    }
    return std::sqrt(s);
  };
  for (int32_t j = 0; j < k; ++j) {
    if (j == 0) {
      const double root = std::sqrt(svd.sigma[0]);
      for (int64_t i = 0; i < n; ++i) w[i * k] = root * std::fabs(svd.u[i * k]);
      for (int64_t i = 0; i < m; ++i) ht[i * k] = root * std::fabs(svd.v[i * k]);
      continue;
    }
    const double up = norm_of(svd.u, n, k, j, 1), un = norm_of(svd.u, n, k, j, -1);
    const double vp = norm_of(svd.v, m, k, j, 1), vn = norm_of(svd.v, m, k, j, -1);
    const double mp = up * vp, mn = un * vn;
    const int sign = mp > mn ? 1 : -1;
    const double mass = mp > mn ? mp : mn;
    if (!(mass > 0)) continue;  // no positive part on either side: the column stays 0
    const double lambda = std::sqrt(svd.sigma[j] * mass);
    const double un_norm = sign > 0 ? up : un, vn_norm = sign > 0 ? vp : vn;
    for (int64_t i = 0; i < n; ++i) {
      w[i * k + j] = lambda * std::max(0.0, sign * svd.u[i * k + j]) / un_norm;
    }
    for (int64_t i = 0; i < m; ++i) {
      ht[i * k + j] = lambda * std::max(0.0, sign * svd.v[i * k + j]) / vn_norm;
    }
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
