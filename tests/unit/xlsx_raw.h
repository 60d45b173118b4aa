#pragma once
// Workbooks written part by part, for what libxlsxwriter will not write (merged header
// rows we shape ourselves, cells beyond Excel's 32,767 characters, rows without `r`) and
// for reading a part of a workbook we wrote (its data validations, its formats).

#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace inovasi::testing {

// sheets: name -> the <sheetData>...</sheetData> (and anything after it, such as
// <mergeCells>) of a worksheet.
inline void write_raw_xlsx(const std::filesystem::path& path,
                           const std::vector<std::pair<std::string, std::string>>& sheets) {
  std::ofstream out(path, std::ios::binary);
  Poco::Zip::Compress zip(out, true);
  auto add = [&](const std::string& name, const std::string& content) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(2026, 1, 1), name);
  };
  std::string workbook =
      R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)";
  std::string rels =
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    workbook += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    add("xl/worksheets/sheet" + n + ".xml",
        R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
            sheets[i].second + "</worksheet>");
  }
  add("xl/workbook.xml", workbook + "</sheets></workbook>");
  add("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  zip.close();
}

// An inline-string cell, the way some tools write text.
inline std::string text_cell(const std::string& reference, const std::string& text) {
  return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

inline std::string zip_entry(const std::filesystem::path& path, const std::string& name) {
  std::ifstream in(path, std::ios::binary);
  Poco::Zip::ZipArchive archive(in);
  auto header = archive.findHeader(name);
  if (header == archive.headerEnd()) return {};
  std::ifstream again(path, std::ios::binary);
  Poco::Zip::ZipInputStream zip(again, header->second);
  std::ostringstream out;
  out << zip.rdbuf();
  return out.str();
}

}  // namespace inovasi::testing
