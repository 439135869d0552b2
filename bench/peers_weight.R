# bench/peers_weight.R — R's survey package on the data bench/weight_bench.cc
# wrote (identical bytes): rake to three margins and svymean's standard error
# with and without clusters. Compares the answers with candor's and writes
# timings and agreement to a JSON file for bench/peers_weight.py --table.
#
#   Rscript bench/peers_weight.R DATA_DIR REPS OUT_JSON
suppressPackageStartupMessages({
  library(survey)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
reps <- as.integer(args[2])
out <- args[3]

manifest <- fromJSON(file.path(dir, "manifest.json"))
n <- manifest$rows
read_column <- function(name, what, size) {
  readBin(file.path(dir, paste0(name, ".bin")), what = what, n = n, size = size,
          endian = "little")
}
a <- read_column("a", "integer", 4)
b <- read_column("b", "integer", 4)
cc <- read_column("c", "integer", 4)
w0 <- read_column("w0", "double", 8)
score <- read_column("score", "double", 8)
w <- read_column("w", "double", 8)
account <- read_column("account", "integer", 4)
candor_rake <- read_column("rake_candor", "double", 8)
candor <- fromJSON(file.path(dir, "candor.json"))

# Same checksums as the C++ manifest: sum and sum of value * ((i mod 9973) + 1).
index_weight <- (seq_len(n) - 1) %% 9973 + 1
checksum_error <- 0
for (column in list(list("a", a), list("b", b), list("c", cc), list("w0", w0),
                    list("score", score), list("w", w), list("account", account))) {
  v <- as.numeric(column[[2]])
  expected <- manifest$columns[[column[[1]]]]
  got <- c(sum(v), sum(v * index_weight))
  want <- c(expected$sum, expected$indexed_sum)
  checksum_error <- max(checksum_error, abs(got - want) / pmax(abs(want), 1))
}
cat(sprintf("R read the same data: max relative checksum difference %.2g\n", checksum_error))
if (checksum_error > 1e-12) stop("checksums differ: R did not read the data C++ wrote")

time_it <- function(reps, f) {
  wall <- numeric(reps)
  cpu <- numeric(reps)
  value <- NULL
  for (r in seq_len(reps)) {
    gc()
    t <- system.time(value <- f())
    wall[r] <- t[["elapsed"]]
    cpu[r] <- t[["user.self"]] + t[["sys.self"]]
  }
  list(value = value, wall = wall, median_wall = median(wall), median_cpu = median(cpu))
}

# 1. Raking. Factors with every level, population tables in survey's form.
df <- data.frame(a = factor(a, levels = 0:3), b = factor(b, levels = 0:4),
                 c = factor(cc, levels = 0:9), w0 = w0, s = ifelse(score >= 9, 100,
                 ifelse(score <= 6, -100, 0)), w = w, account = account)
pop <- list(data.frame(a = factor(0:3), Freq = manifest$pop_a),
            data.frame(b = factor(0:4), Freq = manifest$pop_b),
            data.frame(c = factor(0:9), Freq = manifest$pop_c))
base <- svydesign(ids = ~1, weights = ~w0, data = df)
rake_run <- time_it(reps, function() {
  rake(base, list(~a, ~b, ~c), pop, control = list(maxit = 100, epsilon = 1e-10))
})
r_rake <- as.numeric(weights(rake_run$value))
rake_rel <- max(abs(r_rake - candor_rake) / r_rake)
cat(sprintf("rake: median %.3f s; max relative weight difference from candor %.3g\n",
            rake_run$median_wall, rake_rel))
rake_summary <- list(median_wall = rake_run$median_wall, median_cpu = rake_run$median_cpu,
                     wall = rake_run$wall, max_rel_weight_diff = rake_rel,
                     sum_weights = sum(r_rake))
rm(rake_run)

# 2. svymean's standard error, with clusters (accounts) and without.
clustered <- svydesign(ids = ~account, weights = ~w, data = df)
unclustered <- svydesign(ids = ~1, weights = ~w, data = df)
design_run <- function(design, candor_side, label) {
  run <- time_it(reps, function() svymean(~s, design))
  # The whole user path: building the design from the data frame, then svymean.
  formula <- if (label == "clusters") ~account else ~1
  with_build <- time_it(reps, function() {
    svymean(~s, svydesign(ids = formula, weights = ~w, data = df))
  })
  value <- as.numeric(coef(run$value))
  se <- as.numeric(SE(run$value))
  cat(sprintf("svymean (%s): NPS %.6f SE %.9f; median %.3f s (with svydesign %.3f s); ",
              label, value, se, run$median_wall, with_build$median_wall))
  cat(sprintf("candor SE %.9f, relative SE difference %.2g\n", candor_side$std_error,
              abs(se - candor_side$std_error) / se))
  list(median_wall = run$median_wall, median_cpu = run$median_cpu, wall = run$wall,
       with_design_median_wall = with_build$median_wall, with_design_wall = with_build$wall,
       value = value, std_error = se,
       value_abs_diff = abs(value - candor_side$value),
       std_error_rel_diff = abs(se - candor_side$std_error) / se)
}
clusters <- design_run(clustered, candor$design_clusters, "clusters")
no_clusters <- design_run(unclustered, candor$design_no_clusters, "no clusters")

result <- list(
  versions = list(R = R.version.string, survey = as.character(packageVersion("survey"))),
  checksum_max_rel_diff = checksum_error,
  rake = rake_summary, design_clusters = clusters, design_no_clusters = no_clusters)
writeLines(toJSON(result, auto_unbox = TRUE, digits = NA), out)
