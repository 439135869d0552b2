// RedactPii through the C ABI: options, one text or a batch, the redacted
// texts and their spans (include/candor/pii.hpp).
#include <candor/pii.hpp>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "options.hpp"
#include "shim.hpp"

struct candor_redaction {
  std::vector<std::string> texts;
  std::vector<std::vector<candor_pii_span>> spans;
};

namespace candor::capi {
namespace {

candor_redact_options RedactDefaults() {
  auto o = ZeroedOptions<candor_redact_options>();
  o.kinds = pii::kAllPiiKinds;
  o.redact_all_urls = 0;
  o.email_placeholder = o.phone_placeholder = o.card_placeholder = nullptr;
  o.iban_placeholder = o.url_placeholder = nullptr;
  return o;
}

Status FromRedactOptions(const candor_redact_options* options, pii::RedactOptions* out) {
  if (options == nullptr) return OkStatus();
  candor_redact_options o = RedactDefaults();
  const size_t oldest = offsetof(candor_redact_options, kinds) + sizeof(uint32_t);
  CANDOR_RETURN_IF_ERROR(ReadSized(options, oldest, &o));
  if ((o.kinds & ~pii::kAllPiiKinds) != 0) {
    return InvalidArgument("options->kinds " + std::to_string(o.kinds) +
                           " has bits beyond the 5 kinds (0x1F)");
  }
  out->kinds = o.kinds;
  out->redact_all_urls = o.redact_all_urls != 0;
  const char* placeholders[pii::kPiiKindCount] = {o.email_placeholder, o.phone_placeholder,
                                                  o.card_placeholder, o.iban_placeholder,
                                                  o.url_placeholder};
  for (int k = 0; k < pii::kPiiKindCount; ++k) {
    if (placeholders[k] != nullptr) out->placeholders[k] = placeholders[k];
  }
  return OkStatus();
}

Status RedactInto(std::string_view text, const pii::RedactOptions& options,
                  candor_redaction* into) {
  auto redacted = pii::RedactPii(text, options);
  if (!redacted.ok()) return redacted.status();
  std::vector<candor_pii_span> spans;
  spans.reserve(redacted->spans.size());
  for (const pii::PiiSpan& span : redacted->spans) {
    spans.push_back({static_cast<candor_pii_kind>(span.kind), span.begin, span.end,
                     span.output_begin, span.output_end});
  }
  into->texts.push_back(std::move(redacted->text));
  into->spans.push_back(std::move(spans));
  return OkStatus();
}

}  // namespace
}  // namespace candor::capi

extern "C" {

candor_status candor_redact_options_defaults(candor_redact_options* options, size_t size) {
  return candor::capi::Guard(
      [&] { return candor::capi::WriteDefaults(candor::capi::RedactDefaults(), size, options); });
}

candor_status candor_redact(const char* text, size_t length, const candor_redact_options* options,
                            candor_redaction** out) {
  const char* texts[] = {text};
  const size_t lengths[] = {length};
  return candor_redact_batch(texts, lengths, 1, options, out);
}

candor_status candor_redact_batch(const char* const* texts, const size_t* lengths, size_t n,
                                  const candor_redact_options* options, candor_redaction** out) {
  using namespace candor::capi;
  return Guard([&]() -> candor::Status {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(texts, "texts"));
    candor::pii::RedactOptions cpp;
    CANDOR_RETURN_IF_ERROR(FromRedactOptions(options, &cpp));
    auto redaction = std::make_unique<candor_redaction>();
    redaction->texts.reserve(n);
    redaction->spans.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      std::string_view text;
      if (texts[i] != nullptr) {
        text = lengths != nullptr ? std::string_view(texts[i], lengths[i])
                                  : std::string_view(texts[i]);
      } else if (lengths != nullptr && lengths[i] > 0) {
        return candor::InvalidArgument("texts[" + std::to_string(i) + "] is NULL but lengths[" +
                                       std::to_string(i) + "] is " + std::to_string(lengths[i]));
      }
      candor::Status s = RedactInto(text, cpp, redaction.get());
      if (!s.ok()) {
        return candor::Status(s.code(), "text " + std::to_string(i) + ": " + s.message());
      }
    }
    *out = redaction.release();
    return candor::OkStatus();
  });
}

void candor_redaction_free(candor_redaction* redaction) { delete redaction; }

candor_status candor_redaction_count(const candor_redaction* redaction, size_t* n) {
  using namespace candor::capi;
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(redaction, "redaction", n, "n"));
    *n = redaction->texts.size();
    return candor::OkStatus();
  });
}

candor_status candor_redaction_text(const candor_redaction* redaction, size_t i, const char** text,
                                    size_t* length) {
  using namespace candor::capi;
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(redaction, "redaction", text, "text"));
    CANDOR_RETURN_IF_ERROR(
        CheckIndex(i, redaction->texts.size(), "text {i} of a redaction with {n} texts"));
    *text = redaction->texts[i].c_str();
    if (length != nullptr) *length = redaction->texts[i].size();
    return candor::OkStatus();
  });
}

candor_status candor_redaction_spans(const candor_redaction* redaction, size_t i,
                                     const candor_pii_span** spans, size_t* n_spans) {
  using namespace candor::capi;
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(redaction, "redaction", spans, "spans", n_spans, "n_spans"));
    CANDOR_RETURN_IF_ERROR(
        CheckIndex(i, redaction->spans.size(), "text {i} of a redaction with {n} texts"));
    const auto& all = redaction->spans[i];
    *spans = all.empty() ? nullptr : all.data();
    *n_spans = all.size();
    return candor::OkStatus();
  });
}

}  // extern "C"
