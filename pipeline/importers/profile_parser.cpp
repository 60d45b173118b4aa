#include "importers/profile_parser.h"

#include <algorithm>
#include <optional>
#include <set>

#include "model/date.h"
#include "model/text.h"

namespace inovasi {
namespace {

struct LabelLine {
  std::string field;
  std::string value;  // text after the label on the same line (may be empty)
};

bool is_scalar(const FieldSpec& spec) { return spec.type != FieldType::Narrative; }

// The portal families lay labels out two ways: `Label : value` (the regional portal),
// or the label at the start of the line and the value after it on the same line,
// without a colon (SINOVDA). A page is read one way or the other, by which its lines show.
enum class Layout { Colons, NoColons };

// The fewest distinct labels a text needs to be taken for a profile, and the largest a
// profile can be (the seed is 5 KB; the longest real ones some tens of KB).
constexpr std::size_t kLeastProfileLabels = 3;
constexpr std::size_t kMaxProfileBytes = 4u << 20;

// The start date SINOVDA prints ("Inovasi Dimulai"): the application date when the page
// gives none of its own.
constexpr std::string_view kStartField = "waktu_mulai";

// Where the value starts in `line` when its first words spell `label` (a match key):
// "Nama SKPD / Kelompok Dinas X" with "nama skpd kelompok" gives the offset of "Dinas".
std::optional<std::size_t> after_label(std::string_view line, std::string_view label) {
  for (std::size_t space = line.find(' '); space != std::string_view::npos && space <= label.size() * 2 + 8;
       space = line.find(' ', space + 1)) {
    if (match_key(line.substr(0, space)) == label) {
      auto value = line.find_first_not_of(' ', space);
      if (value != std::string_view::npos) return value;
    }
  }
  return std::nullopt;
}

Layout detect_layout(const std::vector<std::string>& lines, const ImportContext& context) {
  const auto& labels = context.catalog.profile_labels();
  int with_colon = 0;
  for (const auto& raw : lines) {
    auto colon = raw.find(':');
    if (colon != std::string::npos && labels.contains(match_key(raw.substr(0, colon))) && ++with_colon >= 2) {
      return Layout::Colons;
    }
  }
  return Layout::NoColons;
}

// Known labels come from the catalogue. With a colon, the text before it must be a
// label. Without one, the line must be a label alone, or a label of a short field
// followed by its value: in a no-colon page any label of two words or more; otherwise
// (and for one-word labels) only a value that fits it (a date, a known enumeration
// value), so narrative sentences that happen to start like a label ("Tujuan inovasi
// ini ...") stay narrative.
std::optional<LabelLine> read_label(std::string_view raw_line, const ImportContext& context, const RecordKind& kind,
                                    Layout layout) {
  std::string line = collapse_spaces(raw_line);
  const auto& labels = context.catalog.profile_labels();
  if (auto colon = line.find(':'); colon != std::string::npos) {
    auto it = labels.find(match_key(line.substr(0, colon)));
    if (it != labels.end()) return LabelLine{it->second, std::string(trim(std::string_view(line).substr(colon + 1)))};
  }
  if (raw_line.starts_with(' ') || raw_line.starts_with('\t')) return std::nullopt;
  if (auto it = labels.find(match_key(line)); it != labels.end()) return LabelLine{it->second, ""};
  // Longest label that prefixes the line, followed by a value that it takes.
  std::string key = match_key(line);
  std::optional<LabelLine> best;
  std::size_t best_length = 0;
  for (const auto& [label, field] : labels) {
    if (label.size() <= best_length || !key.starts_with(label + " ")) continue;
    const FieldSpec* spec = kind.field(field);
    bool start_date = field == kStartField;
    if (!start_date && (!spec || !is_scalar(*spec))) continue;
    auto position = after_label(line, label);
    if (!position) continue;
    std::string value(trim(std::string_view(line).substr(*position)));
    bool several_words = label.find(' ') != std::string::npos;
    const Enumeration* enumeration = spec ? context.catalog.enumeration(spec->enumeration) : nullptr;
    bool fits = false;
    if (start_date || spec->type == FieldType::Date) {
      fits = parse_date(value).date.has_value();
    } else if (spec->type == FieldType::Enum) {
      fits = enumeration && enumeration->match(value).known;
    }
    if (fits || (layout == Layout::NoColons && several_words)) {
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
  if (content.size() > kMaxProfileBytes) {
    diagnostics.error({file, 0}, "",
                      "is " + std::to_string(content.size() >> 20) +
                          " MiB; a portal profile is a page of "
                          "text (at most " +
                          std::to_string(kMaxProfileBytes >> 20) + " MiB), so this is not one");
    return;
  }
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
  Layout layout = detect_layout(lines, context);
  std::vector<Found> found;
  std::set<std::string> fields_found;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (auto label = read_label(lines[i], context, kind, layout)) {
      fields_found.insert(label->field);
      found.push_back({i, std::move(*label)});
    }
  }
  // A meeting note or any other text can hold a line that starts like a label; a
  // profile has several of them.
  if (fields_found.size() < kLeastProfileLabels) {
    diagnostics.error({file, found.empty() ? 1 : static_cast<int>(found.front().index + 1)}, "",
                      "does not look like a portal profile: " + std::to_string(fields_found.size()) +
                          " of its labels found, at least " + std::to_string(kLeastProfileLabels) +
                          " expected (lines such as 'Tahapan Inovasi : Penerapan' or 'Tahapan Inovasi Penerapan')");
    return;
  }

  Record record;
  record.kind = &kind;
  auto converter = context.converter();
  std::optional<FieldInput> start;  // "Inovasi Dimulai"

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
    if (label.field == kStartField) {
      start = FieldInput{kind.field("waktu_penerapan"), label.value, {}, where};
      continue;
    }
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

  if (start && !record.has("waktu_penerapan")) converter.assign(record, *start);

  if (!context.options.agency.empty()) {
    record.set("instansi", context.options.agency);
  }
  if (context.options.year) record.set("tahun", std::to_string(*context.options.year));
  converter.complete(record);
  if (!record.has("tahun")) {
    // A page copied without its dates: what it has is kept only with a year to file it under.
    diagnostics.error(record.where, "tahun",
                      "the profile gives no date to take the year from (waktu_penerapan, waktu_uji_coba); "
                      "pass --year Y for the programme year");
    return;
  }
  context.notes.push_back(file + ": innovation '" + std::string(record.get("nama")) + "' " +
                          (record.has("instansi")
                               ? "linked to agency '" + std::string(record.get("instansi")) + "'"
                               : std::string("not linked to an agency (give --agency KODE to link it)")) +
                          (record.has("tahun") ? ", year " + std::string(record.get("tahun")) : std::string()));
  context.emit(std::move(record));
}

}  // namespace inovasi
