#include "language/chunk_tokenizers.hpp"

#include <new>
#include <utility>

namespace candor::text::internal {

Result<std::vector<std::unique_ptr<Tokenizer>>> ChunkTokenizers(const TokenizeOptions& options,
                                                                size_t chunks) {
  Result<std::unique_ptr<Tokenizer>> first = Tokenizer::Create(options);
  if (!first.ok()) return first.status();
  try {
    std::vector<std::unique_ptr<Tokenizer>> out;
    out.reserve(chunks);
    out.push_back(std::move(first).value());
    while (out.size() < chunks) {
      Result<std::unique_ptr<Tokenizer>> clone = out.front()->Clone();
      if (!clone.ok()) return clone.status();
      out.push_back(std::move(clone).value());
    }
    return Result<std::vector<std::unique_ptr<Tokenizer>>>(std::move(out));
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory making a tokenizer per thread");
  }
}

}  // namespace candor::text::internal
