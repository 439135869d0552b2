// ClassifyIntents through the C ABI: a batch of comments, their flags and
// reasons (include/candor/intents.hpp).
#include <candor/intents.hpp>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "shim.hpp"

struct candor_intents {
  candor::intents::IntentsBatch batch;
};

extern "C" {

candor_status candor_intents_classify(const char* const* texts, const size_t* lengths, size_t n,
                                      candor_intents** out) {
  using namespace candor::capi;
  return Guard([&]() -> candor::Status {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(texts, "texts"));
    std::vector<std::string_view> comments(n);
    for (size_t i = 0; i < n; ++i) {
      if (texts[i] != nullptr) {
        comments[i] = lengths != nullptr ? std::string_view(texts[i], lengths[i])
                                         : std::string_view(texts[i]);
      } else if (lengths != nullptr && lengths[i] > 0) {
        return candor::InvalidArgument("texts[" + std::to_string(i) + "] is NULL but lengths[" +
                                       std::to_string(i) + "] is " + std::to_string(lengths[i]));
      }
    }
    auto batch = candor::intents::ClassifyIntentsBatch(comments);
    if (!batch.ok()) return batch.status();
    *out = new candor_intents{std::move(batch).value()};
    return candor::OkStatus();
  });
}

void candor_intents_free(candor_intents* intents) { delete intents; }

candor_status candor_intents_flags(const candor_intents* intents, const uint32_t** flags,
                                   size_t* n) {
  using namespace candor::capi;
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(intents, "intents", flags, "flags", n, "n"));
    *flags = intents->batch.intents.data();
    *n = intents->batch.intents.size();
    return candor::OkStatus();
  });
}

candor_status candor_intents_reasons(const candor_intents* intents, size_t i,
                                     const char** reasons) {
  using namespace candor::capi;
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(intents, "intents", reasons, "reasons"));
    CANDOR_RETURN_IF_ERROR(
        CheckIndex(i, intents->batch.reasons.size(), "comment {i} of intents of {n} comments"));
    *reasons = intents->batch.reasons[i].c_str();
    return candor::OkStatus();
  });
}

}  // extern "C"
