#pragma once
// One record of any kind: canonical values by field name (see schema.h for the
// canonical form of each type). An absent or empty value is NULL in the store.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostics.h"
#include "model/schema.h"

namespace inovasi {

// A record's values by field name, sorted, in one vector. A national snapshot holds
// hundreds of thousands of values, and a std::map node for each was most of its memory.
// Iteration is read-only, so the order cannot be broken from outside.
class FieldValues {
 public:
  using Entry = std::pair<std::string, std::string>;
  using const_iterator = std::vector<Entry>::const_iterator;

  const_iterator find(std::string_view field) const;
  bool contains(std::string_view field) const { return find(field) != end(); }
  void insert_or_assign(std::string field, std::string value);
  void reserve(std::size_t count) { entries_.reserve(count); }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }

 private:
  std::vector<Entry> entries_;
};

struct Record {
  const RecordKind* kind = nullptr;
  FieldValues values;
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
