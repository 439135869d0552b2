# Generates tests/data/design/{responses,reference}.csv: a seeded survey of
# 400 responses from 40 accounts of unequal sizes, and R survey (4.1)
# estimates under clustered, post-stratified, raked and linearly calibrated
# designs, for tests/cpp/score/score_design_test.cc.
#
# Run from the repository root:  Rscript tests/crosscheck/design_reference.R
suppressPackageStartupMessages(library(survey))
set.seed(20240611)

n_accounts <- 40
# Unequal account sizes summing to 400 (at least 2 responses each).
sizes <- 2 + as.vector(rmultinom(1, 400 - 2 * n_accounts, prob = rexp(n_accounts)))
account <- rep(0:(n_accounts - 1), times = sizes)
n <- length(account)
# Account-level effects make responses within an account correlated.
account_effect <- rnorm(n_accounts, sd = 1.5)[account + 1]
region <- sample(0:3, n, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1))
plan <- sample(0:2, n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
tenure <- round(rgamma(n, shape = 2, rate = 0.5), 2)
latent <- 7 + account_effect + 0.4 * (plan - 1) - 0.3 * (region == 2) + rnorm(n, sd = 1.8)
score <- pmin(10, pmax(0, round(latent)))
weight <- round(runif(n, 0.5, 3), 3)
# Comparison groups: 0 = a, 1 = b, 2 = neither; many accounts answer in both.
group <- sample(0:2, n, replace = TRUE, prob = c(0.45, 0.4, 0.15))
nps <- ifelse(score >= 9, 1, ifelse(score <= 6, -1, 0))
top2 <- as.numeric(score >= 9)

df <- data.frame(score, account, weight, region, plan, tenure, group, nps, top2)
df$region_f <- factor(df$region)
df$plan_f <- factor(df$plan)
df$group_f <- factor(df$group)

d_account <- svydesign(ids = ~account, weights = ~weight, data = df)
d_flat <- svydesign(ids = ~1, weights = ~weight, data = df)

# Population figures the calibrations aim at.
pop_region <- data.frame(region_f = factor(0:3), Freq = c(900, 700, 600, 300))
pop_plan <- data.frame(plan_f = factor(0:2), Freq = c(1100, 900, 500))
pop_linear <- c(`(Intercept)` = 2500, region_f1 = 700, region_f2 = 600, region_f3 = 300,
                tenure = 2500 * 4.2)

calibrate_all <- function(d) {
  post <- postStratify(d, ~region_f, pop_region)
  rake <- rake(d, list(~region_f, ~plan_f), list(pop_region, pop_plan),
               control = list(maxit = 200, epsilon = 1e-14))
  linear <- calibrate(d, ~region_f + tenure, pop_linear, calfun = "linear")
  post_linear <- calibrate(post, ~region_f + tenure, pop_linear, calfun = "linear")
  list(post = post, rake = rake, linear = linear, post_linear = post_linear)
}
account_designs <- c(list(none = d_account), calibrate_all(d_account))
flat_designs <- c(list(none = d_flat), calibrate_all(d_flat))

# The calibrated weights, for the C++ test to rebuild each CalibrationStep.
df$w_post <- weights(account_designs$post)
df$w_rake <- weights(account_designs$rake)
df$w_linear <- weights(account_designs$linear)
df$w_post_linear <- weights(account_designs$post_linear)
stopifnot(isTRUE(all.equal(unname(df$w_rake), unname(weights(flat_designs$rake)))))
write.csv(df[, c("score", "account", "weight", "region", "plan", "tenure", "group",
                 "w_post", "w_rake", "w_linear", "w_post_linear")],
          "tests/data/design/responses.csv", row.names = FALSE, quote = FALSE)

rows <- list()
add <- function(name, value) rows[[length(rows) + 1]] <<- data.frame(name = name, value = as.numeric(value))

# a - b for domain means sharing one design. survey 4.1.1's svyby(covmat =
# TRUE) fails on calibrated designs (its subsets keep all rows, and it then
# misplaces their influence values), so the difference comes from svyglm on
# the domain indicator (treatment coding: the coefficient of `in_b` is
# mean_b - mean_a, with the same linearization); on uncalibrated designs it
# is checked against svyby + svycontrast, and on all designs against
# svyrecvar applied to the stacked domain influence values.
# (svyglm warns that zero-weight rows of calibrated subsets are left out of
# its dispersion, which the design variance does not use.)
domain_difference <- function(d, in_a, in_b) {
  d2 <- update(d, in_a = in_a, in_b = in_b)
  d2 <- subset(d2, in_a | in_b)
  fit <- suppressWarnings(svyglm(nps ~ in_b, design = d2))
  value <- -coef(fit)[["in_bTRUE"]]
  se <- suppressWarnings(SE(fit))[["in_bTRUE"]]
  if (is.null(d$postStrata)) {
    g <- factor(ifelse(in_a, "a", ifelse(in_b, "b", "c")))
    by <- svyby(~nps, ~g, update(d, g = g), svymean, covmat = TRUE)
    k <- c(1, -1, rep(0, nrow(by) - 2))
    stopifnot(abs(coef(svycontrast(by, k)) - value) < 1e-12,
              abs(SE(svycontrast(by, k)) - se) < 1e-12 * se)
  }
  influence <- function(inside) {
    m <- svymean(~nps, d[inside, ], influence = TRUE)
    e <- attr(m, "influence")
    if (NROW(e) == nrow(df)) return(as.vector(e))
    full <- numeric(nrow(df))
    full[inside] <- e
    full
  }
  stacked <- cbind(influence(in_a), influence(in_b))
  v <- svyrecvar(stacked, d$cluster, d$strata, d$fpc, postStrata = d$postStrata)
  stopifnot(abs(sqrt(v[1, 1] + v[2, 2] - 2 * v[1, 2]) - se) < 1e-10 * se)
  c(value, se)
}

for (ids in c("account", "flat")) {
  designs <- if (ids == "account") account_designs else flat_designs
  for (cal in names(designs)) {
    d <- designs[[cal]]
    prefix <- paste(ids, cal, sep = ".")
    m <- svymean(~nps, d)
    add(paste0(prefix, ".mean"), coef(m))
    add(paste0(prefix, ".se"), SE(m))
    b <- svymean(~top2, d)
    add(paste0(prefix, ".top2.mean"), coef(b))
    add(paste0(prefix, ".top2.se"), SE(b))
    # Two groups sharing accounts: a (0) - b (1).
    diff <- domain_difference(d, df$group == 0, df$group == 1)
    add(paste0(prefix, ".group.diff"), diff[1])
    add(paste0(prefix, ".group.diff_se"), diff[2])
    for (g in 0:1) {
      m <- svymean(~nps, subset(d, group == g))
      add(paste0(prefix, ".group", g, ".mean"), coef(m))
      add(paste0(prefix, ".group", g, ".se"), SE(m))
    }
    # Each region against the rest, and each region's domain estimate.
    by_region <- svyby(~nps, ~region_f, d, svymean)
    for (r in 0:3) {
      add(paste0(prefix, ".region", r, ".mean"), coef(by_region)[r + 1])
      add(paste0(prefix, ".region", r, ".se"), SE(by_region)[r + 1])
      vs <- domain_difference(d, df$region == r, df$region != r)
      add(paste0(prefix, ".region", r, ".vs_rest"), vs[1])
      add(paste0(prefix, ".region", r, ".vs_rest_se"), vs[2])
    }
  }
}
# Without clusters or calibration candor compares groups as independent
# samples (each its own ids = ~1 design), as Compare and Breakdown do.
independent_se <- function(in_a, in_b) {
  se <- function(inside) SE(svymean(~nps, svydesign(ids = ~1, weights = ~weight,
                                                     data = df[inside, ])))
  sqrt(se(in_a)^2 + se(in_b)^2)
}
add("flat.none.group.independent_diff_se", independent_se(df$group == 0, df$group == 1))
for (r in 0:3) {
  add(paste0("flat.none.region", r, ".independent_vs_rest_se"),
      independent_se(df$region == r, df$region != r))
}
reference <- do.call(rbind, rows)
write.csv(data.frame(name = reference$name, value = sprintf("%.17g", reference$value)),
          "tests/data/design/reference.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(df), "responses and", nrow(reference), "reference values\n")
