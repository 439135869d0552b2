// Lexicon: folded term -> valence on -4..4; parsing of the candor, VADER and
// AFINN file formats (include/candor/text_sentiment.hpp).
#include <absl/container/flat_hash_map.h>
#include <candor/text_sentiment.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "common/read_file.hpp"
#include "lexicon_fold.hpp"
#include "lexicon_impl.hpp"

namespace candor::text {

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(const Lexicon& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
Lexicon& Lexicon::operator=(const Lexicon& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
Lexicon::Lexicon(Lexicon&& other) noexcept : impl_(std::move(other.impl_)) {
  other.impl_ = std::make_unique<Impl>();
}
Lexicon& Lexicon::operator=(Lexicon&& other) noexcept {
  std::swap(impl_, other.impl_);
  return *this;
}

size_t Lexicon::size() const { return impl_->valence.size(); }

bool Lexicon::Find(std::string_view folded_term, double* valence) const {
  auto it = impl_->valence.find(absl::string_view(folded_term.data(), folded_term.size()));
  if (it == impl_->valence.end()) return false;
  if (valence != nullptr) *valence = it->second;
  return true;
}

std::vector<std::pair<std::string, double>> Lexicon::Entries() const {
  std::vector<std::pair<std::string, double>> out(impl_->valence.begin(), impl_->valence.end());
  std::sort(out.begin(), out.end());
  return out;
}

void Lexicon::Merge(const Lexicon& other) {
  for (const auto& [term, v] : other.impl_->valence) impl_->valence[term] = v;
}

Status Lexicon::Add(std::string_view term, double valence) {
  if (!std::isfinite(valence) || valence < -4 || valence > 4) {
    return InvalidArgument("valence " + std::to_string(valence) + " is outside [-4, 4]");
  }
  Result<std::string> folded = internal::FoldTerm(term);
  if (!folded.ok()) return folded.status();
  if (folded->empty()) return InvalidArgument("empty term");
  impl_->valence[*folded] = valence;
  return OkStatus();
}

namespace {

// Strict decimal number (no trailing junk, finite).
bool ParseNumber(std::string_view field, double* out) {
  while (!field.empty() && (field.front() == ' ')) field.remove_prefix(1);
  while (!field.empty() && (field.back() == ' ' || field.back() == '\r')) field.remove_suffix(1);
  if (field.empty() || field.size() > 64) return false;
  char buf[65];
  std::copy(field.begin(), field.end(), buf);
  buf[field.size()] = '\0';
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(buf, &end);
  if (end != buf + field.size() || errno != 0 || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t a = 0;
  while (true) {
    const size_t tab = line.find('\t', a);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(a));
      return fields;
    }
    fields.push_back(line.substr(a, tab - a));
    a = tab + 1;
  }
}

const char* FormatName(LexiconFormat format) {
  switch (format) {
    case LexiconFormat::kCandor: return "candor";
    case LexiconFormat::kVader: return "VADER";
    case LexiconFormat::kAfinn: return "AFINN";
  }
  return "?";
}

}  // namespace

Result<Lexicon> Lexicon::Parse(std::string_view text, LexiconFormat format) {
  Lexicon lexicon;
  size_t line_no = 0;
  size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // UTF-8 byte order mark
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    auto fail = [&](const std::string& why) {
      return ParseError(std::string(FormatName(format)) + " lexicon line " +
                        std::to_string(line_no) + ": " + why);
    };
    const std::vector<std::string_view> fields = SplitTabs(line);
    double value = 0;
    switch (format) {
      case LexiconFormat::kCandor:
        if (fields.size() != 2) return fail("expected term<TAB>valence");
        if (!ParseNumber(fields[1], &value)) return fail("valence is not a number");
        if (value < -4 || value > 4) return fail("valence outside [-4, 4]");
        break;
      case LexiconFormat::kVader:
        if (fields.size() < 2) return fail("expected token<TAB>mean<TAB>sd<TAB>[ratings]");
        if (!ParseNumber(fields[1], &value)) return fail("mean is not a number");
        if (value < -4 || value > 4) return fail("mean outside [-4, 4]");
        break;
      case LexiconFormat::kAfinn: {
        if (fields.size() != 2) return fail("expected term<TAB>integer");
        if (!ParseNumber(fields[1], &value) || value != std::floor(value)) {
          return fail("valence is not an integer");
        }
        if (value < -5 || value > 5) return fail("valence outside [-5, 5]");
        value *= 4.0 / 5.0;
        break;
      }
    }
    Result<std::string> term = internal::FoldTerm(fields[0]);
    if (!term.ok()) return fail(term.status().message());
    if (term->empty()) return fail("empty term");
    lexicon.impl_->valence[*term] = value;
  }
  return lexicon;
}

Result<Lexicon> Lexicon::LoadFile(const std::string& path, LexiconFormat format) {
  std::string contents;
  CANDOR_RETURN_IF_ERROR(
      candor::internal::ReadRegularFile(path, kMaxFileBytes, &contents, "lexicon file"));
  Result<Lexicon> parsed = Parse(contents, format);
  if (!parsed.ok()) {
    return Status(parsed.status().code(), path + ": " + parsed.status().message());
  }
  return parsed;
}

}  // namespace candor::text
