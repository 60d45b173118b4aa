#pragma once
// Every record of the store, loaded once, with the look-ups rules need.

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "model/record.h"
#include "store/store.h"

namespace inovasi {

class Snapshot {
 public:
  Snapshot() = default;
  Snapshot(Snapshot&&) = default;
  Snapshot& operator=(Snapshot&&) = default;
  // A copy shares the records (they never change once loaded) and gets indexes of its
  // own, so that a copy's replaced kind (with_records) is indexed afresh.
  Snapshot(const Snapshot& other)
      : records_(other.records_), contents_(other.contents_), word_counts_(other.word_counts_),
        latest_year_(other.latest_year_), partial_(other.partial_), narratives_held_(other.narratives_held_) {}
  Snapshot& operator=(const Snapshot& other) {
    records_ = other.records_;
    contents_ = other.contents_;
    word_counts_ = other.word_counts_;
    latest_year_ = other.latest_year_;
    partial_ = other.partial_;
    narratives_held_ = other.narratives_held_;
    indexes_ = std::make_unique<Indexes>();
    return *this;
  }

  enum class Contents {
    Everything,
    // No narrative fields: for documents that print none (certificates). Such a
    // snapshot cannot be validated (validate() refuses it): narratives have rules.
    WithoutNarratives,
    // Innovations without their narratives, but with what validation reads of them:
    // each one's word count, or why it cannot be read. For `launch`, which validates
    // every agency and prints no innovation's narrative (a national year's are some
    // 165 MB). The other kinds keep theirs: they are few, and the recap counts
    // escalations.
    NarrativeWordCounts,
    // Every kind but innovations (the others with their narratives: they are few): for
    // work too large to do at once, which reads the innovations a slice at a time
    // (Store::scan_range) and gives each slice to a copy holding it (with_records):
    // certificate plans, validate_in_slices. latest_year() still counts them.
    WithoutInnovations,
  };
  // NarrativeWordCounts counts the narratives some edition of `catalog` sets a minimum
  // for: what validation reads (and needs the catalogue for).
  static Snapshot load(const Store& store, Contents contents = Contents::Everything, const Catalog* catalog = nullptr);
  // Everything validation reads is there (validate() refuses a snapshot without).
  bool can_validate() const {
    return !partial_ && (contents_ == Contents::Everything || contents_ == Contents::NarrativeWordCounts);
  }
  // Whether records of `kind` carry their narrative fields.
  bool holds_narratives(std::string_view kind) const;
  static Snapshot of(const Dataset& dataset);  // for tests: records without a store
  // A copy whose records of `kind` are `records` (the rest shared with this one), read
  // with their narrative fields or not. A copy with other innovations than a
  // NarrativeWordCounts snapshot counted cannot validate.
  enum class Narratives { Left, Held };
  Snapshot with_records(std::string_view kind, std::vector<Record> records,
                        Narratives narratives = Narratives::Left) const;

  const std::vector<Record>& all(std::string_view kind) const;
  // Records of `kind` whose `field` equals `value` (and whose tahun equals `year` when given).
  std::vector<const Record*> where(std::string_view kind, std::string_view field, std::string_view value,
                                   std::string_view year = {}) const;
  const Record* region() const;
  // The latest tahun of any innovation or team, or 0 when the store has none.
  int latest_year() const;

  // What validation reads of a narrative: its word count, or why it cannot be read.
  struct NarrativeWords {
    std::size_t words = 0;
    std::string error;  // set when the stored narrative is not one
  };
  // Of `record`'s narrative `field`: counted from the record, or looked up when the
  // snapshot holds innovations' counts instead of their narratives.
  NarrativeWords narrative_words(const Record& record, std::string_view field) const;

 private:
  // Built on first use per (kind, field): lookups are hashed, not scans. Documents'
  // data is built on the render workers, so building and finding an index is locked;
  // a built index is never changed, and map nodes stay put.
  using Index = std::unordered_multimap<std::string_view, const Record*>;
  struct Indexes {
    std::mutex mutex;
    std::map<std::pair<std::string, std::string>, Index> built;
  };
  const Index& index(std::string_view kind, std::string_view field) const;

  // An innovation's narratives, counted while they stream from the store.
  void count_narratives(const Store& store, const RecordKind& kind, const Catalog& catalog);

  // Shared between copies: a slice's copy holds its own innovations and the rest of
  // the year's records once.
  std::map<std::string, std::shared_ptr<const std::vector<Record>>, std::less<>> records_;
  Contents contents_ = Contents::Everything;
  // NarrativeWordCounts: per innovation (in all("inovasi") order), per counted field
  // (a narrative with a minimum, in schema order), its word count, or -1 - (its index
  // in errors).
  struct WordCounts {
    std::vector<std::string_view> fields;
    std::vector<std::int64_t> counts;
    std::vector<std::string> errors;
  };
  std::shared_ptr<const WordCounts> word_counts_;
  int latest_year_ = 0;   // WithoutInnovations: the store's latest innovation year
  bool partial_ = false;  // with_records replaced the counted innovations
  std::set<std::string, std::less<>> narratives_held_;  // kinds with_records gave with their narratives
  std::unique_ptr<Indexes> indexes_ = std::make_unique<Indexes>();  // a pointer, so a Snapshot moves
};

}  // namespace inovasi
