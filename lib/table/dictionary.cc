// Dictionary: interning of categorical labels into dense codes.
#include <candor/table.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace candor {

// absl's default hash and equality for std::string keys are transparent: they
// look up an absl::string_view without building a std::string. (Debian's
// Abseil has its own absl::string_view, not std::string_view, hence Key.)
struct Dictionary::Index {
  absl::flat_hash_map<std::string, int32_t> code_of;
};

namespace {

absl::string_view Key(std::string_view label) { return {label.data(), label.size()}; }

}  // namespace

Dictionary::Dictionary() : index_(std::make_unique<Index>()) {}
Dictionary::~Dictionary() = default;
Dictionary::Dictionary(Dictionary&&) noexcept = default;
Dictionary& Dictionary::operator=(Dictionary&&) noexcept = default;

Dictionary::Dictionary(const Dictionary& other)
    : labels_(other.labels_),
      index_(other.index_ ? std::make_unique<Index>(*other.index_) : nullptr) {}

Dictionary& Dictionary::operator=(const Dictionary& other) {
  if (this != &other) {
    Dictionary copy(other);
    *this = std::move(copy);
  }
  return *this;
}

int32_t Dictionary::Intern(std::string_view label) {
  // A moved-from dictionary has no index; it starts afresh.
  if (index_ == nullptr) {
    index_ = std::make_unique<Index>();
    labels_.clear();
  }
  auto it = index_->code_of.find(Key(label));
  if (it != index_->code_of.end()) return it->second;
  const auto code = static_cast<int32_t>(labels_.size());
  labels_.emplace_back(label);
  index_->code_of.emplace(labels_.back(), code);
  return code;
}

int32_t Dictionary::Find(std::string_view label) const {
  if (index_ == nullptr) return -1;
  auto it = index_->code_of.find(Key(label));
  return it == index_->code_of.end() ? -1 : it->second;
}

const std::string& Dictionary::Label(int32_t code) const {
  static const std::string* const kNoLabel = new std::string();
  if (code < 0 || static_cast<size_t>(code) >= labels_.size()) return *kNoLabel;
  return labels_[static_cast<size_t>(code)];
}

}  // namespace candor
