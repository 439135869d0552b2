// NNDSVD initialization of NMF (Boutsidis and Gallopoulos 2008) from an exact
// or randomized SVD (text_discovery.hpp has the formulas).
#ifndef CANDOR_THEMES_NMF_INIT_HPP_
#define CANDOR_THEMES_NMF_INIT_HPP_

#include <candor/text_discovery.hpp>

#include <vector>

namespace candor::internal {
class ProgressTicker;
}

namespace candor::text::internal {

// The leading k singular triplets: u (rows x k), v (cols x k), row-major.
struct Svd {
  std::vector<double> u;
  std::vector<double> v;
  std::vector<double> sigma;
};

// x and its transpose xt; k <= min(rows, cols). The randomized method checks
// `ticker` (may be null) before each product with x: once the call is
// cancelled it stops early and what it returns must not be used.
Svd TruncatedSvd(const CsrMatrix& x, const CsrMatrix& xt, int32_t k, const NmfOptions& options,
                 int32_t threads, candor::internal::ProgressTicker* ticker);

// W (rows x k) and H^T (cols x k), row-major.
// svd is consumed: W and H^T take the place of U and V.
void Nndsvd(const CsrMatrix& x, Svd svd, int32_t k, const NmfOptions& options,
            std::vector<double>* w, std::vector<double>* ht);

}  // namespace candor::text::internal

#endif  // CANDOR_THEMES_NMF_INIT_HPP_
