#pragma once
// One record of any kind: canonical values by field name (see schema.h for the
// canonical form of each type). An absent or empty value is NULL in the store.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/schema.h"

namespace inovasi {

struct Record {
  const RecordKind* kind = nullptr;
  std::map<std::string, std::string, std::less<>> values;
  SourceLocation where;  // the line the record starts on

  std::string_view get(std::string_view field) const;
  bool has(std::string_view field) const { return !get(field).empty(); }
  void set(std::string_view field, std::string value);

  // Values of the natural key in schema order, and the same joined with '/' for people.
  std::vector<std::string> key_values() const;
  std::string key_label() const;
};

// The stored form of EnumList and NipList values: a JSON array of strings.
std::string list_to_json(const std::vector<std::string>& items);
// The items of a stored list ("" gives none). Throws std::runtime_error on other text.
std::vector<std::string> list_from_json(std::string_view json);

// Records read by one import, in input order.
struct Dataset {
  std::vector<Record> records;
  std::size_t count(std::string_view kind) const;
};

}  // namespace inovasi
