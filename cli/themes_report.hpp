// candor themes: what the command computes (the text model's columns, the
// themes with their mentions and aspect sentiment, and with scores the
// drivers), shared by the computation and the output formats.
#ifndef CANDOR_CLI_THEMES_REPORT_HPP_
#define CANDOR_CLI_THEMES_REPORT_HPP_

#include <candor/drivers.hpp>
#include <candor/score.hpp>
#include <candor/text_model.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "args.hpp"

namespace candor::cli {

// One theme as the report shows it, whichever way it was found.
struct ReportTheme {
  std::string name;                // the taxonomy path, or the discovered label
  int depth = 0;                   // taxonomy depth (0 at the top; discovered: 0)
  std::vector<std::string> terms;  // discovered: the top terms; taxonomy: none
  double coherence = 0;            // discovered: mean NPMI of the top terms
  int64_t comments = 0;            // comments that mention it (or a descendant)
  int64_t mentions = 0;            // sentence-level mentions (discovered: = comments)
  double mean_sentiment = 0;       // mean aspect sentiment of its mentions; NaN: none
};

struct ThemesReport {
  size_t rows = 0;                        // comments read (rows of the file)
  size_t with_text = 0;                   // non-empty comments
  text::TextColumns text;                 // per comment
  Estimate sentiment;                     // mean sentiment over non-empty comments
  double share_positive = 0;              // of non-empty comments, sentiment >= +0.05
  double share_negative = 0;              // ... <= -0.05
  std::vector<int64_t> emotion_comments;  // per emotion: comments with intensity >= 0.5
  std::vector<int64_t> urgency_comments;  // per category 1..5 (index 0 unused)
  bool discovered = false;                // themes from NMF rather than a taxonomy
  double mean_coherence = 0;              // discovered
  std::vector<ReportTheme> themes;
  // Which comments mention which theme (ancestors included), as pairs.
  std::vector<int64_t> pair_comment;
  std::vector<int32_t> pair_theme;
  std::optional<ThemeDrivers> drivers;  // with --score-column
  std::string earlier_label;            // with --time-column: the periods
  std::string later_label;
};

Result<ThemesReport> ComputeThemes(const ThemesArgs& args);

// Prints the report as args.format asks (themes_output.cc); returns the exit code.
int PrintThemes(const ThemesArgs& args, const ThemesReport& report);

}  // namespace candor::cli

#endif  // CANDOR_CLI_THEMES_REPORT_HPP_
