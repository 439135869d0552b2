// Poisson-bootstrap replicates of a (weighted) mean of metric values.
#ifndef CANDOR_SCORE_BOOTSTRAP_HPP_
#define CANDOR_SCORE_BOOTSTRAP_HPP_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor::internal {

class ProgressTicker;  // common/progress_ticker.hpp

// Unweighted: category c holds counts[c] responses of value values[c]. Each
// response is drawn Poisson(1) times, so a category's replicate count is
// Poisson(counts[c]): O(categories) per replicate. Replicate r uses stream
// (seed, stream, r) and is redrawn in the same stream if it comes out empty.
std::vector<double> BootstrapCounts(const std::vector<double>& values,
                                    const std::vector<int64_t>& counts, int replicates,
                                    uint64_t seed, uint64_t stream, int threads);

// Weighted: each response gets its own Poisson(1) multiplier; replicate r is
// sum m_i w_i v_i / sum m_i w_i. O(n) per replicate. `ticker` (may be null)
// is told each replicate and checked every 65,536 responses of one; once
// the call is cancelled the replicates are left unfinished (the caller
// checks ticker->Running()).
std::vector<double> BootstrapResponses(const std::vector<double>& point_values, int scale_min,
                                       const double* scores, const double* weights, size_t n,
                                       int replicates, uint64_t seed, uint64_t stream, int threads,
                                       ProgressTicker* ticker = nullptr);

}  // namespace candor::internal

#endif  // CANDOR_SCORE_BOOTSTRAP_HPP_
