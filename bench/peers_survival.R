# R's survival on the columns bench/run_survival.sh writes (time, event, risk
# f64; group i32): concordance(Surv(time, event) ~ risk, reverse = TRUE)
# (timewt "n" and "n/G2"), survfit(Surv(time, event) ~ group) and
# survdiff(Surv(time, event) ~ group), each timed over REPS calls (median of
# elapsed seconds). Prints one JSON object.
#
#   Rscript bench/peers_survival.R DIR REPS
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
reps <- as.integer(args[2])
read_f64 <- function(name) {
  path <- file.path(dir, name)
  readBin(path, "double", n = file.size(path) / 8, size = 8, endian = "little")
}
time <- read_f64("time.f64")
event <- read_f64("event.f64")
risk <- read_f64("risk.f64")
group <- readBin(file.path(dir, "group.i32"), "integer", n = file.size(file.path(dir, "group.i32")) / 4,
                 size = 4, endian = "little")
median_seconds <- function(f) {
  value <- NULL
  seconds <- sapply(seq_len(reps), function(i) {
    t <- system.time(value <<- f())[["elapsed"]]
    t
  })
  list(seconds = median(seconds), value = value)
}
harrell <- median_seconds(function() concordance(Surv(time, event) ~ risk, reverse = TRUE))
uno <- median_seconds(function() concordance(Surv(time, event) ~ risk, reverse = TRUE,
                                             timewt = "n/G2"))
km <- median_seconds(function() survfit(Surv(time, event) ~ group))
lr <- median_seconds(function() survdiff(Surv(time, event) ~ group))
first_curve <- km$value[1]
cat(sprintf(paste0('{"rows": %d, "reps": %d, "survival_version": "%s", ',
                   '"concordance_seconds": %.6f, "uno_seconds": %.6f, ',
                   '"survfit_seconds": %.6f, "survdiff_seconds": %.6f, ',
                   '"concordance": %.17g, "concordance_std_error": %.17g, ',
                   '"uno": %.17g, "uno_std_error": %.17g, "km_points": %d, ',
                   '"km_first_curve_last_survival": %.17g, "chi_square": %.17g}\n'),
            length(time), reps, as.character(packageVersion("survival")),
            harrell$seconds, uno$seconds, km$seconds, lr$seconds,
            harrell$value$concordance, sqrt(harrell$value$var),
            uno$value$concordance, sqrt(uno$value$var), length(km$value$time),
            tail(first_curve$surv, 1), lr$value$chisq))
