#pragma once
// A finding as the commands' JSON reports it (`validate --json`, `import --json`): where
// (when it has a place in a file), which record and field with the field's label, the
// stable code, the English message and the catalogue's Indonesian text.

#include <Poco/JSON/Object.h>

#include "model/catalog.h"

namespace inovasi::cli {

inline Poco::JSON::Object::Ptr finding_json(const Diagnostic& finding, const Catalog& catalog) {
  Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  item->set("tingkat", std::string(severity_name(finding.severity)));
  if (!finding.where.file.empty()) {
    item->set("berkas", finding.where.file);
    item->set("baris", finding.where.line);
  }
  item->set("data", finding.record);
  item->set("kolom", finding.field);
  item->set("label", finding.field.empty() ? std::string() : catalog.report_words().field(finding.field));
  item->set("kode", finding.code);
  item->set("pesan", finding.message);
  item->set("pesan_id", catalog.finding_message(finding, Language::Indonesian));
  return item;
}

}  // namespace inovasi::cli
