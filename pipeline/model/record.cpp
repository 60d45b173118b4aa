#include "model/record.h"

#include <algorithm>

namespace inovasi {

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

}  // namespace inovasi
