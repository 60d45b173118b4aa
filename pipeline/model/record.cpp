#include "model/record.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace inovasi {

std::vector<FieldValues::Slot>::const_iterator FieldValues::lower_bound(std::string_view field) const {
  return std::lower_bound(slots_.begin(), slots_.end(), field, [this](const Slot& slot, std::string_view name) {
    return std::string_view(text_).substr(slot.at, slot.name_size) < name;
  });
}

FieldValues::const_iterator FieldValues::find(std::string_view field) const {
  auto it = lower_bound(field);
  std::size_t index = static_cast<std::size_t>(it - slots_.begin());
  return it != slots_.end() && entry(index).first == field ? const_iterator(this, index) : end();
}

void FieldValues::insert_or_assign(std::string_view field, std::string_view value) {
  if (field.size() > UINT16_MAX || text_.size() + field.size() + value.size() > UINT32_MAX) {
    throw std::length_error("field '" + std::string(field.substr(0, 64)) + "': value too large to keep");
  }
  auto it = slots_.begin() + (lower_bound(field) - slots_.cbegin());
  Slot slot{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint16_t>(field.size()),
            static_cast<std::uint32_t>(value.size())};
  text_ += field;
  text_ += value;
  if (it != slots_.end() && entry(static_cast<std::size_t>(it - slots_.begin())).first == field) {
    unused_ += it->name_size + it->value_size;
    *it = slot;
    // A record whose values keep changing (an import merging files) would grow without
    // end: past half unused, it is written out afresh.
    if (unused_ > 4096 && unused_ > text_.size() / 2) compact();
  } else {
    slots_.insert(it, slot);
  }
}

void FieldValues::compact() {
  std::string text;
  text.reserve(text_.size() - unused_);
  for (auto& slot : slots_) {
    std::uint32_t at = static_cast<std::uint32_t>(text.size());
    text.append(text_, slot.at, slot.name_size + slot.value_size);
    slot.at = at;
  }
  text_ = std::move(text);
  unused_ = 0;
}

namespace {

// Whether `field` is a column of `kind`: one of its fields, or the raw text kept beside an
// enumerated one ("jenis_asli").
bool is_column(const RecordKind& kind, std::string_view field) {
  if (kind.field(field)) return true;
  constexpr std::string_view kRaw = "_asli";
  if (!field.ends_with(kRaw)) return false;
  const FieldSpec* base = kind.field(field.substr(0, field.size() - kRaw.size()));
  return base && keeps_raw_text(base->type);
}

}  // namespace

std::string_view Record::get(std::string_view field) const {
  auto it = values.find(field);
  if (it != values.end()) return it->second;
  // A name the kind does not have is a mistake in the code that asks (a typo would print
  // a blank on an official document): checked only when there is no value, so reading
  // what is there costs nothing more.
  if (kind && !is_column(*kind, field)) {
    throw std::logic_error("record kind '" + std::string(kind->name) + "' has no field '" + std::string(field) + "'");
  }
  return {};
}

std::string_view Record::get_or_empty(std::string_view field) const {
  auto it = values.find(field);
  return it == values.end() ? std::string_view{} : it->second;
}

void Record::set(std::string_view field, std::string_view value) { values.insert_or_assign(field, value); }

std::vector<std::string> Record::key_values() const {
  std::vector<std::string> keys;
  for (auto field : kind->key_fields()) keys.emplace_back(get(field));
  return keys;
}

std::string Record::key_label() const {
  std::string label(kind->name);
  label += ' ';
  auto keys = key_values();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) label += '/';
    label += keys[i];
  }
  return label;
}

std::size_t Dataset::count(std::string_view kind) const {
  return static_cast<std::size_t>(
      std::count_if(records.begin(), records.end(), [&](const Record& r) { return r.kind->name == kind; }));
}

std::string list_to_json(const std::vector<std::string>& items) {
  Poco::JSON::Array array;
  for (const auto& item : items) array.add(item);
  std::ostringstream out;
  array.stringify(out);
  return out.str();
}

std::vector<std::string> list_from_json(std::string_view json) {
  std::vector<std::string> items;
  if (json.empty()) return items;
  try {
    auto array = Poco::JSON::Parser().parse(std::string(json)).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i)
      items.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("stored list is not valid: " + e.displayText());
  }
  return items;
}

}  // namespace inovasi
