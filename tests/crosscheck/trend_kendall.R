#!/usr/bin/env Rscript
# Kendall cross-check of candor's Mann-Kendall test with R (base stats only;
# the CRAN package Kendall is not packaged for Debian, so its MannKendall()
# statistics are computed here from their definitions instead).
#
# For every series of tests/data/trend/trend_series.csv and
# variants_series.csv (constant series left out: R's tau is undefined there)
# writes tests/data/trend/trend_kendall_r.csv with
#   tau_b, z, p: cor.test(seq_along(x), x, method = "kendall", exact = FALSE,
#                continuity = TRUE) (estimate, statistic, p.value);
#   s_from_tau:  tau_b * sqrt(T0 (T0 - T2)), T0 = n(n-1)/2, T2 = tied pairs of x
#                (R's own inversion, cor.test.default);
#   s_direct:    sum_{i<j} sign(x_j - x_i) by the definition (outer());
#   var_s:       [n(n-1)(2n+5) - sum t(t-1)(2t+5)] / 18 with tie counts from table().
# Mapping to candor (time has no ties, so R's extra tie terms v1, v2 vanish):
#   candor s = S = tau_b sqrt(T0 (T0 - T2)); candor tau = S / T0 (tau-a), so
#   tau_a = tau_b sqrt((T0 - T2) / T0); candor z = (S - sign(S)) / sqrt(var_s)
#   = R's continuity-corrected statistic; candor p = R's two-sided p.value.
# Run from the repository root: Rscript tests/crosscheck/trend_kendall.R
dir <- file.path("tests", "data", "trend")
read_series <- function(name) {
  d <- read.csv(file.path(dir, name), stringsAsFactors = FALSE)
  split(d$value, factor(d$case, levels = unique(d$case)))
}
series <- c(read_series("trend_series.csv"), read_series("variants_series.csv"))
series <- series[!duplicated(names(series))]

rows <- list()
for (name in names(series)) {
  x <- series[[name]]
  if (length(unique(x)) < 2) next  # constant: tau undefined in R
  n <- length(x)
  ct <- cor.test(seq_len(n), x, method = "kendall", exact = FALSE, continuity = TRUE)
  t0 <- n * (n - 1) / 2
  ties <- as.numeric(table(x))
  t2 <- sum(ties * (ties - 1) / 2)
  s_direct <- sum(sign(outer(x, x, "-"))[upper.tri(diag(n))] * -1)
  rows[[name]] <- data.frame(
    case = name, n = n, tau_b = unname(ct$estimate), z = unname(ct$statistic),
    p = ct$p.value, s_from_tau = unname(ct$estimate) * sqrt(t0 * (t0 - t2)),
    s_direct = s_direct,
    var_s = (n * (n - 1) * (2 * n + 5) - sum(ties * (ties - 1) * (2 * ties + 5))) / 18)
}
out <- do.call(rbind, rows)
numeric <- vapply(out, is.numeric, TRUE)
out[numeric] <- lapply(out[numeric], function(v) sprintf("%.17g", v))
write.csv(out, file.path(dir, "trend_kendall_r.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("%s\n", R.version.string))
