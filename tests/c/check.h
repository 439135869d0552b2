/* Tiny assertion helpers shared by the C ABI tests (one program per file).
 * Each test program ends with: return report(); */
#ifndef CANDOR_TESTS_C_CHECK_H_
#define CANDOR_TESTS_C_CHECK_H_

#include <candor.h>

#include <math.h>
#include <stdio.h>

static int passed = 0;
static int failed = 0;

#define CHECK(cond)                                                       \
  do {                                                                    \
    if (cond) {                                                           \
      ++passed;                                                           \
    } else {                                                              \
      ++failed;                                                           \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n",       \
              __FILE__, __LINE__, #cond, candor_last_error());            \
    }                                                                     \
  } while (0)

#define CHECK_NEAR(a, b, tol) CHECK(fabs((a) - (b)) <= (tol))

/* Prints the tally; the exit code is 0 only if nothing failed. */
static int report(void) {
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

#endif /* CANDOR_TESTS_C_CHECK_H_ */
