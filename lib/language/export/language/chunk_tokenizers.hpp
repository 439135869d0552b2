// One tokenizer per chunk of a batch that runs on several threads.
#ifndef CANDOR_LANGUAGE_CHUNK_TOKENIZERS_HPP_
#define CANDOR_LANGUAGE_CHUNK_TOKENIZERS_HPP_

#include <candor/status.hpp>
#include <candor/text.hpp>
#include <cstddef>
#include <memory>
#include <vector>

namespace candor::text::internal {

// `chunks` tokenizers with `options`: the first made, the others cloned from
// it, all on the calling thread before any chunk starts. A Tokenizer holds
// state that Tokenize writes (ICU break iterators, the word memo, scratch),
// so each chunk needs its own, and cloning one while another thread
// tokenizes with it is a data race.
Result<std::vector<std::unique_ptr<Tokenizer>>> ChunkTokenizers(const TokenizeOptions& options,
                                                                size_t chunks);

}  // namespace candor::text::internal

#endif  // CANDOR_LANGUAGE_CHUNK_TOKENIZERS_HPP_
