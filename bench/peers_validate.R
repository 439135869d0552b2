# bench/peers_validate.R — R's pROC on the data bench/validate_bench.cc wrote
# (identical bytes): the AUC with DeLong's interval (ci.auc) and the paired
# DeLong test (roc.test), timed from the vectors a user holds, and in parts.
# Checks pROC's answers against candor's (DIR/candor.json) and writes
# timings and agreement to a JSON file.
#
#   Rscript bench/peers_validate.R DATA_DIR REPS OUT_JSON
suppressPackageStartupMessages({
  library(pROC)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
reps <- as.integer(args[2])
out <- args[3]

candor <- fromJSON(file.path(dir, "candor.json"))
n <- candor$n
read_column <- function(name, what, size) {
  readBin(file.path(dir, name), what = what, n = n, size = size, endian = "little")
}
a <- read_column("score_a.f64", "double", 8)
b <- read_column("score_b.f64", "double", 8)
y <- read_column("outcome.u8", "integer", 1)
stopifnot(length(a) == n, length(b) == n, length(y) == n, all(y %in% c(0, 1)))

# Wall and CPU (user + system) seconds of each repetition.
time_it <- function(f) {
  wall <- numeric(reps)
  cpu <- numeric(reps)
  value <- NULL
  for (r in seq_len(reps)) {
    gc()
    t <- system.time(value <- f())
    wall[r] <- t[["elapsed"]]
    cpu[r] <- t[["user.self"]] + t[["sys.self"]]
  }
  list(value = value, wall = wall, median = median(wall), cpu = median(cpu))
}

# 1. The AUC with DeLong's interval from the vectors: ci.auc builds the ROC.
ci_from_vectors <- time_it(function() {
  ci.auc(y, a, levels = c(0, 1), direction = "<", method = "delong", quiet = TRUE)
})
# The same in two steps: roc(), then ci.auc() and var() of the curve.
roc_a <- time_it(function() roc(y, a, levels = c(0, 1), direction = "<", quiet = TRUE))
ci_of_roc <- time_it(function() ci.auc(roc_a$value, method = "delong"))
se_a <- sqrt(var(roc_a$value, method = "delong"))

# 2. The paired test: two ROC curves, then roc.test.
roc_b <- time_it(function() roc(y, b, levels = c(0, 1), direction = "<", quiet = TRUE))
test_of_rocs <- time_it(function() {
  roc.test(roc_a$value, roc_b$value, paired = TRUE, method = "delong")
})
test_from_vectors <- time_it(function() {
  ra <- roc(y, a, levels = c(0, 1), direction = "<", quiet = TRUE)
  rb <- roc(y, b, levels = c(0, 1), direction = "<", quiet = TRUE)
  roc.test(ra, rb, paired = TRUE, method = "delong")
})

ci <- as.numeric(ci_from_vectors$value)
t <- test_of_rocs$value
agreement <- c(
  auc_a = abs(ci[2] - candor$auc_a),
  std_error_a = abs(se_a - candor$std_error_a),
  ci_low_a = abs(ci[1] - candor$ci_low_a),
  ci_high_a = abs(ci[3] - candor$ci_high_a),
  auc_b = abs(as.numeric(auc(roc_b$value)) - candor$auc_b),
  z = abs(as.numeric(t$statistic) - candor$z),
  ci_low_d = abs(t$conf.int[1] - candor$ci_low_d),
  ci_high_d = abs(t$conf.int[2] - candor$ci_high_d))
cat(sprintf("pROC vs candor, largest absolute difference: %.2g (%s)\n", max(agreement),
            names(agreement)[which.max(agreement)]))
if (max(agreement) > 1e-9) stop("pROC and candor disagree")

write_json(list(
  n = n, reps = reps, pROC = as.character(packageVersion("pROC")),
  r = R.version.string,
  ci_auc_from_vectors = ci_from_vectors$median, ci_auc_from_vectors_cpu = ci_from_vectors$cpu,
  ci_auc_from_vectors_all = ci_from_vectors$wall,
  roc = roc_a$median, roc_cpu = roc_a$cpu,
  ci_auc_of_roc = ci_of_roc$median, ci_auc_of_roc_cpu = ci_of_roc$cpu,
  roc_test_of_rocs = test_of_rocs$median, roc_test_of_rocs_cpu = test_of_rocs$cpu,
  roc_test_from_vectors = test_from_vectors$median,
  roc_test_from_vectors_cpu = test_from_vectors$cpu,
  roc_test_from_vectors_all = test_from_vectors$wall,
  max_abs_difference = max(agreement), p_value_r = t$p.value, p_value_candor = candor$p_value),
  out, auto_unbox = TRUE, digits = NA)
