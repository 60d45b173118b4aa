#include "importers/form_record.h"

#include "importers/field_values.h"
#include "model/text.h"

namespace inovasi {

std::optional<Record> record_from_form(const RecordKind& kind, const FormFields& fields, const std::string& source,
                                       const Catalog& catalog, Diagnostics& diagnostics, FormScope scope) {
  Diagnostics found;
  FieldConverter converter(catalog, found);
  Record record;
  record.kind = &kind;
  record.where = {source, 1};
  for (const auto& [name, value] : fields) {
    const FieldSpec* spec = kind.field(name);
    if (!spec) {
      found.error(record.where, name, "this form has no such field");  // only a tampered form
      continue;
    }
    // A browser always sends UTF-8; the converter's size and character checks come next.
    if (auto bad = find_invalid_utf8(value); bad != std::string::npos) {
      found.error(record.where, name, invalid_utf8_message(value[bad]));
      continue;
    }
    converter.assign(record, FieldInput{spec, value, {}, record.where});
  }
  converter.complete(record);
  if (scope == FormScope::Whole) report_missing_required(record, found);
  bool failed = found.has_errors();
  diagnostics.append(found);
  if (failed) return std::nullopt;
  return record;
}

}  // namespace inovasi
