// Dense and sparse kernels for NMF (nmf.cc, nmf_init.cc). Row-major dense
// factors; every sum that crosses rows runs over fixed blocks in block order,
// so results do not depend on the thread count.
#ifndef CANDOR_THEMES_NMF_KERNELS_HPP_
#define CANDOR_THEMES_NMF_KERNELS_HPP_

#include <candor/text_discovery.hpp>

#include <cstdint>
#include <functional>
#include <vector>

namespace candor::text::internal {

// Rows per block of every cross-row sum.
inline constexpr int64_t kBlockRows = 256;

inline int64_t BlockCount(int64_t rows) { return (rows + kBlockRows - 1) / kBlockRows; }

CsrMatrix Transpose(const CsrMatrix& m);

// out (a.rows x k) = a * b, b (a.cols x k); rows in parallel.
void SparseTimesDense(const CsrMatrix& a, const double* b, int32_t k, double* out,
                      int32_t threads);

// out (k x k) = f^T f for f (rows x k), summed over fixed blocks.
void Gram(const double* f, int64_t rows, int32_t k, double* out, int32_t threads);

// Adds rows [begin, end) of f's Gram matrix to out (k x k).
void AddBlockGram(const double* f, int64_t begin, int64_t end, int32_t k, double* out);

// Calls block(b) for every fixed block b of `rows`, on up to `threads`
// threads (each block on one thread).
void ForEachBlock(int64_t rows, int32_t threads, const std::function<void(int64_t)>& block);

}  // namespace candor::text::internal

#endif  // CANDOR_THEMES_NMF_KERNELS_HPP_
