#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "model/text.h"
#include "store/store.h"

namespace inovasi::cli {
namespace {

struct KindAlias {
  std::string_view alias;
  std::string_view kind;
};
constexpr KindAlias kAliases[] = {
    {"region", "daerah"},
    {"agencies", "instansi"},
    {"facilitators", "fasilitator"},
    {"teams", "tim_inovasi"},
    {"members", "anggota_tim"},
    {"innovations", "inovasi"},
    {"answers", "jawaban_indikator"},
    {"contracts", "perjanjian_kinerja"},
    {"bappeda-team", "tim_bappeda"},
    {"requests", "permohonan_diskusi"},
    {"sessions", "sesi_diskusi"},
    {"attendance", "kehadiran"},
    {"awards", "penghargaan"},
};

const RecordKind& kind_named(const std::string& name) {
  for (const auto& alias : kAliases) {
    if (alias.alias == name) return *find_record_kind(alias.kind);
  }
  if (const auto* kind = find_record_kind(name)) return *kind;
  std::string known;
  for (const auto& alias : kAliases) known += std::string(known.empty() ? "" : ", ") + std::string(alias.alias);
  throw UsageError("unknown record kind '" + name + "' (one of: " + known + ", or a kind's own name)");
}

Poco::Dynamic::Var json_value(const FieldSpec* spec, const std::string& value) {
  if (!spec) return value;  // raw-text companion
  switch (spec->type) {
    case FieldType::Integer:
      return std::stoll(value);
    case FieldType::Amount:
      return value;  // exact decimal text: a JSON number would be a binary float
    case FieldType::Bool:
      return value == "1";
    case FieldType::Narrative:
    case FieldType::EnumList:
    case FieldType::NipList: {
      Poco::JSON::Parser parser;
      return parser.parse(value);
    }
    default:
      return value;
  }
}

void print_json(const RecordKind& kind, const std::vector<Record>& records, std::ostream& out) {
  Poco::JSON::Array array;
  for (const auto& record : records) {
    Poco::JSON::Object::Ptr object = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& column : store_columns(kind)) {
      if (record.has(column)) object->set(column, json_value(kind.field(column), std::string(record.get(column))));
    }
    array.add(object);
  }
  array.stringify(out, 1);
  out << '\n';
}

// Short columns only: narratives and lists belong in --json or the documents.
void print_table(const RecordKind& kind, const std::vector<Record>& records, std::ostream& out) {
  std::vector<const FieldSpec*> columns;
  for (const auto& spec : kind.fields) {
    bool short_field =
        spec.type != FieldType::Narrative && spec.type != FieldType::EnumList && spec.type != FieldType::NipList;
    if (short_field && columns.size() < 6) columns.push_back(&spec);
  }
  std::vector<std::size_t> widths;
  for (const auto* spec : columns) {
    std::size_t width = spec->name.size();
    for (const auto& record : records)
      width = std::max(width, std::min<std::size_t>(record.get(spec->name).size(), 40));
    widths.push_back(width);
  }
  auto cell = [](std::string_view text, std::size_t width) {
    std::string value(text.substr(0, width));
    return value + std::string(width - value.size() + 2, ' ');
  };
  std::string line;
  for (std::size_t i = 0; i < columns.size(); ++i) line += cell(columns[i]->name, widths[i]);
  out << trim(line) << '\n';
  for (const auto& record : records) {
    line.clear();
    for (std::size_t i = 0; i < columns.size(); ++i) line += cell(record.get(columns[i]->name), widths[i]);
    out << trim(line) << '\n';
  }
  out << records.size() << " " << kind.name << " record(s)\n";
}

int run_list(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) throw UsageError("list needs one record kind, e.g. 'inovasi list agencies'");
  const RecordKind& kind = kind_named(args.positionals().front());
  Store store = Store::open(env.database, false);
  auto records = store.load(kind);
  if (auto year = args.integer("year"); year && kind.field("tahun")) {
    std::erase_if(records, [&](const Record& r) { return r.get("tahun") != std::to_string(*year); });
  }
  if (args.flag("json")) {
    print_json(kind, records, env.out);
  } else {
    print_table(kind, records, env.out);
  }
  return kOk;
}

}  // namespace

Command list_command() {
  std::string kinds;
  return {"list",
          "show the records of one kind",
          "inovasi list KIND [--year Y] [--json]\n\n"
          "KIND: region, agencies, facilitators, teams, members, innovations, answers,\n"
          "contracts, bappeda-team, requests, sessions, attendance, awards (or the\n"
          "Indonesian names: instansi, fasilitator, inovasi, ...).",
          {{"year", "Y", "only records of this year"}, {"json", "", "every field, as JSON"}},
          run_list};
}

}  // namespace inovasi::cli
