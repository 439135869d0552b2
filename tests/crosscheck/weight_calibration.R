# Reference weights for tests/cpp/weight/weight_calibration_test.cc, from R's survey
# package on a seeded synthetic sample. Run from the repository root:
#   Rscript tests/crosscheck/weight_calibration.R
# Writes tests/data/weight/calibration_{sample,population,reference}.csv and
# tests/data/weight/balance_{population,reference}.csv.
suppressMessages(library(survey))
set.seed(20261123)
out <- "tests/data/weight"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
fmt <- function(x) sprintf("%.17g", x)

# --- sample: 360 respondents with unequal base weights ---------------------
n <- 360
region <- sample(0:3, n, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1))
age <- sample(0:2, n, replace = TRUE, prob = c(0.25, 0.45, 0.30))
tenure <- round(rgamma(n, shape = 2, scale = 1.5) + 0.25 * region, 3)
base_weight <- round(runif(n, 0.5, 3), 4)
d <- data.frame(id = seq_len(n) - 1, region = region, age = age, tenure = tenure,
                base_weight = base_weight)
d$region_f <- factor(region, levels = 0:3)
d$age_f <- factor(age, levels = 0:2)

# Population totals (N = 10000); region and age margins agree on N.
N <- 10000
region_pop <- c(3000, 3200, 2300, 1500)
age_pop <- c(3300, 3900, 2800)
# Joint cells region x age (cell code = region * 3 + age).
cell_pop <- as.vector(outer(region_pop, age_pop / N))  # column-major: region fastest
cells <- expand.grid(region_f = factor(0:3), age_f = factor(0:2))
cells$Freq <- round(cell_pop)
cells$Freq[1] <- cells$Freq[1] + (N - sum(cells$Freq))
tenure_total <- 31000

design <- svydesign(ids = ~1, weights = ~base_weight, data = d)

raked <- rake(design, list(~region_f, ~age_f),
              list(data.frame(region_f = factor(0:3), Freq = region_pop),
                   data.frame(age_f = factor(0:2), Freq = age_pop)),
              control = list(maxit = 100, epsilon = 1e-13))
post <- postStratify(design, ~region_f + age_f, cells)
# Intercept, region indicators 1..3 (treatment contrasts), tenure.
lin_pop <- c(N, region_pop[2:4], tenure_total)
names(lin_pop) <- c("(Intercept)", "region_f1", "region_f2", "region_f3", "tenure")
lin <- calibrate(design, ~region_f + tenure, population = lin_pop, calfun = "linear")

write.csv(data.frame(id = d$id, region = region, age = age, tenure = fmt(tenure),
                     base_weight = fmt(base_weight)),
          file.path(out, "calibration_sample.csv"), row.names = FALSE, quote = FALSE)
population <- rbind(
  data.frame(variable = "region", level = 0:3, total = region_pop),
  data.frame(variable = "age", level = 0:2, total = age_pop),
  data.frame(variable = "cell", level = as.integer(as.character(cells$region_f)) * 3 +
               as.integer(as.character(cells$age_f)), total = cells$Freq),
  data.frame(variable = "linear", level = 0:4, total = unname(lin_pop)))
population$total <- fmt(population$total)
write.csv(population, file.path(out, "calibration_population.csv"), row.names = FALSE,
          quote = FALSE)
write.csv(data.frame(id = d$id, rake = fmt(weights(raked)), poststratify = fmt(weights(post)),
                     linear = fmt(weights(lin))),
          file.path(out, "calibration_reference.csv"), row.names = FALSE, quote = FALSE)

# --- balance: ASMD of respondents vs the invited population ----------------
# ASMD = |mean_resp - mean_pop| / sd_pop with sd() (n - 1), before (unweighted)
# and after (weighted.mean with the respondents' weights).
m <- 500
b_region <- sample(0:2, m, replace = TRUE, prob = c(0.5, 0.3, 0.2))
b_spend <- round(rlnorm(m, 3, 0.6), 2)
p_respond <- plogis(-1 + 0.6 * (b_region == 2) + 0.01 * b_spend)
responded <- rbinom(m, 1, p_respond)
b_weight <- ifelse(responded == 1, round(1 / p_respond, 6), NA)
asmd <- function(x) {
  r <- responded == 1
  s <- sd(x)
  c(abs(mean(x[r]) - mean(x)) / s, abs(weighted.mean(x[r], b_weight[r]) - mean(x)) / s)
}
rows <- list(c("spend", asmd(b_spend)))
for (level in 0:2) rows[[length(rows) + 1]] <- c(paste0("region=", level),
                                                  asmd(as.numeric(b_region == level)))
ref <- as.data.frame(do.call(rbind, rows), stringsAsFactors = FALSE)
names(ref) <- c("variable", "asmd_before", "asmd_after")
ref$asmd_before <- fmt(as.numeric(ref$asmd_before))
ref$asmd_after <- fmt(as.numeric(ref$asmd_after))
write.csv(data.frame(responded = responded, region = b_region, spend = fmt(b_spend),
                     weight = ifelse(is.na(b_weight), "", fmt(b_weight))),
          file.path(out, "balance_population.csv"), row.names = FALSE, quote = FALSE)
write.csv(ref, file.path(out, "balance_reference.csv"), row.names = FALSE, quote = FALSE)

cat("rake converged margins:", svytotal(~region_f, raked)[1:4], "\n")
cat("linear weights range:", range(weights(lin)), "\n")
