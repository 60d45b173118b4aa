#include "model/record.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace inovasi {

namespace {

bool field_before(const FieldValues::Entry& entry, std::string_view field) { return entry.first < field; }

}  // namespace

FieldValues::const_iterator FieldValues::find(std::string_view field) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), field, field_before);
  return it != entries_.end() && it->first == field ? it : entries_.end();
}

void FieldValues::insert_or_assign(std::string field, std::string value) {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), field, field_before);
  if (it != entries_.end() && it->first == field) it->second = std::move(value);
  else entries_.emplace(it, std::move(field), std::move(value));
}

std::string_view Record::get(std::string_view field) const {
  auto it = values.find(field);
  return it == values.end() ? std::string_view{} : std::string_view{it->second};
}

void Record::set(std::string_view field, std::string value) { values.insert_or_assign(std::string(field), std::move(value)); }

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
  return static_cast<std::size_t>(std::count_if(records.begin(), records.end(),
                                                [&](const Record& r) { return r.kind->name == kind; }));
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
    for (std::size_t i = 0; i < array->size(); ++i) items.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("stored list is not valid: " + e.displayText());
  }
  return items;
}

}  // namespace inovasi
