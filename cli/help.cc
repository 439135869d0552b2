// Help, version and the small shared helpers of the commands.
#include <candor.h>

#include <iostream>
#include <string>

#include "commands.h"

namespace candor::cli {
namespace {

constexpr const char* kMainHelp =
    R"(candor: honest customer-feedback analytics (NPS, CSAT, CES with intervals)

Usage:
  candor score FILE [options]   estimate a metric, optionally broken down by segments
  candor report [FILE]          a readable NPS report (the bundled sample if no FILE)
  candor weight FILE --method M write FILE back with a weight column (raking,
                                post-stratification, inverse propensity,
                                recency, accounts) and say what it did
  candor trend FILE [options]   the metric per day/week/month/quarter with
                                changes, their minimal detectable change,
                                control limits, trend tests, change points
                                and accounts ranked by decline
  candor themes FILE [options]  what the comments say: sentiment, emotions,
                                urgent comments (churn, refund, legal,
                                safety, unresolved), themes from a taxonomy
                                or discovered, and which themes drive
                                detractors
  candor help [score|report|weight|trend|themes]  this help, or one command's
  candor --version

Input files must be regular files (a FIFO, directory or device is refused);
--max-bytes N refuses larger ones (every command that reads a CSV file).

Exit status: 0 success, 1 a data error (bad file or values), 2 a usage error.
)";

constexpr const char* kScoreHelp = R"(Usage: candor score FILE [options]

Estimates a metric from the score column of a CSV file (RFC 4180, UTF-8, one
header row), with its standard error, interval, n and effective n. With --by,
one row per segment, each compared with all other responses.

Options:
  --metric M            nps (default), csat (top-2 of 1..5), ces (mean of 1..7),
                        ces_agree (top-3 of 1..7), topbox, bottombox, mean
  --scale MIN:MAX       the score scale (default: the metric's; 0:10 for
                        topbox, bottombox and mean)
  --box K               points in the top/bottom box
  --score-column NAME   column of scores (default: score)
  --weight-column NAME  column of weights (default: unweighted)
  --by COLUMN           break down by a segment column; repeat or use commas
                        (--by region,plan) to cross columns
  --interval I          wald (default), adjusted_wald, bayes, bootstrap
  --level L             confidence level in (0, 1) (default 0.95)
  --seed N              bootstrap seed (default 42)
  --replicates N        bootstrap replicates (default 2000)
  --p-adjust A          holm (default), bh, none: across breakdown rows
  --skip-bad-rows       skip (and count) rows that cannot be read
  --delimiter C         field delimiter (default ','; 'tab' or '\t' for tabs)
  --max-bytes N         refuse FILE (or POP) if larger than N bytes; K, M, G
                        suffixes for KiB, MiB, GiB (default 0: no limit)
  --format F            table (default), json, csv

Design-based scoring (Wald intervals only):
  --population POP.csv  the invited population, one row per customer: rake
                        the responses to its margins (base weights from
                        --weight-column, if given) and use the calibration-
                        aware linearization variance (as R survey's svymean)
  --margin COLUMN       a margin to rake to; repeat (or commas) for several;
                        the column must exist in FILE and in POP
  --calibration C       rake (default) or poststratify (joint cells of the
                        margins, w = w0 N_cell / sum of w0 in the cell)
  --account-column NAME cluster by account: a cluster-robust standard error
                        (C/(C-1) times the sum of squared account totals of
                        the linearized values); works without --population
  The output shows the naive estimate (responses independent, base weights)
  next to the design-based one, how far the correction moved the estimate,
  and the design effect (design variance / naive variance).
)";

constexpr const char* kReportHelp = R"(Usage: candor report [FILE] [options]

A readable NPS report: the overall NPS with its interval and what it means,
the NPS by segment (region, plan, role when present) with differences that
hold after Holm adjustment, and by calendar month (UTC). Without FILE, runs on
the bundled synthetic sample. Uses the 'weight' column when present.

Options:
  --score-column NAME   column of 0-10 scores (default: score)
  --weight-column NAME  column of weights (default: 'weight' if present)
  --unweighted          ignore weights
  --time-column NAME    column of times (default: timestamp, time, date,
                        submitted_at or created_at, the first present)
  --by COLUMN           segment columns to show instead of region, plan, role
  --level L             confidence level (default 0.95)
  --skip-bad-rows       skip (and count) rows that cannot be read
  --delimiter C         field delimiter (default ',')
  --max-bytes N         refuse FILE if larger than N bytes; K, M, G suffixes
                        for KiB, MiB, GiB (default 0: no limit)
  --format F            table (default) or json
)";

