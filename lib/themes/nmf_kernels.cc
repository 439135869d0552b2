#include "nmf_kernels.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cstring>

#include "common/parallel.hpp"

namespace candor::text::internal {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

CsrMatrix Transpose(const CsrMatrix& m) {
  CsrMatrix t;
  t.rows = m.cols;
  t.cols = m.rows;
  t.row_ptr.assign(static_cast<size_t>(t.rows) + 1, 0);
  for (int32_t c : m.col) ++t.row_ptr[c + 1];
  for (int64_t r = 0; r < t.rows; ++r) t.row_ptr[r + 1] += t.row_ptr[r];
  t.col.resize(m.col.size());
  t.value.resize(m.value.size());
  std::vector<int64_t> next(t.row_ptr.begin(), t.row_ptr.end() - 1);
  for (int64_t r = 0; r < m.rows; ++r) {  // rows in order: columns of t stay sorted
    for (int64_t p = m.row_ptr[r]; p < m.row_ptr[r + 1]; ++p) {
      const int64_t q = next[m.col[p]]++;
      t.col[q] = static_cast<int32_t>(r);
      t.value[q] = m.value[p];
    }
  }
  return t;
}

void SparseTimesDense(const CsrMatrix& a, const double* b, int32_t k, double* out,
                      int32_t threads) {
  candor::internal::ParallelChunks(
      static_cast<size_t>(a.rows), threads, [&](size_t, size_t begin, size_t end) {
        for (size_t r = begin; r < end; ++r) {
          double* o = out + r * k;
          std::fill(o, o + k, 0.0);
          for (int64_t p = a.row_ptr[r]; p < a.row_ptr[r + 1]; ++p) {
            const double v = a.value[p];
            const double* row = b + static_cast<int64_t>(a.col[p]) * k;
            for (int32_t t = 0; t < k; ++t) o[t] += v * row[t];
          }
        }
      });
}

void AddBlockGram(const double* f, int64_t begin, int64_t end, int32_t k, double* out) {
  if (end <= begin) return;
  Eigen::Map<const RowMajor> block(f + begin * k, end - begin, k);
  Eigen::Map<RowMajor> g(out, k, k);
  g.noalias() += block.transpose() * block;
}

void ForEachBlock(int64_t rows, int32_t threads, const std::function<void(int64_t)>& block) {
  candor::internal::ParallelChunks(static_cast<size_t>(BlockCount(rows)), threads,
                                   [&](size_t, size_t begin, size_t end) {
                                     for (size_t b = begin; b < end; ++b) {
                                       block(static_cast<int64_t>(b));
                                     }
                                   });
}

void Gram(const double* f, int64_t rows, int32_t k, double* out, int32_t threads) {
  const int64_t blocks = BlockCount(rows);
  const size_t kk = static_cast<size_t>(k) * k;
  std::vector<double> partial(static_cast<size_t>(blocks) * kk, 0.0);
  ForEachBlock(rows, threads, [&](int64_t b) {
    AddBlockGram(f, b * kBlockRows, std::min(rows, (b + 1) * kBlockRows), k,
                 partial.data() + b * kk);
  });
  std::fill(out, out + kk, 0.0);
  for (int64_t b = 0; b < blocks; ++b) {
    for (size_t i = 0; i < kk; ++i) out[i] += partial[b * kk + i];
  }
}

}  // namespace candor::text::internal
