#include "tokenizer_pool.hpp"

#include <new>
#include <utility>

namespace candor::text {

Result<std::unique_ptr<Tokenizer>> TextModel::TokenizerPool::Take(bool stems) {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::unique_ptr<Tokenizer>>& idle = idle_[stems ? 1 : 0];
  if (!idle.empty()) {
    std::unique_ptr<Tokenizer> tokenizer = std::move(idle.back());
    idle.pop_back();
    return tokenizer;
  }
  // Cloning reads the prototype's ICU state: under the lock, one at a time.
  TokenizeOptions options = prototype_->options();
  options.stem = options.stem && stems;
  return prototype_->Clone(options);
}

void TextModel::TokenizerPool::Give(std::unique_ptr<Tokenizer> tokenizer, bool stems) noexcept {
  if (tokenizer == nullptr) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  try {
    idle_[stems ? 1 : 0].push_back(std::move(tokenizer));
  } catch (const std::bad_alloc&) {
    // Out of memory: the tokenizer is freed; a later call clones another.
  }
}

}  // namespace candor::text