constexpr const char* kWeightHelp =
    R"(Usage: candor weight FILE --method M [--method M ...] [options]

Reads the responses in FILE and writes them back, every field unchanged,
with one more column of weights (to --output, or stdout). Diagnostics go to
stderr (to stdout when --output is given): the weight sum, min, max,
max/min, Kish effective n and design effect, and each method's fit.

Methods (repeat --method to combine): recency, accounts, ipw and a base
weight column are multiplied (rescaled to mean 1 when more than one);
rake or poststratify then calibrate that product to the population, so
the output reproduces the population margins; --trim-ratio comes last.
  rake           iterative proportional fitting to the margins of POP
  poststratify   w = w0 N_cell / sum of w0 over the cell (joint margins)
  ipw            1 / p(responded | covariates), p from a logistic fit over
                 every invited customer; the rows written are POP's
                 respondents (POP given as FILE or --population)
  recency        0.5 ^ (age / half-life), age from --reference-time
  accounts       how much each account counts, spread over its responses

Options:
  --output OUT.csv        write the weighted file here (default: stdout)
  --weight-name NAME      the new column (default: candor_weight)
  --format F              diagnostics as table (default) or json
  --population POP.csv    the invited population (rake, poststratify, ipw)
  --margin COLUMN         a margin counted from POP; repeat for several
  --covariate COLUMN      ipw: a covariate in POP (numeric if every value is
                          a number, else categorical); repeat
  --responded-column NAME ipw: 0/1, yes/no or true/false in POP
  --ipw-penalty L         ipw: L2 penalty on the standardized coefficients
                          (sklearn C = 1 / L; default 0)
  --half-life DAYS        recency: the age at which a response counts half
  --reference-time T      recency: ISO 8601 or epoch seconds (default: the
                          newest response)
  --time-column NAME      recency (default: timestamp, time, date, ...)
  --account-column NAME   accounts: the account of each response
  --account-mode M        equal (default: each account sums to 1),
                          per_response, by_value (sums to --value-column)
  --value-column NAME     accounts by_value: ARR, seats (one per account)
  --role-column NAME      accounts: spread within an account by role
  --role-weight ROLE=W    a role's weight (others 1); repeat
  --base-weight-column N  multiply in an existing weight column (>= 0)
  --trim-ratio R          cap weights at R x the mean, then rescale
  --delimiter C           field delimiter (default ',')
  --max-bytes N           refuse FILE or POP if larger than N bytes; K, M, G
                          suffixes for KiB, MiB, GiB (default 0: no limit)
)";

constexpr const char* kTrendHelp = R"(Usage: candor trend FILE [options]

Is the metric improving, declining or holding steady? One row per calendar
bucket (in a time zone) with its estimate, interval and n; the change from the
previous bucket with its p-value and its minimal detectable change (MDC: the
smallest true change these volumes would detect with 80% power; a smaller
change cannot be told from noise); control limits (center +/- 3 sigma from
each bucket's n; buckets outside are marked). Then trend tests on the bucket
estimates: Mann-Kendall (tau, z, p), Sen's slope with its interval, and the
weighted least-squares slope (weights 1/SE^2), with a verdict.

Options:
  --every P             day, week (ISO, Monday start), month (default), quarter
  --tz ZONE             IANA time zone of the buckets (default UTC), e.g.
                        Europe/Paris, America/New_York, Etc/GMT+5: a tz
                        database name, never a file path
  --time-column NAME    column of times: ISO 8601 or Unix seconds (default:
                        the first of timestamp, time, date, submitted_at,
                        created_at)
  --metric M            nps (default), csat, ces, ces_agree, topbox,
                        bottombox, mean (as for score); --scale, --box too
  --score-column NAME   column of scores (default: score)
  --weight-column NAME  column of weights (default: unweighted)
  --account-column NAME responses of one account are correlated: cluster-
                        robust intervals, and the column --accounts ranks
  --by COLUMN           one series per segment of this column
  --window-days N       add a rolling estimate over the last N days
  --half-life-days H    add an exponentially weighted estimate (half-life H)
  --change-points       find when the level changed (PELT on the responses
                        in time order, multinomial cost)
  --penalty P           change-point penalty: bic (default), aic, or a number
  --accounts            rank accounts by significant decline (needs
                        --account-column): slope per 30 days with a robust
                        interval, Benjamini-Hochberg across accounts
  --level L             confidence level in (0, 1) (default 0.95)
  --skip-bad-rows       skip (and count) rows that cannot be read
  --delimiter C         field delimiter (default ',')
  --max-bytes N         refuse FILE if larger than N bytes; K, M, G suffixes
                        for KiB, MiB, GiB (default 0: no limit)
  --format F            table (default), json, csv (the bucket rows; with
                        --accounts, the account ranking)

Example:
  candor trend survey.csv --every month --tz Europe/Paris --change-points
)";

