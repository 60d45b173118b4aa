#include "serve/import_outcome.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <filesystem>
#include <utility>
#include <vector>

namespace inovasi::serve {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string text_of(const Object::Ptr& object, const std::string& key) {
  return object && object->has(key) && !object->isNull(key) ? object->getValue<std::string>(key) : std::string();
}

int number_of(const Object::Ptr& object, const std::string& key) {
  return object && object->has(key) ? object->getValue<int>(key) : 0;
}

// "inovasi.csv:12": the staged file's own name, never the server's folder.
std::string place(const Object::Ptr& item) {
  std::string file = std::filesystem::path(text_of(item, "berkas")).filename().string();
  int line = number_of(item, "baris");
  return line > 0 ? file + ":" + std::to_string(line) : file;
}

std::string shown(const std::string& value) { return value.empty() ? std::string("(kosong)") : value; }

std::string counts_sentence(const Object::Ptr& root) {
  Object::Ptr counts = root->getObject("jumlah");
  std::string text = "Dibaca " + std::to_string(number_of(root, "rekaman")) + " data dari " +
                     std::to_string(number_of(root, "berkas_dibaca")) + " berkas";
  if (!counts) return text + ".";
  text += ": " + std::to_string(number_of(counts, "baru")) + " baru, " + std::to_string(number_of(counts, "diubah")) +
          " berubah, " + std::to_string(number_of(counts, "tetap")) + " tetap.";
  if (int cleared = number_of(counts, "isian_dikosongkan"); cleared > 0) {
    text += " Perubahan ini mengosongkan " + std::to_string(cleared) + " isian yang semula berisi.";
  }
  return text;
}

// In the order of the file's lines, as someone correcting the file goes through it.
PageData findings_list(const Array::Ptr& findings) {
  std::vector<Object::Ptr> ordered;
  for (std::size_t i = 0; findings && i < findings->size(); ++i) {
    ordered.push_back(findings->getObject(static_cast<unsigned>(i)));
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const Object::Ptr& a, const Object::Ptr& b) {
    return std::make_pair(text_of(a, "berkas"), number_of(a, "baris")) <
           std::make_pair(text_of(b, "berkas"), number_of(b, "baris"));
  });
  PageData list = PageData::type::list;
  for (const auto& finding : ordered) {
    PageData item;
    item.set("tempat", place(finding));
    item.set("label", text_of(finding, "label"));
    item.set("pesan", text_of(finding, "pesan_id"));
    item.set("peringatan", flag(text_of(finding, "tingkat") != "error"));
    list.push_back(item);
  }
  return list;
}

PageData changes_list(const Array::Ptr& changes, const Catalog& catalog) {
  PageData list = PageData::type::list;
  for (std::size_t i = 0; changes && i < changes->size(); ++i) {
    Object::Ptr change = changes->getObject(static_cast<unsigned>(i));
    PageData item;
    item.set("status", text_of(change, "status") == "baru" ? "Baru" : "Berubah");
    item.set("data", catalog.report_words().record(text_of(change, "data")));
    item.set("tempat", place(change));
    bool added = text_of(change, "status") == "baru";
    PageData fields = PageData::type::list;
    Array::Ptr changed = change->getArray("isian");
    for (std::size_t j = 0; changed && j < changed->size(); ++j) {
      Object::Ptr field = changed->getObject(static_cast<unsigned>(j));
      std::string column = text_of(field, "kolom");
      // A value as it was typed, kept beside the one the catalogue spells: the same change.
      if (column.ends_with("_asli")) continue;
      PageData entry;
      entry.set("label", catalog.report_words().field(column));
      if (!added) entry.set("sebelum", shown(text_of(field, "sebelum")));
      entry.set("sesudah", shown(text_of(field, "sesudah")));
      fields.push_back(entry);
    }
    item.set("isian", fields);
    list.push_back(item);
  }
  return list;
}

}  // namespace

void set_import_outcome(PageData& data, const std::string& output, const Catalog& catalog) {
  Object::Ptr root;
  try {
    root = Poco::JSON::Parser().parse(output).extract<Object::Ptr>();
  } catch (const Poco::Exception&) {
  } catch (const std::exception&) {
  }
  if (!root) {
    data.set("keluaran", output);
    return;
  }
  data.set("hasil", flag(true));
  data.set("ringkasan", counts_sentence(root));
  PageData findings = findings_list(root->getArray("temuan"));
  data.set("ada_temuan", flag(!findings.list_value().empty()));
  data.set("temuan", findings);
  if (int more = number_of(root, "temuan_tidak_dicantumkan"); more > 0) {
    data.set("temuan_lain", std::to_string(more) + " temuan lain tidak ditampilkan.");
  }
  PageData changes = changes_list(root->getArray("perubahan"), catalog);
  data.set("ada_perubahan", flag(!changes.list_value().empty()));
  data.set("perubahan", changes);
  if (int more = number_of(root, "perubahan_tidak_dicantumkan"); more > 0) {
    data.set("perubahan_lain", std::to_string(more) + " perubahan lain tidak ditampilkan.");
  }
}

}  // namespace inovasi::serve
