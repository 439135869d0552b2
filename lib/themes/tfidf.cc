// TF-IDF exactly as scikit-learn's TfidfTransformer (see text_discovery.hpp),
// and the structural check every sparse input goes through.
#include <candor/text_discovery.hpp>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace candor::text {

Status ValidateCsr(const CsrMatrix& m, bool nonnegative) {
  if (m.rows < 0 || m.cols < 0) return InvalidArgument("matrix has negative dimensions");
  if (m.cols > INT32_MAX) return InvalidArgument("matrix has more than 2^31 - 1 columns");
  if (static_cast<int64_t>(m.row_ptr.size()) != m.rows + 1) {
    return InvalidArgument("row_ptr has " + std::to_string(m.row_ptr.size()) +
                           " entries, rows + 1 = " + std::to_string(m.rows + 1) + " expected");
  }
  if (m.value.size() != m.col.size()) {
    return LengthMismatch("matrix has " + std::to_string(m.col.size()) + " column indices but " +
                          std::to_string(m.value.size()) + " values");
  }
  if (m.row_ptr[0] != 0 || m.row_ptr[m.rows] != m.nnz()) {
    return InvalidArgument("row_ptr must start at 0 and end at the number of entries");
  }
  // Every row pointer first: from 0 to nnz without a decrease, each row's
  // entries then lie within the arrays.
  for (int64_t r = 0; r < m.rows; ++r) {
    if (m.row_ptr[r + 1] < m.row_ptr[r]) {
      return InvalidArgument("row_ptr decreases at row " + std::to_string(r));
    }
  }
  for (int64_t r = 0; r < m.rows; ++r) {
    for (int64_t p = m.row_ptr[r]; p < m.row_ptr[r + 1]; ++p) {
      const int32_t c = m.col[p];
      if (c < 0 || c >= m.cols) {
        return InvalidArgument("row " + std::to_string(r) + ": column " + std::to_string(c) +
                               " is outside [0, " + std::to_string(m.cols) + ")");
      }
      if (p > m.row_ptr[r] && c <= m.col[p - 1]) {
        return InvalidArgument("row " + std::to_string(r) +
                               ": column indices are not strictly increasing");
      }
      const double v = m.value[p];
      if (!std::isfinite(v) || (nonnegative && v < 0)) {
        return InvalidArgument("entry (" + std::to_string(r) + ", " + std::to_string(c) +
                               ") = " + std::to_string(v) +
                               (nonnegative ? " is not finite and >= 0" : " is not finite"));
      }
    }
  }
  return OkStatus();
}

Result<CsrMatrix> Tfidf(const CsrMatrix& counts, const TfidfOptions& options,
                        std::vector<double>* idf_out) {
  CANDOR_RETURN_IF_ERROR(ValidateCsr(counts, /*nonnegative=*/true));
  // Document frequency: positive entries per column. (scikit-learn counts
  // stored entries; the two agree when no zero is stored, as in counts built
  // by BuildDocumentTerms.)
  std::vector<int64_t> df(static_cast<size_t>(counts.cols), 0);
  for (int64_t p = 0; p < counts.nnz(); ++p) {
    if (counts.value[p] > 0) ++df[counts.col[p]];
  }
  const double n = static_cast<double>(counts.rows);
  std::vector<double> idf(df.size());
  for (size_t t = 0; t < df.size(); ++t) {
    const double d = static_cast<double>(df[t]);
    // A column with df = 0 (possible only without smoothing) gets idf 1 + ln(n / 0)
    // = inf in scikit-learn; its entries are all zero, so any finite value does.
    idf[t] = options.smooth_idf ? std::log((1.0 + n) / (1.0 + d)) + 1.0
                                : (d > 0 ? std::log(n / d) + 1.0 : 1.0);
  }
  CsrMatrix out = counts;
  for (int64_t r = 0; r < out.rows; ++r) {
    double norm2 = 0;
    for (int64_t p = out.row_ptr[r]; p < out.row_ptr[r + 1]; ++p) {
      double tf = out.value[p];
      if (options.sublinear_tf && tf > 0) tf = 1.0 + std::log(tf);
      const double x = tf * idf[out.col[p]];
      out.value[p] = x;
      norm2 += x * x;
    }
    if (options.l2_normalize && norm2 > 0) {
      const double norm = std::sqrt(norm2);
      for (int64_t p = out.row_ptr[r]; p < out.row_ptr[r + 1]; ++p) out.value[p] /= norm;
    }
  }
  if (idf_out != nullptr) *idf_out = std::move(idf);
  return out;
}

}  // namespace candor::text