constexpr const char* kThemesHelp = R"(Usage: candor themes FILE [options]

Reads the comments of a CSV file and says what they carry: sentiment in
[-1, 1] (mean with its interval, shares positive / negative), emotions
(frustration, anger, annoyance, disappointment, confusion, delight,
gratitude), urgent comments with their reason (safety, legal, churn, refund,
unresolved), and themes: a taxonomy's (--taxonomy, hierarchical, matched per
sentence, with the sentiment of each mention) or discovered ones (NMF on
TF-IDF, the number chosen by coherence). With --score-column, per theme the
metric of the comments that mention it, its impact (the overall metric minus
the metric without those comments), the detractor relative risk and a
key-driver model; with --time-column, themes trending between the earlier
and the later period. Rows without a comment count in the metric and mention
no theme.

Options:
  --text-column NAME    column of comments (default: comment)
  --taxonomy FILE       themes from a JSON taxonomy (format: candor's
                        include/candor/text_taxonomy.hpp, at most 32 levels
                        of themes; a starter: data/taxonomies/cx_starter.json)
  --themes K            discover K themes (default: chosen by coherence)
  --seed S              seed of the discovery (default 0)
  --score-column NAME   scores: adds the drivers of the metric
  --metric M            nps (default), csat, topbox, bottombox, ... (as for
                        score); --scale, --box too
  --time-column NAME    times (ISO 8601 or Unix seconds): trending themes,
                        the later period against the earlier one
  --split TIME          when the later period starts (default: the median)
  --lexicon FILE        a sentiment lexicon merged over the built-in one
  --lexicon-format F    candor (term<TAB>valence -4..4, default), vader,
                        afinn
  --replace-lexicon     use --lexicon instead of the built-in lexicon
  --language CODE       ISO 639-1 language of every comment (default: detect)
  --repair-utf8         replace invalid UTF-8 by U+FFFD (default: an error)
  --urgent N            list N urgent comments (default 10)
  --level L             confidence level in (0, 1) (default 0.95)
  --threads N           threads (default 0: all cores)
  --delimiter C         field delimiter (default ',')
  --max-bytes N         refuse FILE if larger than N bytes; K, M, G suffixes
                        for KiB, MiB, GiB (default 0: no limit; --lexicon and
                        --taxonomy files are limited to 64 MiB)
  --format F            table (default), json, csv (one row per comment:
                        sentiment, emotions, urgency, themes)

Example:
  candor themes survey.csv --taxonomy cx_starter.json --score-column score
)";

}  // namespace

int PrintHelp(const std::string& topic) {
  if (topic == "score") {
    std::cout << kScoreHelp;
  } else if (topic == "report") {
    std::cout << kReportHelp;
  } else if (topic == "weight") {
    std::cout << kWeightHelp;
  } else if (topic == "trend") {
    std::cout << kTrendHelp;
  } else if (topic == "themes") {
    std::cout << kThemesHelp;
  } else {
    std::cout << kMainHelp;
  }
  return kExitOk;
}

int PrintVersion() {
  std::cout << "candor " << CANDOR_VERSION_MAJOR << "." << CANDOR_VERSION_MINOR << "."
            << CANDOR_VERSION_PATCH << "\n";
  return kExitOk;
}

int Fail(int exit_code, const std::string& message) {
  std::cerr << "candor: error: " << message << "\n";
  return exit_code;
}

int FailData(const Status& status) {
  return Fail(kExitDataError, status.message().empty() ? "failed without a message (status " +
                                                             std::to_string(status.code()) + ")"
                                                       : status.message());
}

std::string IntervalName(IntervalMethod method) {
  switch (method) {
    case IntervalMethod::kWald:
      return "wald";
    case IntervalMethod::kAdjustedWald:
      return "adjusted_wald";
    case IntervalMethod::kBayes:
      return "bayes";
    case IntervalMethod::kBootstrap:
      return "bootstrap";
  }
  return "?";
}

std::string PAdjustName(PAdjust method) {
  switch (method) {
    case PAdjust::kNone:
      return "none";
    case PAdjust::kHolm:
      return "holm";
    case PAdjust::kBenjaminiHochberg:
      return "bh";
  }
  return "?";
}

}  // namespace candor::cli
