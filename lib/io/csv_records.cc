// CsvBytes and CsvRecords: CSV records from memory or from a file read in
// chunks, checked for UTF-8 as the bytes arrive.
#include "csv_records.hpp"

#include <algorithm>
#include <candor/utf8.hpp>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace candor {
namespace internal {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The end of `text` without a multi-byte sequence that the next chunk may
// complete (at most 3 bytes), so that checks of consecutive pieces find the
// first invalid byte where one check of the whole input would.
size_t CompleteSequencesEnd(std::string_view text) {
  const size_t size = text.size();
  for (size_t back = 1; back <= 3 && back <= size; ++back) {
    const auto byte = static_cast<unsigned char>(text[size - back]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte
    if (byte >= 0xC0) {
      const size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
      if (back < length) return size - back;
    }
    break;
  }
  return size;
}

}  // namespace

Status InvalidUtf8AtOffset(uint64_t line, uint64_t offset) {
  return InvalidUtf8("line " + std::to_string(line) + ": invalid UTF-8 at byte offset " +
                     std::to_string(offset) +
                     " of the input (if the file is in another encoding, say so: encoding "
                     "\"windows-1252\", --encoding windows-1252 in the CLI)");
}

CsvBytes::CsvBytes(std::string_view data) : memory_(data) {}

CsvBytes::CsvBytes(std::string_view data, size_t piece_size)
    : memory_(data), chunk_size_(std::max<size_t>(piece_size, 1)) {}

CsvBytes::CsvBytes(RegularFile* file, size_t chunk_size)
    : file_(file), chunk_size_(std::max<size_t>(chunk_size, 1)) {}

std::string_view CsvBytes::buffered() const {
  if (file_ == nullptr && chunk_size_ > 0) {
    return memory_.substr(begin_, memory_end_ - begin_);
  }
  if (file_ == nullptr) return complete_ ? memory_.substr(begin_) : std::string_view();
  return std::string_view(buffer_.data() + begin_, end_ - begin_);
}

uint64_t CsvBytes::bytes_read() const {
  if (file_ == nullptr && chunk_size_ > 0) return memory_end_;
  if (file_ == nullptr) return complete_ ? memory_.size() : 0;
  return file_->bytes_read();
}

uint64_t CsvBytes::total_bytes() const {
  if (file_ == nullptr) return memory_.size();
  return std::max(file_->size(), file_->bytes_read());  // the file may grow
}

Status CsvBytes::Read(size_t drop, bool* read_some) {
  *read_some = false;
  begin_ += drop;
  offset_ += drop;
  if (complete_) return OkStatus();
  if (file_ == nullptr && chunk_size_ > 0) {
    // In pieces: the bytes stay where they are (begin_ is offset_ here, as
    // for all of the memory at once); buffered() is the window [begin_,
    // memory_end_), which grows by a piece (or a quarter of a long record so
    // far, as for a file) per read.
    const size_t kept = memory_end_ - begin_;
    const size_t want = std::max(chunk_size_, kept / 4);
    const size_t before = memory_end_;
    memory_end_ = memory_.size() - memory_end_ < want ? memory_.size() : memory_end_ + want;
    *read_some = memory_end_ > before;
    complete_ = memory_end_ == memory_.size();
    return OkStatus();
  }
  if (file_ == nullptr) {
    complete_ = true;
    *read_some = !memory_.empty();
    return OkStatus();
  }
  // Keep only what is still needed (a record not yet complete), then read at
  // least a chunk, or a quarter of a long record so far, so that a record
  // much longer than a chunk is not scanned again for every chunk.
  const size_t kept = end_ - begin_;
  if (kept > 0 && begin_ > 0) std::memmove(&buffer_[0], &buffer_[begin_], kept);
  begin_ = 0;
  end_ = kept;
  const size_t want = std::max(chunk_size_, kept / 4);
  // The buffer only grows (and is filled with zeros only then).
  if (buffer_.size() < kept + want) buffer_.resize(kept + want);
  size_t got = 0;
  const Status status = file_->Read(&buffer_[kept], want, &got);
  end_ = kept + got;
  CANDOR_RETURN_IF_ERROR(status);
  *read_some = got > 0;
  complete_ = got == 0;
  return OkStatus();
}

CsvRecords::CsvRecords(CsvBytes* bytes, char delimiter, bool check_utf8, const Progress& progress)
    : bytes_(bytes),
      check_utf8_(check_utf8),
      progress_(progress),
      tokenizer_(std::string_view(), delimiter) {}

Status CsvRecords::Start() {
  // A byte-order mark may come in pieces too.
  do {
    CANDOR_RETURN_IF_ERROR(ReadMore());
  } while (!bytes_->complete() && bytes_->buffered().size() < kUtf8Bom.size());
  const std::string_view data = bytes_->buffered();
  if (data.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    token_offset_ = kUtf8Bom.size();
    tokenizer_.Refill(data.substr(kUtf8Bom.size()), bytes_->complete());
  }
  return OkStatus();
}

bool CsvRecords::empty() const {
  return bytes_->complete() && bytes_->offset() == 0 && bytes_->buffered().empty();
}

std::string_view CsvRecords::FromStart() const {
  return bytes_->offset() == 0 ? bytes_->buffered() : std::string_view();
}

Result<CsvTokenizer::Outcome> CsvRecords::Next(std::vector<CsvField>* fields,
                                               CsvSyntaxError* syntax) {
  while (true) {
    const CsvTokenizer::Outcome outcome = tokenizer_.Next(fields, syntax);
    if (outcome != CsvTokenizer::Outcome::kNeedMore) return outcome;
    const Status status = ReadMore();
    if (!status.ok()) {
      failed_ = true;
      return status;
    }
  }
}

Status CsvRecords::ReadMore() {
  // Drop the bytes the tokenizer has read, unless still to be checked.
  const uint64_t token_position = token_offset_ + tokenizer_.consumed();
  // Unchecked (the header reader, which reads one record), keep it all.
  const uint64_t keep_from = check_utf8_ ? std::min(token_position, checked_) : bytes_->offset();
  // The line feeds before keep_from, for a later UTF-8 error's line: the
  // tokenizer counted those before token_position (no second pass over the
  // bytes); the at most 3 bytes not yet checked after keep_from are counted.
  const std::string_view data = bytes_->buffered();
  const auto from = static_cast<size_t>(keep_from - bytes_->offset());
  const auto to = static_cast<size_t>(token_position - bytes_->offset());
  dropped_lines_ = tokenizer_.line() - 1 -
                   static_cast<uint64_t>(std::count(data.begin() + from, data.begin() + to, '\n'));
  CANDOR_RETURN_IF_ERROR(ReadAndCheck(from));
  token_offset_ = token_position;
  tokenizer_.Refill(
      bytes_->buffered().substr(static_cast<size_t>(token_offset_ - bytes_->offset())),
      bytes_->complete());
  return OkStatus();
}

Status CsvRecords::ReadAndCheck(size_t drop) {
  bool read_some = false;
  CANDOR_RETURN_IF_ERROR(bytes_->Read(drop, &read_some));
  if (read_some) {
    const auto done = static_cast<int64_t>(bytes_->bytes_read());
    const auto total = static_cast<int64_t>(bytes_->total_bytes());
    if (!progress_.Report(done, total)) {
      return Cancelled("cancelled by the progress callback after reading " + std::to_string(done) +
                       " of " + std::to_string(total) + " bytes");
    }
  }
  if (check_utf8_) CANDOR_RETURN_IF_ERROR(CheckUtf8());
  return OkStatus();
}

Status CsvRecords::CheckUtf8() {
  const std::string_view data = bytes_->buffered();
  const auto from = static_cast<size_t>(checked_ - bytes_->offset());
  std::string_view piece = data.substr(from);
  if (!bytes_->complete()) piece = piece.substr(0, CompleteSequencesEnd(piece));
  if (const auto bad = FindInvalidUtf8(piece)) {
    const auto lines =
        static_cast<uint64_t>(std::count(data.begin(), data.begin() + from + *bad, '\n'));
    return InvalidUtf8AtOffset(1 + dropped_lines_ + lines, checked_ + *bad);
  }
  checked_ += piece.size();
  return OkStatus();
}

Status CsvRecords::Fail(Status error) {
  if (!check_utf8_ || failed_) return error;
  // Invalid UTF-8 anywhere is the error, as when the whole input is checked
  // first: read the rest, checking only.
  while (!bytes_->complete()) {
    const std::string_view data = bytes_->buffered();
    const auto drop = static_cast<size_t>(checked_ - bytes_->offset());
    dropped_lines_ += static_cast<uint64_t>(std::count(data.begin(), data.begin() + drop, '\n'));
    CANDOR_RETURN_IF_ERROR(ReadAndCheck(drop));
  }
  return error;
}

}  // namespace internal
}  // namespace candor
