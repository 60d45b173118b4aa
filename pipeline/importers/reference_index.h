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
  // The records of `kinds` (every referenced kind when empty) from the dataset and, when
  // given, the store (only their key, name and agency columns are read).
  ReferenceIndex(const Dataset& dataset, const Store* store, const std::vector<const RecordKind*>& kinds = {});

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
  void add(const Record& record);

  std::map<Key, std::string> keys_;
  std::map<Key, std::vector<Named>> names_;
};

// The year part of a reference to `target` from `record`: its tahun when the target is
// keyed by year, else empty.
std::string reference_year(const Record& record, const RecordKind& target);

}  // namespace inovasi
