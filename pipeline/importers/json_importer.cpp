#include "importers/json_importer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <map>

#include "model/text.h"

namespace inovasi {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Lines of the records and their fields, found by a light scan of the text, because
// the JSON library keeps no positions. Records are objects at depth 2 (inside a
// top-level array) or the object value of a top-level key.
struct RecordLines {
  int line = 0;
  std::map<std::string, int> fields;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text) { scan(text); }

  const RecordLines* find(const std::string& kind, std::size_t index) const {
    auto it = records_.find({kind, index});
    return it == records_.end() ? nullptr : &it->second;
  }

 private:
  void scan(std::string_view text) {
    int line = 1, depth = 0;
    std::string top_key, last_string;
    std::size_t element = 0;
    bool in_array = false;
    RecordLines* current = nullptr;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == '\n') ++line;
      if (c == '"') {
        std::string value;
        for (++i; i < text.size() && text[i] != '"'; ++i) {
          if (text[i] == '\\')
            ++i;
          else
            value += text[i];
        }
        last_string = value;
        std::size_t next = text.find_first_not_of(" \t\r\n", i + 1);
        bool is_key = next != std::string_view::npos && text[next] == ':';
        if (is_key && depth == 1) top_key = value;
        int record_depth = in_array ? 3 : 2;
        if (is_key && depth == record_depth && current) current->fields[value] = line;
        continue;
      }
      if (c == '{' || c == '[') {
        ++depth;
        if (depth == 2 && c == '[') {
          in_array = true;
          element = 0;
        } else if (depth == 2 && c == '{') {
          in_array = false;
          current = &records_[{top_key, 0}];
          current->line = line;
        } else if (depth == 3 && in_array && c == '{') {
          current = &records_[{top_key, element}];
          current->line = line;
        }
      } else if (c == '}' || c == ']') {
        if (depth == 3 && in_array && c == '}') ++element;
        --depth;
      }
    }
  }

  std::map<std::pair<std::string, std::size_t>, RecordLines> records_;
};

// A JSON value as the text an importer field expects.
std::optional<std::string> value_text(const Poco::Dynamic::Var& value, const FieldSpec& spec) {
  if (value.isEmpty()) return std::string{};
  if (value.type() == typeid(Array::Ptr)) {
    auto array = value.extract<Array::Ptr>();
    std::vector<std::string> items;
    for (std::size_t i = 0; i < array->size(); ++i) {
      auto item = array->get(static_cast<unsigned>(i));
      if (item.type() == typeid(Object::Ptr) || item.type() == typeid(Array::Ptr)) return std::nullopt;
      items.push_back(item.isEmpty() ? std::string{} : item.convert<std::string>());
    }
    if (spec.type == FieldType::Narrative) {
      std::string text;
      for (std::size_t i = 0; i < items.size(); ++i) text += std::to_string(i + 1) + ". " + items[i] + "\n";
      return text;
    }
    return join(items, "; ");
  }
  if (value.type() == typeid(Object::Ptr)) return std::nullopt;
  if (value.isBoolean()) return value.extract<bool>() ? "ya" : "tidak";
  return value.convert<std::string>();
}

void import_record(const Object::Ptr& object, const RecordKind& kind, const std::string& path, const RecordLines* lines,
                   const std::string& file, const ImportContext& context) {
  auto converter = context.converter();
  Record record;
  record.kind = &kind;
  record.where = {file, lines ? lines->line : 0};
  auto line_of = [&](const std::string& field) {
    if (!lines) return 0;
    auto it = lines->fields.find(field);
    return it == lines->fields.end() ? lines->line : it->second;
  };
  for (const auto& name : object->getNames()) {
    SourceLocation where{file, line_of(name)};
    const FieldSpec* spec = kind.field(name);
    if (!spec) {
      context.diagnostics.warning(where, path + "." + name,
                                  "unknown field for " + std::string(kind.name) + ", ignored");
      continue;
    }
    auto value = object->get(name);
    auto text = value_text(value, *spec);
    if (!text) {
      context.diagnostics.error(where, name, "expected a text, number, yes/no or a list of texts");
      continue;
    }
    bool number = value.isNumeric() && !value.isBoolean();
    converter.assign(record, FieldInput{spec, std::move(*text), {}, where, number});
  }
  converter.complete(record);
  context.emit(std::move(record));
}

}  // namespace

void import_json(std::string content, const std::string& file, const ImportContext& context) {
  auto& diagnostics = context.diagnostics;
  if (!check_text_encoding(content, file, diagnostics)) return;
  Poco::Dynamic::Var root;
  try {
    Poco::JSON::Parser parser;
    root = parser.parse(content);
  } catch (const Poco::Exception& e) {
    diagnostics.error({file, 0}, "", "not valid JSON: " + e.displayText());
    return;
  }
  if (root.type() != typeid(Object::Ptr)) {
    diagnostics.error({file, 1}, "", "expected an object whose keys are record kinds (instansi, inovasi, ...)");
    return;
  }
  auto object = root.extract<Object::Ptr>();
  LineIndex index(content);
  for (const auto& key : object->getNames()) {
    const RecordKind* kind = find_record_kind(key);
    const RecordLines* first = index.find(key, 0);
    SourceLocation where{file, first ? first->line : 0};
    if (!kind) {
      diagnostics.warning(where, key, "unknown record kind, ignored");
      continue;
    }
    auto value = object->get(key);
    if (value.type() == typeid(Object::Ptr)) {
      import_record(value.extract<Object::Ptr>(), *kind, key, index.find(key, 0), file, context);
    } else if (value.type() == typeid(Array::Ptr)) {
      auto array = value.extract<Array::Ptr>();
      for (std::size_t i = 0; i < array->size(); ++i) {
        auto element = array->getObject(static_cast<unsigned>(i));
        std::string path = key + "[" + std::to_string(i) + "]";
        if (!element) {
          diagnostics.error({file, index.find(key, i) ? index.find(key, i)->line : where.line}, path,
                            "expected an object");
          continue;
        }
        import_record(element, *kind, path, index.find(key, i), file, context);
      }
    } else {
      diagnostics.error(where, key, "expected an array of records");
    }
  }
}

}  // namespace inovasi
