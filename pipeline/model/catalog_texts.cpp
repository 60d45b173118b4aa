#include "model/catalog_texts.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <stdexcept>

#include "model/catalog.h"
#include "model/date.h"
#include "model/file_text.h"
#include "model/indonesian.h"

namespace inovasi {
namespace {

using Poco::JSON::Object;

Object::Ptr read_object(const std::filesystem::path& path) {
  auto text = read_file_text(path);
  if (!text) throw CatalogError(path.string() + ": cannot read catalogue file");
  try {
    Poco::JSON::Parser parser;
    auto object = parser.parse(*text).extract<Object::Ptr>();
    if (!object) throw CatalogError(path.string() + ": expected a JSON object");
    return object;
  } catch (const Poco::Exception& e) {
    throw CatalogError(path.string() + ": not valid JSON: " + e.displayText());
  }
}

std::string string_of(const Object::Ptr& object, const std::string& key, const std::string& where) {
  if (!object->has(key) || !object->get(key).isString()) throw CatalogError(where + ": " + key + ": missing (a text)");
  auto value = object->getValue<std::string>(key);
  if (value.empty()) throw CatalogError(where + ": " + key + ": empty");
  return value;
}

// One {name} or {name|filter} of a text.
struct Placeholder {
  std::size_t begin = 0, end = 0;  // the braces included
  std::string name, filter;
};

// The placeholders of `text`; throws std::invalid_argument for a brace left open.
std::vector<Placeholder> placeholders(std::string_view text) {
  std::vector<Placeholder> found;
  for (std::size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1)) {
    auto close = text.find('}', at);
    if (close == std::string_view::npos) throw std::invalid_argument("a '{' without its '}'");
    std::string_view inside = text.substr(at + 1, close - at - 1);
    Placeholder placeholder{at, close + 1, std::string(inside), {}};
    if (auto bar = inside.find('|'); bar != std::string_view::npos) {
      placeholder.name = std::string(inside.substr(0, bar));
      placeholder.filter = std::string(inside.substr(bar + 1));
    }
    found.push_back(std::move(placeholder));
  }
  return found;
}

void check_text(const std::string& text, const FindingText& entry, const std::string& where) {
  std::vector<Placeholder> found;
  try {
    found = placeholders(text);
  } catch (const std::invalid_argument& e) {
    throw CatalogError(where + ": " + e.what());
  }
  for (const auto& placeholder : found) {
    if (std::find(entry.parameters.begin(), entry.parameters.end(), placeholder.name) == entry.parameters.end()) {
      throw CatalogError(where + ": {" + placeholder.name + "} is not one of the code's parameters");
    }
    if (!placeholder.filter.empty() && placeholder.filter != "tanggal") {
      throw CatalogError(where + ": '|" + placeholder.filter + "': the only format is |tanggal");
    }
  }
}

std::map<std::string, std::string, std::less<>> string_table(const Object::Ptr& root, const std::string& key,
                                                             const std::string& file) {
  auto table = root->getObject(key);
  if (!table) throw CatalogError(file + ": " + key + ": missing (an object of texts)");
  std::map<std::string, std::string, std::less<>> out;
  for (const auto& name : table->getNames()) out[name] = string_of(table, name, file + ": " + key);
  return out;
}

}  // namespace

FindingTexts FindingTexts::load(const std::filesystem::path& path) {
  auto root = read_object(path);
  FindingTexts texts;
  for (const auto& code : root->getNames()) {
    if (code.starts_with('_')) continue;  // a note to the reader
    std::string where = path.string() + ": " + code;
    auto entry = root->getObject(code);
    if (!entry) throw CatalogError(where + ": expected an object with 'en', 'id' and 'parameter'");
    FindingText text;
    text.english = string_of(entry, "en", where);
    text.indonesian = string_of(entry, "id", where);
    text.summary = string_of(entry, "ringkas", where);
    auto parameters = entry->getArray("parameter");
    if (!parameters) throw CatalogError(where + ": parameter: missing (a list of names, [] for none)");
    for (std::size_t i = 0; i < parameters->size(); ++i) {
      text.parameters.push_back(parameters->getElement<std::string>(static_cast<unsigned>(i)));
    }
    check_text(text.english, text, where + ": en");
    check_text(text.indonesian, text, where + ": id");
    if (text.summary.find_first_of("{}") != std::string::npos) {
      throw CatalogError(where + ": ringkas: a summary takes no parameters");
    }
    texts.texts_.emplace(code, std::move(text));
  }
  return texts;
}

const FindingText* FindingTexts::find(std::string_view code) const {
  auto it = texts_.find(code);
  return it == texts_.end() ? nullptr : &it->second;
}

std::string FindingTexts::render(std::string_view code, const FindingParams& params, Language language) const {
  const FindingText* text = find(code);
  if (!text) throw std::logic_error("finding code '" + std::string(code) + "' has no text in temuan.json");
  const std::string& pattern = language == Language::English ? text->english : text->indonesian;
  std::string out;
  std::size_t copied = 0;
  for (const auto& placeholder : placeholders(pattern)) {  // checked when loaded
    out.append(pattern, copied, placeholder.begin - copied);
    auto given = std::find_if(params.begin(), params.end(), [&](const auto& p) { return p.first == placeholder.name; });
    if (given == params.end()) {
      throw std::logic_error("finding '" + std::string(code) + "': no value for {" + placeholder.name + "}");
    }
    auto date = placeholder.filter == "tanggal" ? parse_date(given->second).date : std::nullopt;
    out += date ? indonesian::date_long(*date) : given->second;
    copied = placeholder.end;
  }
  out.append(pattern, copied);
  return out;
}

ReportWords ReportWords::load(const std::filesystem::path& path) {
  auto root = read_object(path);
  ReportWords words;
  words.file_ = path.string();
  words.columns_ = string_table(root, "kolom", words.file_);
  words.severities_ = string_table(root, "tingkat", words.file_);
  words.titles_ = string_table(root, "laporan", words.file_);
  words.words_ = string_table(root, "kata", words.file_);
  return words;
}

const std::string& ReportWords::lookup(const std::map<std::string, std::string, std::less<>>& table,
                                       std::string_view section, std::string_view key) const {
  auto it = table.find(key);
  if (it == table.end()) {
    throw CatalogError(file_ + ": " + std::string(section) + ": no text for '" + std::string(key) +
                       "' (a report needs it)");
  }
  return it->second;
}

const std::string& ReportWords::column(std::string_view key) const { return lookup(columns_, "kolom", key); }
const std::string& ReportWords::title(std::string_view key) const { return lookup(titles_, "laporan", key); }
const std::string& ReportWords::word(std::string_view key) const { return lookup(words_, "kata", key); }

std::string ReportWords::field(std::string_view key) const {
  auto it = columns_.find(key);
  return it == columns_.end() ? std::string(key) : it->second;
}

std::string ReportWords::record(std::string_view record) const {
  auto space = record.find(' ');
  if (space == std::string_view::npos) return field(record);
  return field(record.substr(0, space)) + std::string(record.substr(space));
}

std::string ReportWords::severity(Severity severity) const {
  return lookup(severities_, "tingkat", severity_name(severity));
}

}  // namespace inovasi
