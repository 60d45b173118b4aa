#include "exports/csv_folder.h"

#include "model/narrative.h"
#include "model/text.h"
#include "output/atomic_file.h"

namespace inovasi::exports {
namespace {

// RFC 4180: a cell with a comma, a quote, a line break or spaces at its ends is quoted.
void append_cell(std::string& out, std::string_view value) {
  bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

constexpr std::size_t kFlushBytes = 1u << 20;

}  // namespace

std::string input_text(const Record& record, const FieldSpec& spec) {
  std::string_view value = record.get(spec.name);
  if (keeps_raw_text(spec.type) && record.has(raw_column(spec.name)))
    return std::string(record.get(raw_column(spec.name)));
  if (value.empty()) return {};
  switch (spec.type) {
    case FieldType::Narrative:
      return narrative_to_text(narrative_from_json(value));
    case FieldType::Bool:
      return value == "1" ? "ya" : "tidak";
    case FieldType::EnumList:
    case FieldType::NipList:
      return join(list_from_json(value), "; ");  // as the importers split a list
    default:
      return std::string(value);
  }
}

std::size_t write_csv_folder(const Store& store, const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  std::size_t records = 0;
  for (const auto& kind : record_kinds()) {
    std::optional<AtomicFileWriter> file;
    std::string buffer;
    store.scan(kind, store_columns(kind), [&](Record& record) {
      if (!file) {
        file.emplace(folder / (std::string(kind.name) + ".csv"));
        for (std::size_t i = 0; i < kind.fields.size(); ++i) {
          buffer += i ? "," : "";
          buffer += kind.fields[i].name;
        }
        buffer += "\r\n";
      }
      for (std::size_t i = 0; i < kind.fields.size(); ++i) {
        if (i) buffer += ',';
        append_cell(buffer, input_text(record, kind.fields[i]));
      }
      buffer += "\r\n";
      ++records;
      if (buffer.size() >= kFlushBytes) {
        file->write(buffer);
        buffer.clear();
      }
    });
    if (file) {
      file->write(buffer);
      file->commit();
    }
  }
  return records;
}

}  // namespace inovasi::exports
