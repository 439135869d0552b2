// Records of CSV text that is in memory or read from a file a chunk at a
// time, with the UTF-8 check and progress reports made as bytes arrive. One
// reader serves ParseCsv and ReadCsv, so both give the same tables and errors.
#ifndef CANDOR_IO_CSV_RECORDS_HPP_
#define CANDOR_IO_CSV_RECORDS_HPP_

#include <candor/csv.hpp>
#include <candor/progress.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/read_file.hpp"
#include "csv_tokenizer.hpp"

namespace candor {
namespace internal {

// Bytes read from a file, or given in memory: buffered() holds the bytes
// from offset() on that the reader has not dropped yet.
class CsvBytes {
 public:
  // All of `data` at once (not copied; it must outlive this object).
  explicit CsvBytes(std::string_view data);
  // `data` too, but shown piece_size bytes (or more, see Read) at a time, so
  // that progress is told, and a cancel checked, as the pieces arrive.
  CsvBytes(std::string_view data, size_t piece_size);
  // An opened file, read chunk_size bytes (or more, see Read) at a time.
  CsvBytes(RegularFile* file, size_t chunk_size);

  // Drops the first `drop` bytes of buffered(), then reads more: false when
  // there was nothing more (complete() is then true).
  Status Read(size_t drop, bool* read_some);

  std::string_view buffered() const;
  uint64_t offset() const { return offset_; }
  bool complete() const { return complete_; }
  uint64_t bytes_read() const;
  uint64_t total_bytes() const;

 private:
  std::string_view memory_;
  size_t memory_end_ = 0;  // memory_[0, memory_end_) has been shown (pieces)
  RegularFile* file_ = nullptr;
  size_t chunk_size_ = 0;
  std::string buffer_;  // bytes read are [begin_, end_)
  size_t begin_ = 0;    // buffer_[begin_] is at offset_
  size_t end_ = 0;
  uint64_t offset_ = 0;
  bool complete_ = false;
};

// Records in order. Invalid UTF-8 anywhere in the input (when checked) is the
// error, before any other: the first bad byte's line and offset, as
// FindInvalidUtf8 on the whole input would find it.
class CsvRecords {
 public:
  CsvRecords(CsvBytes* bytes, char delimiter, bool check_utf8, const Progress& progress);

  // Reads the first bytes (and skips a byte-order mark).
  Status Start();
  // After Start: the input has no bytes at all.
  bool empty() const;

  // The next record (fields valid until the next call), kEnd or kError (see
  // CsvTokenizer), or a Status: invalid UTF-8, cancelled, I/O.
  Result<CsvTokenizer::Outcome> Next(std::vector<CsvField>* fields, CsvSyntaxError* syntax);
  size_t record_line() const { return tokenizer_.record_line(); }

  // `error` unless invalid UTF-8 comes after what was read (then that):
  // call it on every error other than Next's Status, so that the UTF-8
  // check keeps priority over everything, as when the whole input is read.
  Status Fail(Status error);

  // Where a field's byte is in the input: for error messages.
  uint64_t OffsetOf(const char* byte) const {
    return bytes_->offset() + static_cast<uint64_t>(byte - bytes_->buffered().data());
  }
  // The bytes from the start of the input, while none were dropped (only
  // the header reader needs them).
  std::string_view FromStart() const;

 private:
  Status ReadMore();
  Status ReadAndCheck(size_t drop);
  Status CheckUtf8();

  CsvBytes* bytes_;
  bool check_utf8_;
  Progress progress_;
  CsvTokenizer tokenizer_;
  uint64_t token_offset_ = 0;   // where the tokenizer's data starts
  uint64_t checked_ = 0;        // bytes checked to be UTF-8
  uint64_t dropped_lines_ = 0;  // line feeds before bytes_->offset()
  bool failed_ = false;         // Next returned a Status
};

Status InvalidUtf8AtOffset(uint64_t line, uint64_t offset);

// Whether CsvOptions::encoding names something other than UTF-8 (empty,
// "UTF-8", "utf8", ... do not): the input is then transcoded first.
bool NeedsTranscoding(const std::string& encoding);

// ParseCsv and ParseCsvHeader on bytes from memory or a file (csv.cc).
Result<Table> ParseCsvBytes(CsvBytes* input, const CsvOptions& options);
Result<std::vector<std::string>> ParseCsvHeaderBytes(CsvBytes* input, char delimiter);

// ReadCsv's chunk: large enough that reads and per-chunk work cost nothing
// next to parsing, small next to the tables worth reading in chunks.
inline constexpr size_t kCsvChunkBytes = size_t{8} << 20;

// ReadCsv with a chosen chunk size (tests read with tiny chunks).
Result<Table> ReadCsvInChunks(const std::string& path, const CsvOptions& options,
                              size_t chunk_size);

}  // namespace internal
}  // namespace candor

#endif  // CANDOR_IO_CSV_RECORDS_HPP_
