// C_NPMI topic coherence over boolean document co-occurrence (Röder, Both and
// Hinneburg 2015; Bouma 2009), as documented in text_discovery.hpp.
#include <candor/text_discovery.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "nmf_kernels.hpp"

namespace candor::text {

Result<std::vector<double>> NpmiCoherence(const CsrMatrix& documents,
                                          const std::vector<std::vector<int32_t>>& topics) {
  CANDOR_RETURN_IF_ERROR(ValidateCsr(documents, /*nonnegative=*/false));
  if (documents.rows == 0) return Empty("no documents to measure coherence on");
  for (size_t t = 0; t < topics.size(); ++t) {
    for (int32_t term : topics[t]) {
      if (term < 0 || term >= documents.cols) {
        return OutOfRange("topic " + std::to_string(t) + ": term " + std::to_string(term) +
                          " is outside [0, " + std::to_string(documents.cols) + ")");
      }
    }
  }
  // Postings: the sorted documents of each term (nonzero entries only).
  const CsrMatrix by_term = internal::Transpose(documents);
  auto postings = [&](int32_t term) {
    std::vector<int32_t> docs;
    for (int64_t p = by_term.row_ptr[term]; p < by_term.row_ptr[term + 1]; ++p) {
      if (by_term.value[p] != 0) docs.push_back(by_term.col[p]);
    }
    return docs;
  };
  constexpr double kEpsilon = 1e-12;  // Röder et al. 2015; Palmetto, gensim
  const double d = static_cast<double>(documents.rows);
  std::vector<double> out;
  out.reserve(topics.size());
  std::vector<int32_t> both;
  for (const auto& topic : topics) {
    if (topic.size() < 2) {
      out.push_back(std::nan(""));
      continue;
    }
    std::vector<std::vector<int32_t>> lists;
    for (int32_t term : topic) lists.push_back(postings(term));
    double sum = 0;
    int64_t pairs = 0;
    for (size_t i = 0; i < lists.size(); ++i) {
      for (size_t j = i + 1; j < lists.size(); ++j) {
        both.clear();
        std::set_intersection(lists[i].begin(), lists[i].end(), lists[j].begin(),
                              lists[j].end(), std::back_inserter(both));
        const double pi = lists[i].size() / d, pj = lists[j].size() / d;
        const double pij = both.size() / d;
        double npmi;
        if (pij >= 1) {
          npmi = 1;  // both terms in every document
        } else if (pi == 0 || pj == 0) {
          npmi = -1;  // a term in no document never co-occurs: Bouma's lower bound
        } else {
          npmi = std::log((pij + kEpsilon) / (pi * pj)) / -std::log(pij + kEpsilon);
        }
        sum += npmi;
        ++pairs;
      }
    }
    out.push_back(sum / static_cast<double>(pairs));
  }
  return out;
}

}  // namespace candor::text
