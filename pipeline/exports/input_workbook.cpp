#include "exports/input_workbook.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "exports/csv_folder.h"
#include "model/narrative.h"
#include "model/text.h"
#include "xlsx/reader.h"
#include "xlsx/workbook.h"

namespace inovasi::exports {
namespace {

constexpr std::string_view kGuideSheet = "petunjuk";
constexpr std::string_view kIndicatorSheet = "indikator_iga";
constexpr std::string_view kListSheet = "daftar_pilihan";

std::string_view type_key(FieldType type) {
  switch (type) {
    case FieldType::Text:
      return "Text";
    case FieldType::Narrative:
      return "Narrative";
    case FieldType::Date:
      return "Date";
    case FieldType::Nip:
      return "Nip";
    case FieldType::Integer:
      return "Integer";
    case FieldType::Amount:
      return "Amount";
    case FieldType::Bool:
      return "Bool";
    case FieldType::Enum:
      return "Enum";
    case FieldType::EnumList:
      return "EnumList";
    case FieldType::NipList:
      return "NipList";
    case FieldType::NumberPattern:
      return "NumberPattern";
  }
  return "Text";
}

// The lists behind the dropdowns: one column of the hidden sheet each, so a list of any
// length (every agency of a region, every innovation) can be offered.
class Lists {
 public:
  void add(const std::string& name, std::vector<std::string> values) {
    if (values.empty() || index_.contains(name)) return;
    index_[name] = columns_.size();
    names_.push_back(name);
    columns_.push_back(std::move(values));
  }
  const std::vector<std::string>* values(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &columns_[it->second];
  }
  std::string range(const std::string& name) const {
    std::size_t column = index_.at(name);
    std::string top = xlsx::cell_reference(1, column), bottom = xlsx::cell_reference(columns_[column].size(), column);
    auto absolute = [](const std::string& cell) {
      auto digit = cell.find_first_of("0123456789");
      return "$" + cell.substr(0, digit) + "$" + cell.substr(digit);
    };
    return "=" + std::string(kListSheet) + "!" + absolute(top) + ":" + absolute(bottom);
  }
  void write(xlsx::WorkbookWriter& book) const {
    auto& sheet = book.add_sheet(std::string(kListSheet));
    sheet.header(names_);
    std::size_t longest = 0;
    for (const auto& column : columns_) longest = std::max(longest, column.size());
    for (std::size_t r = 0; r < longest; ++r) {
      std::vector<xlsx::Cell> row;
      for (const auto& column : columns_) row.push_back(r < column.size() ? xlsx::Cell{column[r]} : xlsx::Cell{});
      sheet.row(row);
    }
    sheet.hide();
  }

