/* Weight vectors at the edges of the double range, compiled as C against the
 * shared library: what the weight functions return as CANDOR_OK is finite
 * (found by fuzz/weights; issue 11). */
#include <candor.h>

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "check.h"

/* Kish's (sum w)^2 / sum w^2 squared a weight of 1e308 to inf: NaN. */
static void test_summary_of_huge_weights(void) {
  const double huge[3] = {1e308, 0.75, 2.5};
  const double too_huge[2] = {1e308, 1e308};
  candor_weight_summary s;
  CHECK(candor_weight_summarize(huge, 3, &s) == CANDOR_OK);
  CHECK_NEAR(s.effective_n, 1.0, 1e-12);
  CHECK_NEAR(s.design_effect, 3.0, 1e-12);
  CHECK(s.max == 1e308 && s.min == 0.75);
  /* Their sum is beyond the largest double: an error, not inf. */
  CHECK(candor_weight_summarize(too_huge, 2, &s) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "sum") != NULL);
}

/* A cap of 4.9e-324 times the mean: every weight clamped to it, and the
 * rescale sum / (n cap) overflowed, giving inf weights. */
static void test_trim_to_a_tiny_cap(void) {
  const double weights[4] = {2.0, 2.75, 1e-284, 1.25};
  double out[4];
  size_t i;
  CHECK(candor_trim_weights(weights, 4, 4.9e-324, 0, 0, out) == CANDOR_OK);
  for (i = 0; i < 4; ++i) {
    CHECK(isfinite(out[i]));
    CHECK_NEAR(out[i], (2.0 + 2.75 + 1e-284 + 1.25) / 4, 1e-12);
  }
}

int main(void) {
  test_summary_of_huge_weights();
  test_trim_to_a_tiny_cap();
  return report();
}
