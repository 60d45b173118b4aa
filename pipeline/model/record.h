#pragma once
// One record of any kind: canonical values by field name (see schema.h for the
// canonical form of each type). An absent or empty value is NULL in the store.

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostics.h"
#include "model/schema.h"

namespace inovasi {

// A record's values by field name, sorted. A national snapshot holds hundreds of
// thousands of values: each record keeps all its names and values back to back in one
// string, with a small sorted index into it, rather than two std::strings per value
// (64 bytes before any text). Iteration is read-only and gives views into that string,
// valid until the record next changes.
class FieldValues {
 public:
  using Entry = std::pair<std::string_view, std::string_view>;

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Entry;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Entry;
    // it->second works through this: the entry is made on the fly.
    struct Arrow {
      Entry entry;
      const Entry* operator->() const { return &entry; }
    };

    const_iterator() = default;
    Entry operator*() const { return owner_->entry(index_); }
    Arrow operator->() const { return {**this}; }
    const_iterator& operator++() {
      ++index_;
      return *this;
    }
    const_iterator operator++(int) {
      auto old = *this;
      ++index_;
      return old;
    }
    bool operator==(const const_iterator& other) const { return owner_ == other.owner_ && index_ == other.index_; }

   private:
    friend class FieldValues;
    const_iterator(const FieldValues* owner, std::size_t index) : owner_(owner), index_(index) {}
    const FieldValues* owner_ = nullptr;
    std::size_t index_ = 0;
  };

  const_iterator find(std::string_view field) const;
  bool contains(std::string_view field) const { return find(field) != end(); }
  void insert_or_assign(std::string_view field, std::string_view value);
  // Room for `count` values of `bytes` of names and values in all.
  void reserve(std::size_t count, std::size_t bytes) {
    slots_.reserve(count);
    text_.reserve(bytes);
  }
  std::size_t size() const { return slots_.size(); }
  bool empty() const { return slots_.empty(); }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, slots_.size()}; }

 private:
  // A name and its value, back to back in text_ from `at`.
  struct Slot {
    std::uint32_t at;
    std::uint16_t name_size;
    std::uint32_t value_size;
  };
  Entry entry(std::size_t index) const {
    const Slot& slot = slots_[index];
    std::string_view all(text_);
    return {all.substr(slot.at, slot.name_size), all.substr(slot.at + slot.name_size, slot.value_size)};
  }
  std::vector<Slot>::const_iterator lower_bound(std::string_view field) const;
  void compact();

  std::string text_;
  std::vector<Slot> slots_;  // sorted by name
  std::size_t unused_ = 0;   // bytes of text_ that replaced values left behind
};

struct Record {
  const RecordKind* kind = nullptr;
  FieldValues values;
  SourceLocation where;  // the line the record starts on

  // The value of one of the kind's fields ("" when it has none). A name the kind does not
  // have throws std::logic_error: it is a mistake in the code that asks.
  std::string_view get(std::string_view field) const;
  bool has(std::string_view field) const { return !get(field).empty(); }
  // For code that handles records of many kinds: a field this kind does not have (an
  // agency's own "instansi") reads as "".
  std::string_view get_or_empty(std::string_view field) const;
  void set(std::string_view field, std::string_view value);

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