 private:
  std::map<std::string, std::size_t> index_;
  std::vector<std::string> names_;
  std::vector<std::vector<std::string>> columns_;
};

// The list a field's dropdown offers, by name in `lists`, or "" for none.
std::string list_for(const FieldSpec& spec) {
  if (spec.type == FieldType::Enum) return std::string(spec.enumeration);
  if (spec.type == FieldType::Bool) return "ya_tidak";
  if (spec.type != FieldType::Text) return {};
  if (spec.references == "instansi" || spec.references == "inovasi") return std::string(spec.references);
  if (spec.name.ends_with("pangkat")) return "pangkat";
  if (spec.name.ends_with("golongan")) return "golongan";
  return {};
}

Lists build_lists(const Catalog& catalog, std::vector<std::string> agency_codes,
                  std::vector<std::string> innovation_codes) {
  Lists lists;
  std::set<std::string_view> enumerations;
  for (const auto& kind : record_kinds()) {
    for (const auto& spec : kind.fields) {
      if (spec.type == FieldType::Enum) enumerations.insert(spec.enumeration);
    }
  }
  for (auto name : enumerations) {
    if (const auto* enumeration = catalog.enumeration(name)) lists.add(std::string(name), enumeration->values);
  }
  lists.add("ya_tidak", {"ya", "tidak"});
  std::vector<std::string> ranks, grades;
  for (const auto& rank : catalog.ranks()) {
    ranks.push_back(rank.pangkat);
    grades.push_back(rank.golongan);
  }
  lists.add("pangkat", ranks);
  lists.add("golongan", grades);
  lists.add("instansi", std::move(agency_codes));
  lists.add("inovasi", std::move(innovation_codes));
  return lists;
}

// How the column is filled, in the guide's words ("Tanggal (dd/mm/yyyy)").
std::string type_name(const WorkbookGuide& guide, const FieldSpec& spec) {
  std::string_view key = spec.type == FieldType::Text && !list_for(spec).empty() ? "TextWithList" : type_key(spec.type);
  auto type = guide.type_names.find(std::string(key));
  return type == guide.type_names.end() ? std::string() : type->second;
}

std::string describe(const WorkbookGuide& guide, const RecordKind& kind, const FieldSpec& spec,
                     const Catalog& catalog) {
  std::string text;
  if (auto sheet = guide.columns.find(std::string(kind.name)); sheet != guide.columns.end()) {
    if (auto column = sheet->second.find(std::string(spec.name)); column != sheet->second.end()) text = column->second;
  }
  if (auto type = type_name(guide, spec); !type.empty())
    text += (text.empty() ? "" : " ") + std::string("Isian: ") + type + ".";
  if (spec.type == FieldType::EnumList) {
    if (const auto* enumeration = catalog.enumeration(spec.enumeration)) {
      text += " Pilihan: " + join(enumeration->values, "; ") + ".";
    }
  }
  if (spec.required) text += " (wajib)";
  if (spec.key) text += " (kunci)";
  return text;
}

// The check or dropdown a column gets, if any.
std::optional<xlsx::Validation> validation_for(const FieldSpec& spec, const Lists& lists, const Catalog& catalog,
                                               int year, const std::string& description) {
  xlsx::Validation rule;
  rule.title = std::string(spec.name);
  rule.message = description;
  if (auto list = list_for(spec); !list.empty() && lists.values(list)) {
    rule.values = *lists.values(list);
    rule.range = lists.range(list);
    // References and ranks may name what the workbook does not list yet (a new
    // innovation on the same sheet, an old rank): warn, do not refuse.
    rule.strict = spec.type == FieldType::Enum || spec.type == FieldType::Bool;
    return rule;
  }
  if (spec.type == FieldType::Date) {
    rule.type = xlsx::Validation::Type::Date;
    rule.first = {2000, 1, 1};
    rule.last = {2100, 12, 31};
    return rule;
  }
  if (spec.type == FieldType::Integer) {
    rule.type = xlsx::Validation::Type::WholeNumber;
    rule.minimum = spec.min_value.value_or(0);
    rule.maximum = spec.max_value.value_or(999'999'999'999'999);
    if (spec.name == "indikator") {
      int highest = 0;
      for (const auto& indicator : catalog.indicators_for(year).indicators)
        highest = std::max(highest, indicator.number);
      if (highest > 0) rule.maximum = highest;
    }
    return rule;
  }
  return std::nullopt;
}

xlsx::ColumnStyle style_for(FieldType type) {
  switch (type) {
    case FieldType::Text:
    case FieldType::NumberPattern:
    case FieldType::Nip:
    case FieldType::NipList:
    case FieldType::EnumList:
      return xlsx::ColumnStyle::Text;  // phone numbers and codes keep their leading zeros
    case FieldType::Date:
      return xlsx::ColumnStyle::Date;
    case FieldType::Narrative:
      return xlsx::ColumnStyle::Wrapped;
    case FieldType::Integer:
    case FieldType::Amount:
    case FieldType::Bool:
    case FieldType::Enum:
      break;
  }
  return xlsx::ColumnStyle::General;
}

// A stored value as the cell the importer reads back into the same value.
// Dates and numbers as typed cells; everything else as the text an input file writes.
xlsx::Cell cell_of(const Record& record, const FieldSpec& spec) {
  std::string_view value = record.get(spec.name);
  if (value.empty()) return input_text(record, spec);
  switch (spec.type) {
    case FieldType::Date:
      if (auto parsed = parse_date(value); parsed.date) return *parsed.date;
      break;
    case FieldType::Integer:
      if (value.size() <= 15) return static_cast<double>(std::stoll(std::string(value)));
      break;
    case FieldType::Amount:
      // Whole rupiah as a number cell; an amount with sen as the text it is stored as
      // ("1500000.75"), which a spreadsheet shows and the importer reads back exactly.
      if (value.find('.') == std::string_view::npos && value.size() <= 15)
        return static_cast<double>(std::stoll(std::string(value)));
      break;
    default:
      break;
  }
  return input_text(record, spec);
}

// The records of a kind that belong to the agency: itself, what names it, and what
// names one of its innovations.
bool belongs_to(const Record& record, const std::string& agency,
                const std::set<std::string, std::less<>>& innovations) {
  const RecordKind& kind = *record.kind;
  if (kind.name == "instansi") return record.get("kode") == agency;
  for (const auto& spec : kind.fields) {
    if (spec.references == "instansi") return record.get(spec.name) == agency;
  }
  for (const auto& spec : kind.fields) {
    if (spec.references == "inovasi") return innovations.contains(record.get(spec.name));
  }
  return false;
}

void write_guide(xlsx::WorkbookWriter& book, const WorkbookGuide& guide, const std::vector<const RecordKind*>& kinds,
                 const Catalog& catalog) {
  auto& sheet = book.add_sheet(std::string(kGuideSheet));
  sheet.header({guide.title}, false);
  sheet.row({});
  for (const auto& line : guide.instructions) sheet.row({line});
  sheet.row({});
  sheet.header({"lembar", "kolom", "wajib", "jenis_isian", "keterangan"}, false);
  for (const auto* kind : kinds) {
    auto title = guide.sheet_titles.find(std::string(kind->name));
    sheet.row({std::string(kind->name), std::string(), std::string(), std::string(),
               title == guide.sheet_titles.end() ? std::string(kind->summary) : title->second});
    for (const auto& spec : kind->fields) {
      sheet.row({std::string(), std::string(spec.name), std::string(spec.required ? "ya" : ""), type_name(guide, spec),
                 describe(guide, *kind, spec, catalog)});
    }
  }
  for (auto [column, width] : {std::pair{0, 22.0}, {1, 26.0}, {2, 7.0}, {3, 30.0}, {4, 90.0}})
    sheet.set_column_width(column, width);
}

void write_indicators(xlsx::WorkbookWriter& book, const Catalog& catalog, int year) {
  const auto& edition = catalog.indicators_for(year);
  auto& sheet = book.add_sheet(std::string(kIndicatorSheet));
  sheet.header({"indikator", "uraian", "bobot", "level_1", "level_2", "level_3", "bukti"});
  for (const auto& indicator : edition.indicators) {
    auto level = [&](std::size_t i) { return i < indicator.levels.size() ? indicator.levels[i] : std::string(); };
    sheet.row({static_cast<double>(indicator.number), indicator.label, static_cast<double>(indicator.weight), level(0),
               level(1), level(2), indicator.evidence});
  }
  for (int column = 1; column <= 6; ++column) sheet.style_column(column, xlsx::ColumnStyle::Wrapped);
  for (int column : {1, 3, 4, 5, 6}) sheet.set_column_width(column, 40);
}

// The rows of a kind's sheet: `each` is called with every record the sheet holds.
using RowsOf = std::function<void(const RecordKind&, const std::function<void(const Record&)>&)>;

struct WorkbookPlan {
  const Catalog& catalog;
  std::vector<const RecordKind*> kinds;
  const Lists& lists;
  int year;
  std::string title;
  Date created;
  bool filled;  // false: a blank workbook, headers only
};

void write_workbook(const WorkbookPlan& plan, const RowsOf& rows_of, const std::filesystem::path& target,
                    xlsx::WorkbookWriter::Memory memory) {
  const WorkbookGuide& guide = plan.catalog.workbook_guide();
  xlsx::WorkbookWriter book(target, {plan.title, guide.title, "inovasi", "inovasi; buku kerja isian", plan.created},
                            memory);
  write_guide(book, guide, plan.kinds, plan.catalog);
  for (const auto* kind : plan.kinds) {
    auto& sheet = book.add_sheet(std::string(kind->name));
    std::vector<std::string> header;
    for (const auto& spec : kind->fields) header.emplace_back(spec.name);
    sheet.header(header);
    for (std::size_t c = 0; c < kind->fields.size(); ++c) {
      const FieldSpec& spec = kind->fields[c];
      int column = static_cast<int>(c);
      std::string description = describe(guide, *kind, spec, plan.catalog);
      sheet.style_column(column, style_for(spec.type));
      if (spec.type == FieldType::Narrative) sheet.set_column_width(column, 50);
      sheet.comment_header(column, description);
      if (auto rule = validation_for(spec, plan.lists, plan.catalog, plan.year, description))
        sheet.validate(column, *rule);
    }
    if (!plan.filled) continue;
    rows_of(*kind, [&](const Record& record) {
      std::vector<xlsx::Cell> cells;
      for (const auto& spec : kind->fields) cells.push_back(cell_of(record, spec));
      sheet.row(cells);
    });
  }
  write_indicators(book, plan.catalog, plan.year);
  plan.lists.write(book);
  book.close();
}

void check_guide(const Catalog& catalog) {
  if (catalog.workbook_guide().agency_sheets.empty()) {
    throw std::runtime_error("the catalogue has no workbook guide (templates/catalog/buku-kerja-isian.json)");
  }
}

}  // namespace

void write_input_workbook(const InputWorkbookRequest& request, const std::filesystem::path& target) {
  check_guide(request.catalog);
  const WorkbookGuide& guide = request.catalog.workbook_guide();
  const Snapshot& snapshot = request.snapshot;
  int year = request.year ? request.year : snapshot.latest_year();
  if (year == 0) year = request.catalog.indicator_editions().back().edition;

  std::vector<const RecordKind*> kinds;
  if (request.everything) {
    for (const auto& kind : record_kinds()) kinds.push_back(&kind);
  } else {
    for (const auto& name : guide.agency_sheets) kinds.push_back(find_record_kind(name));
  }

  std::set<std::string, std::less<>> agency_innovations;
  std::vector<std::string> agency_codes, innovation_codes;
  for (const auto& agency : snapshot.all("instansi")) {
    if (request.agency.empty() || agency.get("kode") == request.agency) agency_codes.emplace_back(agency.get("kode"));
  }
  for (const auto& innovation : snapshot.all("inovasi")) {
    if (request.agency.empty() || innovation.get("instansi") == request.agency) {
      innovation_codes.emplace_back(innovation.get("kode"));
      agency_innovations.insert(std::string(innovation.get("kode")));
    }
  }
  Lists lists = build_lists(request.catalog, std::move(agency_codes), std::move(innovation_codes));
  std::string scope = request.agency.empty() ? std::string() : " " + request.agency;
  WorkbookPlan plan{request.catalog,
                    kinds,
                    lists,
                    year,
                    guide.title + scope,
                    request.created,
                    request.everything || !request.agency.empty()};
  write_workbook(
      plan,
      [&](const RecordKind& kind, const std::function<void(const Record&)>& each) {
        for (const auto& record : snapshot.all(kind.name)) {
          if (request.everything || belongs_to(record, request.agency, agency_innovations)) each(record);
        }
      },
      target, xlsx::WorkbookWriter::Memory::Whole);
}

void write_input_workbook_from_store(const Store& store, const Catalog& catalog, int year,
                                     const std::filesystem::path& target) {
  check_guide(catalog);
  std::vector<const RecordKind*> kinds;
  for (const auto& kind : record_kinds()) kinds.push_back(&kind);
  // The dropdowns' lists and the workbook's date: read before the rows, a column at a time.
  std::vector<std::string> agency_codes, innovation_codes;
  store.scan(*find_record_kind("instansi"), {"kode"}, [&](Record& r) { agency_codes.emplace_back(r.get("kode")); });
  store.scan(*find_record_kind("inovasi"), {"kode"}, [&](Record& r) { innovation_codes.emplace_back(r.get("kode")); });
  Date created{2000, 1, 1};
  for (const auto& kind : record_kinds()) {
    std::vector<std::string> dates;
    for (const auto& spec : kind.fields) {
      if (spec.type == FieldType::Date) dates.emplace_back(spec.name);
    }
    if (dates.empty()) continue;
    store.scan(kind, dates, [&](Record& r) {
      for (const auto& field : dates) {
        if (auto parsed = parse_date(r.get(field)); parsed.date && *parsed.date > created) created = *parsed.date;
      }
    });
  }
  if (year == 0) year = static_cast<int>(store.max_integer(*find_record_kind("inovasi"), "tahun"));
  if (year == 0) year = catalog.indicator_editions().back().edition;
  Lists lists = build_lists(catalog, std::move(agency_codes), std::move(innovation_codes));
  WorkbookPlan plan{catalog, kinds, lists, year, catalog.workbook_guide().title, created, true};
  write_workbook(
      plan,
      [&](const RecordKind& kind, const std::function<void(const Record&)>& each) {
        store.scan(kind, store_columns(kind), [&](Record& record) { each(record); });
      },
      target, xlsx::WorkbookWriter::Memory::Streaming);
}

}  // namespace inovasi::exports
