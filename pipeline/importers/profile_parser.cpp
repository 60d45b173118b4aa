#include "importers/profile_parser.h"

#include <algorithm>
#include <optional>

#include "model/date.h"
#include "model/text.h"

namespace inovasi {
namespace {

struct LabelLine {
  std::string field;
  std::string value;  // text after the label on the same line (may be empty)
};

bool is_scalar(const FieldSpec& spec) { return spec.type != FieldType::Narrative; }

// Known labels come from the catalogue. With a colon, the text before it must be a
// label. Without one (SINOVDA), the line must be a label alone, or a label of a short
// field followed by a value that fits it, so narrative sentences that happen to start
// like a label ("Tujuan inovasi ini ...") stay narrative.
std::optional<LabelLine> read_label(std::string_view raw_line, const ImportContext& context, const RecordKind& kind) {
  std::string line = collapse_spaces(raw_line);
  const auto& labels = context.catalog.profile_labels();
  if (auto colon = line.find(':'); colon != std::string::npos) {
    auto it = labels.find(match_key(line.substr(0, colon)));
    if (it != labels.end()) return LabelLine{it->second, std::string(trim(std::string_view(line).substr(colon + 1)))};
  }
  if (raw_line.starts_with(' ') || raw_line.starts_with('\t')) return std::nullopt;
  if (auto it = labels.find(match_key(line)); it != labels.end()) return LabelLine{it->second, ""};
  // Longest label that prefixes the line, followed by a value that parses.
  std::string key = match_key(line);
  std::optional<LabelLine> best;
  std::size_t best_length = 0;
  for (const auto& [label, field] : labels) {
    if (label.size() <= best_length || !key.starts_with(label + " ")) continue;
    const FieldSpec* spec = kind.field(field);
    if (!spec || !is_scalar(*spec)) continue;
    // The value in the original spelling: skip as many words as the label has.
    std::size_t words = static_cast<std::size_t>(std::count(label.begin(), label.end(), ' ')) + 1;
    std::size_t position = 0;
    for (std::size_t w = 0; w < words && position != std::string::npos; ++w) position = line.find(' ', position + 1);
    if (position == std::string::npos) continue;
    std::string value(trim(std::string_view(line).substr(position)));
    // Only dates and enumerations: free-text fields would swallow ordinary sentences.
    const Enumeration* enumeration = context.catalog.enumeration(spec->enumeration);
    bool fits = spec->type == FieldType::Date   ? parse_date(value).date.has_value()
                : spec->type == FieldType::Enum ? enumeration && enumeration->match(value).known
                                                : false;
    if (fits) {
      best = LabelLine{field, value};
      best_length = label.size();
    }
  }
  return best;
}

}  // namespace

bool looks_like_profile(std::string_view content) {
  return starts_with_ci(trim(content.substr(0, 200)), "data inovasi") ||
         content.find("Tahapan Inovasi") != std::string_view::npos;
}

void import_profile(std::string content, const std::string& file, const ImportContext& context) {
  auto& diagnostics = context.diagnostics;
  if (!check_text_encoding(content, file, diagnostics)) return;
  const RecordKind& kind = *find_record_kind("inovasi");

  std::vector<std::string> lines;
  for (auto& line : split(content, '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(plain_spaces(line));
  }

  // Find the label lines first; everything between two labels belongs to the first.
  struct Found {
    std::size_t index;
    LabelLine label;
  };
  std::vector<Found> found;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (auto label = read_label(lines[i], context, kind)) found.push_back({i, std::move(*label)});
  }
  if (found.empty()) {
    diagnostics.error({file, 1}, "", "no profile labels found (expected lines such as 'Tahapan Inovasi : Penerapan')");
    return;
  }

  Record record;
  record.kind = &kind;
  auto converter = context.converter();

  // The name: a "Nama Inovasi" label, else the last line of the preamble (after the
  // heading and the boilerplate paragraph).
  bool has_name_label = false;
  for (const auto& f : found) has_name_label = has_name_label || f.label.field == "nama";
  int name_line = 0;
  if (!has_name_label) {
    for (std::size_t i = found.front().index; i-- > 0;) {
      std::string text = collapse_spaces(lines[i]);
      if (text.empty()) continue;
      if (!starts_with_ci(text, "data inovasi") || text.size() > 14) {
        name_line = static_cast<int>(i + 1);
        converter.assign(record, FieldInput{kind.field("nama"), text, {}, {file, name_line}});
      }
      break;
    }
    if (name_line == 0) diagnostics.error({file, 1}, "nama", "no innovation name before the first label");
  }
  record.where = {file, name_line ? name_line : static_cast<int>(found.front().index + 1)};

  for (std::size_t k = 0; k < found.size(); ++k) {
    const auto& [index, label] = found[k];
    std::size_t end = k + 1 < found.size() ? found[k + 1].index : lines.size();
    SourceLocation where{file, static_cast<int>(index + 1)};
    const FieldSpec* spec = kind.field(label.field);
    if (!spec) continue;
    if (record.values.contains(spec->name)) {
      diagnostics.warning(where, std::string(spec->name), "label appears again; the later value is used");
    }
    FieldInput input{spec, label.value, {}, where};
    if (spec->type == FieldType::Narrative) {
      if (!label.value.empty()) input.lines.push_back(label.value);
      input.lines.insert(input.lines.end(), lines.begin() + static_cast<std::ptrdiff_t>(index + 1),
                         lines.begin() + static_cast<std::ptrdiff_t>(end));
      input.text = join(input.lines, "\n");
    } else {
      // A short field whose value sits on the next line; anything further is not ours.
      std::size_t next = index + 1;
      while (input.text.empty() && next < end) {
        input.text = collapse_spaces(lines[next]);
        if (!input.text.empty()) input.where.line = static_cast<int>(next + 1);
        ++next;
      }
      for (; next < end; ++next) {
        if (!collapse_spaces(lines[next]).empty()) {
          diagnostics.warning({file, static_cast<int>(next + 1)}, std::string(spec->name),
                              "text after the value is not part of any known field, ignored: '" +
                                  collapse_spaces(lines[next]).substr(0, 60) + "'");
          break;
        }
      }
    }
    converter.assign(record, input);
  }

  if (!context.options.agency.empty()) {
    record.set("instansi", context.options.agency);
  }
  if (context.options.year) record.set("tahun", std::to_string(*context.options.year));
  converter.complete(record);
  context.notes.push_back(file + ": innovation '" + std::string(record.get("nama")) + "' " +
                          (record.has("instansi") ? "linked to agency '" + std::string(record.get("instansi")) + "'"
                                                  : std::string("not linked to an agency (give --agency KODE to link it)")) +
                          (record.has("tahun") ? ", year " + std::string(record.get("tahun")) : std::string()));
  context.dataset.records.push_back(std::move(record));
}

}  // namespace inovasi
