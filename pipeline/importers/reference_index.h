#pragma once
// Finding the record a reference names, in the same import or in the store: by its key,
// or by a name the kind allows (an agency's nama or singkatan, an innovation's nama).
// A name two records share is ambiguous, never a silent pick of one of them.

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "model/record.h"
#include "store/store.h"

namespace inovasi {

struct ReferenceMatch {
  std::string key;    // the first key field of the record named; empty when none
  std::string error;  // set when the text names several records
};

class ReferenceIndex {
 public:
  // The records of `kinds` (every kind a reference may name when empty) from the store
  // when given (only their key, name and agency columns are read).
  explicit ReferenceIndex(const Store* store, std::vector<const RecordKind*> kinds = {});

  const std::vector<const RecordKind*>& kinds() const { return kinds_; }
  // A record of the import: it replaces what the store says of the same key.
  void add(const Record& record);

  // The record of `kind` that `text` names, in `year` for kinds keyed by year. `agency`,
  // when given, chooses among records of the same name that belong to different agencies.
  ReferenceMatch resolve(const RecordKind& kind, std::string_view text, std::string_view year,
                         std::string_view agency = {}) const;

  static bool is_referenced(const RecordKind& target);

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // kind, text, year
  struct Named {
    std::string key;
    std::string agency;
  };
  std::vector<const RecordKind*> kinds_;
  std::map<Key, std::string> keys_;
  std::map<Key, std::vector<Named>> names_;
};

// The year part of a reference to `target` from `record`: its tahun when the target is
// keyed by year, else empty.
std::string reference_year(const Record& record, const RecordKind& target);

}  // namespace inovasi
