// Tokenizers kept between TextModel::Analyze calls. A tokenizer memoizes what
// it learns about each word (stop-word languages, Snowball stems): a fresh
// clone per call started that memo empty every time, and re-stemming a
// batch's words was a sixth of a warm call (bench/RESULTS.md, issue 17).
#ifndef CANDOR_TEXT_MODEL_TOKENIZER_POOL_HPP_
#define CANDOR_TEXT_MODEL_TOKENIZER_POOL_HPP_

#include <candor/text.hpp>
#include <candor/text_model.hpp>

#include <memory>
#include <mutex>
#include <vector>

namespace candor::text {

class TextModel::TokenizerPool {
 public:
  // Tokenizers are made from `prototype`'s ICU rules and options; the
  // prototype itself never tokenizes.
  explicit TokenizerPool(std::unique_ptr<Tokenizer> prototype)
      : prototype_(std::move(prototype)) {}

  const Tokenizer& prototype() const { return *prototype_; }

  // A tokenizer for one thread of one call: one that a previous call gave
  // back, else a new clone. `stems` false: it leaves stems out (see
  // TokenizeOptions::stem), for callers that only read folded words.
  Result<std::unique_ptr<Tokenizer>> Take(bool stems);
  // Returns a tokenizer that Take(stems) gave (null: nothing). Never throws:
  // it runs as a call's threads unwind.
  void Give(std::unique_ptr<Tokenizer> tokenizer, bool stems) noexcept;

 private:
  std::unique_ptr<Tokenizer> prototype_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Tokenizer>> idle_[2];  // [stems]
};

}  // namespace candor::text

#endif  // CANDOR_TEXT_MODEL_TOKENIZER_POOL_HPP_
