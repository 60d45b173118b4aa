#include "importers/field_values.h"

#include <algorithm>
#include <charconv>

#include "importers/import_codes.h"
#include "importers/narrative_parser.h"
#include "model/amount.h"
#include "model/number_pattern.h"
#include "model/date.h"
#include "model/nip.h"
#include "model/text.h"

namespace inovasi {
namespace {

// Splits a list cell on semicolons and line breaks (commas appear inside urusan names).
std::vector<std::string> list_items(std::string_view text, bool commas_too) {
  std::vector<std::string> items;
  std::string current;
  auto flush = [&] {
    auto item = collapse_spaces(current);
    if (!item.empty()) items.push_back(item);
    current.clear();
  };
  for (char c : text) {
    if (c == ';' || c == '\n' || (commas_too && c == ',')) {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return items;
}

std::optional<bool> parse_bool(std::string_view text) {
  static constexpr std::string_view kTrue[] = {"ya", "y", "yes", "true", "1", "benar", "sudah", "v"};
  static constexpr std::string_view kFalse[] = {"tidak", "t", "no", "n", "false", "0", "salah", "belum", "bukan"};
  std::string key = match_key(text);
  for (auto word : kTrue) {
    if (key == word) return true;
  }
  for (auto word : kFalse) {
    if (key == word) return false;
  }
  return std::nullopt;
}

// What Excel and LibreOffice show, and CSV exports write, in place of a formula's value.
bool is_spreadsheet_error(std::string_view text) {
  static constexpr std::string_view kErrors[] = {
      "#REF!",         "#N/A",    "#VALUE!", "#DIV/0!", "#NAME?",    "#NUM!",     "#NULL!", "#SPILL!",  "#CALC!",
      "#GETTING_DATA", "Err:502", "Err:504", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"};
  for (auto error : kErrors) {
    if (text == error) return true;
  }
  return false;
}

int line_of_offset(std::string_view content, std::size_t offset) {
  return 1 + static_cast<int>(std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

void FieldConverter::report(Severity severity, const FieldInput& input, std::string_view code, FindingParams params,
                            std::string message) {
  diagnostics_.coded(severity, input.where, std::string(input.spec->name), code, std::move(params), std::move(message));
}

void FieldConverter::assign(Record& record, const FieldInput& input) {
  const FieldSpec& spec = *input.spec;
  std::string_view text = input.text;
  if (text.size() > kMaxFieldBytes) {
    std::string size = std::to_string(text.size()), limit = std::to_string(kMaxFieldBytes);
    error(input, import_finding::kTooLong, {{"ukuran", size}, {"batas", limit}},
          "value is " + size + " bytes; the limit is " + limit);
    return;
  }
  if (auto at = find_control_character(text); at != std::string_view::npos) {
    std::string which = describe_control_character(text, at);
    error(input, import_finding::kControlCharacter, {{"karakter", which}}, "contains " + which);
    return;
  }
  if (is_spreadsheet_error(trim(text))) {
    std::string value = quote_value(trim(text));
    error(input, import_finding::kSpreadsheetError, {{"nilai", value}},
          "is the spreadsheet error " + value +
              ", not a value; correct the formula in the workbook it came from, or type the value");
    return;
  }
  if (keeps_raw_text(spec.type)) record.set(raw_column(spec.name), collapse_spaces(text));
  record.set(spec.name, convert(input, text));
}

std::string FieldConverter::convert(const FieldInput& input, std::string_view text) {
  const FieldSpec& spec = *input.spec;
  std::string value = spec.type == FieldType::Narrative ? std::string(text) : collapse_spaces(text);
  if (trim(value).empty()) return {};
  switch (spec.type) {
    case FieldType::Text:
      return value;
    case FieldType::Narrative: {
      Narrative narrative = input.lines.empty() ? parse_narrative_text(text) : parse_narrative(input.lines);
      if (int depth = list_depth(narrative); depth > kMaxListDepth) {
        std::string levels = std::to_string(depth), most = std::to_string(kMaxListDepth);
        error(input, import_finding::kListTooDeep, {{"kedalaman", levels}, {"batas", most}},
              "lists nest " + levels + " levels deep; at most " + most +
                  " are allowed (check the indentation of the numbered lines)");
        return {};
      }
      // Text much shorter than a cell cannot fill one (the list markers added are few).
      bool could_overflow = text.size() > kSpreadsheetCellCharacters / 2;
      if (auto finding = could_overflow ? narrative_too_long(narrative) : std::string(); !finding.empty()) {
        report(Severity::Warning, input, import_finding::kNarrativeTooLongForExport, {{"masalah", finding}},
               finding + " before the IGA export");
      }
      return narrative.empty() ? std::string{} : narrative_to_json(narrative);
    }
    case FieldType::Date: {
      auto parsed = parse_date(value);
      if (!parsed.date) {
        error(input, import_finding::kNotADate, {{"nilai", quote_value(value)}, {"masalah", parsed.error}},
              parsed.error);
        return {};
      }
      return parsed.date->iso();
    }
    case FieldType::Nip: {
      auto nip = normalize_nip(value);
      if (!nip) {
        error(input, import_finding::kNotANip, {{"nilai", quote_value(value)}},
              quote_value(value) + " is not a NIP (18 digits, spaces and dots allowed)");
        return {};
      }
      return *nip;
    }
    case FieldType::NumberPattern: {
      if (auto problem = number_pattern_problem(value)) {
        error(input, import_finding::kNotANumberPattern, {{"nilai", quote_value(value)}, {"masalah", *problem}},
              quote_value(value) + " " + *problem);
        return {};
      }
      return value;
    }
    case FieldType::Amount: {
      auto amount = input.number_cell ? parse_amount_number(value) : parse_amount(value);
      if (!amount.canonical) {
        error(input, import_finding::kNotAnAmount, {{"nilai", quote_value(value)}, {"masalah", amount.error}},
              amount.error);
        return {};
      }
      return *amount.canonical;
    }
    case FieldType::Integer: {
      auto number = parse_whole_number(value);
      if (!number) {
        error(input, import_finding::kNotAWholeNumber, {{"nilai", quote_value(value)}},
              quote_value(value) + " is not a whole number");
        return {};
      }
      if ((spec.min_value && *number < *spec.min_value) || (spec.max_value && *number > *spec.max_value)) {
        std::string least = spec.min_value ? std::to_string(*spec.min_value) : std::string("..");
        std::string most = spec.max_value ? std::to_string(*spec.max_value) : std::string("..");
        error(input, import_finding::kOutOfRange,
              {{"nilai", std::to_string(*number)}, {"terkecil", least}, {"terbesar", most}},
              std::to_string(*number) + " is out of range (" + least + " to " + most + ")");
        return {};
      }
      return std::to_string(*number);
    }
    case FieldType::Bool: {
      auto flag = parse_bool(value);
      if (!flag) {
        error(input, import_finding::kNotYesOrNo, {{"nilai", quote_value(value)}},
              quote_value(value) + " is not yes or no (ya/tidak)");
        return {};
      }
      return *flag ? "1" : "0";
    }
    case FieldType::Enum:
    case FieldType::EnumList: {
      const auto* enumeration = catalog_.enumeration(spec.enumeration);
      if (!enumeration) {
        // A mistake in the catalogue, not in the input: the command line's words only.
        diagnostics_.error(input.where, std::string(spec.name),
                           "the catalogue has no enumeration '" + std::string(spec.enumeration) + "'");
        return {};
      }
      std::vector<std::string> canonical;
      auto raws = spec.type == FieldType::Enum ? std::vector<std::string>{value} : list_items(text, false);
      for (const auto& raw : raws) {
        auto match = enumeration->match(raw);
        if (!match.known) {
          std::string known = join(enumeration->values, ", ");
          report(Severity::Warning, input, import_finding::kUnknownChoice,
                 {{"nilai", quote_value(raw)}, {"pilihan", known}},
                 "unknown value " + quote_value(raw) + " (kept as written; known: " + known + ")");
        } else if (!match.canonical.empty()) {
          canonical.push_back(match.canonical);
        }
      }
      if (spec.type == FieldType::Enum) return canonical.empty() ? std::string{} : canonical.front();
      return canonical.empty() ? std::string{} : list_to_json(canonical);
    }
    case FieldType::NipList: {
      std::vector<std::string> nips;
      for (const auto& item : list_items(text, true)) {
        auto nip = normalize_nip(item);
        if (!nip) {
          error(input, import_finding::kListItemNotANip, {{"nilai", quote_value(item)}},
                quote_value(item) + " is not a NIP (18 digits)");
          continue;
        }
        nips.push_back(*nip);
      }
      return nips.empty() ? std::string{} : list_to_json(nips);
    }
  }
  return value;
}

void FieldConverter::complete(Record& record) {
  const RecordKind& kind = *record.kind;
  for (auto date_field : kind.year_from) {
    if (record.has("tahun") || !record.has(date_field)) continue;
    record.set("tahun", std::string(record.get(date_field).substr(0, 4)));
  }
}

std::string invalid_utf8_message(char byte) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(byte));
  return std::string("invalid UTF-8 (byte 0x") + hex + "); save the file as UTF-8";
}

bool check_text_encoding(std::string& content, const std::string& file, Diagnostics& diagnostics) {
  if (content.starts_with("\xEF\xBB\xBF")) content.erase(0, 3);
  std::size_t offset = 0;
  bool valid = true;
  int reported = 0;
  while (offset < content.size()) {
    auto bad = find_invalid_utf8(std::string_view(content).substr(offset));
    if (bad == std::string_view::npos) break;
    bad += offset;
    valid = false;
    if (++reported <= kInvalidUtf8Reported) {
      diagnostics.error({file, line_of_offset(content, bad)}, "", invalid_utf8_message(content[bad]));
    }
    auto next_line = content.find('\n', bad);
    if (next_line == std::string::npos) break;
    offset = next_line + 1;
  }
  return valid;
}

void report_missing_required(const Record& record, Diagnostics& diagnostics) {
  for (const auto& spec : record.kind->fields) {
    if (spec.required && !record.has(spec.name)) {
      diagnostics.coded(Severity::Error, record.where, std::string(spec.name), import_finding::kRequired, {},
                        "required field is missing or empty");
    }
  }
}

}  // namespace inovasi
