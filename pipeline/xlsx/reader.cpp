#include "xlsx/reader.h"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <charconv>
#include <fstream>
#include <sstream>

namespace inovasi::xlsx {
namespace {

using Poco::XML::Element;

class Archive {
 public:
  explicit Archive(const std::filesystem::path& path) : path_(path), in_(path, std::ios::binary) {
    if (!in_) throw XlsxReadError(path.string() + ": cannot read the file");
    try {
      archive_ = std::make_unique<Poco::Zip::ZipArchive>(in_);
    } catch (const Poco::Exception& e) {
      throw XlsxReadError(path.string() + ": not a zip file (" + e.displayText() + ")");
    }
  }

  std::string entry(const std::string& name) {
    auto header = archive_->findHeader(name);
    if (header == archive_->headerEnd()) throw XlsxReadError(path_.string() + ": no " + name + " inside (not an XLSX workbook?)");
    std::ifstream in(path_, std::ios::binary);
    Poco::Zip::ZipInputStream zip(in, header->second);
    std::ostringstream out;
    out << zip.rdbuf();
    return out.str();
  }
  bool has(const std::string& name) const { return archive_->findHeader(name) != archive_->headerEnd(); }

 private:
  std::filesystem::path path_;
  std::ifstream in_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
};

Poco::AutoPtr<Poco::XML::Document> parse(const std::string& xml, const std::string& what) {
  try {
    Poco::XML::DOMParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
    return parser.parseString(xml);
  } catch (const Poco::Exception& e) {
    throw XlsxReadError(what + ": " + e.displayText());
  }
}

std::string text_of(Element* element) { return element ? element->innerText() : std::string(); }

// Every element named `name` below `root`, in document order: what getElementsByTagName
// gives, collected in one walk. Poco's list is live, and each item(i) walks the tree again
// from the start: reading a sheet of 3,000 rows took most of a minute.
std::vector<Element*> elements_named(Poco::XML::Node* root, const std::string& name) {
  std::vector<Element*> found;
  Poco::XML::Node* node = root->firstChild();
  while (node) {
    if (node->nodeType() == Poco::XML::Node::ELEMENT_NODE && node->nodeName() == name) {
      found.push_back(static_cast<Element*>(node));
    }
    if (Poco::XML::Node* child = node->firstChild()) {
      node = child;
      continue;
    }
    while (node != root && !node->nextSibling()) node = node->parentNode();
    if (node == root) break;
    node = node->nextSibling();
  }
  return found;
}

// "BC12" -> column 54 (0-based)
int column_of(const std::string& reference) {
  int column = 0;
  for (char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
  }
  return column - 1;
}

std::vector<std::string> shared_strings(Archive& archive) {
  std::vector<std::string> strings;
  if (!archive.has("xl/sharedStrings.xml")) return strings;
  auto doc = parse(archive.entry("xl/sharedStrings.xml"), "xl/sharedStrings.xml");
  for (Element* item : elements_named(doc, "si")) {
    // Rich text splits a string into runs: the text is all <t> inside the item.
    std::string value;
    for (Element* text : elements_named(item, "t")) value += text->innerText();
    strings.push_back(value);
  }
  return strings;
}

// "B3" -> row 2, column 1; false when it is not a cell reference.
bool parse_cell(const std::string& reference, std::size_t& row, std::size_t& column) {
  std::size_t letters = 0;
  while (letters < reference.size() && reference[letters] >= 'A' && reference[letters] <= 'Z') ++letters;
  if (letters == 0 || letters > 3 || letters == reference.size() || reference.size() - letters > 7) return false;
  for (std::size_t i = letters; i < reference.size(); ++i) {
    if (reference[i] < '0' || reference[i] > '9') return false;
  }
  int c = column_of(reference);
  std::size_t r = std::stoul(reference.substr(letters));
  if (c < 0 || c > 16383 || r < 1 || r > 1'048'576) return false;
  row = r - 1;
  column = static_cast<std::size_t>(c);
  return true;
}

void read_merged_ranges(Poco::XML::Document& doc, const std::string& target, SheetData& sheet) {
  for (Element* merge : elements_named(&doc, "mergeCell")) {
    std::string ref = merge->getAttribute("ref");
    auto colon = ref.find(':');
    std::size_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
    if (colon == std::string::npos || !parse_cell(ref.substr(0, colon), first_row, first_column) ||
        !parse_cell(ref.substr(colon + 1), last_row, last_column) || last_row < first_row || last_column < first_column) {
      throw XlsxReadError(target + ": bad merged range '" + ref + "'");
    }
    if (first_row >= sheet.rows.size() || first_column >= sheet.rows[first_row].size()) continue;
    const std::string value = sheet.rows[first_row][first_column];
    char type = sheet.types[first_row][first_column];
    for (std::size_t r = first_row + 1; r <= last_row && r < sheet.rows.size(); ++r) sheet.put(r, first_column, value, type);
  }
}

SheetData read_sheet(Archive& archive, const std::string& name, const std::string& target,
                     const std::vector<std::string>& strings) {
  SheetData sheet{name, {}, {}};
  auto doc = parse(archive.entry(target), target);
  std::size_t next_row = 0;
  for (Element* row : elements_named(doc, "row")) {
    // `r` may be left out (the row after the previous one); when given it must be a row.
    std::size_t index = next_row;
    if (std::string number = row->getAttribute("r"); !number.empty()) {
      std::size_t cell_row = 0, ignored = 0;
      if (!parse_cell("A" + number, cell_row, ignored)) throw XlsxReadError(target + ": bad row number '" + number + "'");
      index = cell_row;
    }
    if (index >= 1'048'576) throw XlsxReadError(target + ": more rows than a sheet holds");
    next_row = index + 1;
    if (sheet.rows.size() <= index) {  // an empty row still counts: the rows after it keep their numbers
      sheet.rows.resize(index + 1);
      sheet.types.resize(index + 1);
    }
    std::size_t next_column = 0;
    for (Element* cell : elements_named(row, "c")) {
      std::size_t column = next_column;
      if (std::string reference = cell->getAttribute("r"); !reference.empty()) {
        std::size_t cell_row = 0;
        if (!parse_cell(reference, cell_row, column)) throw XlsxReadError(target + ": bad cell reference '" + reference + "'");
      }
      next_column = column + 1;
      std::string type = cell->getAttribute("t");
      std::string value;
      if (type == "s") {
        std::string number = text_of(cell->getChildElement("v"));
        std::size_t item = 0;
        auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), item);
        if (error != std::errc() || end != number.data() + number.size() || item >= strings.size()) {
          throw XlsxReadError(target + ": cell " + cell_reference(index, column) + " names shared string '" + number +
                              "', which the workbook does not have");
        }
        value = strings[item];
      } else if (type == "inlineStr") {
        value = text_of(cell->getChildElement("is"));
      } else {
        value = text_of(cell->getChildElement("v"));
      }
      char kind = type == "s" || type == "inlineStr" || type == "str" ? 's' : type == "b" ? 'b' : type == "e" ? 'e' : 'n';
      if (value.empty()) kind = 0;
      sheet.put(index, column, std::move(value), kind);
    }
  }
  read_merged_ranges(*doc, target, sheet);
  return sheet;
}

}  // namespace

void SheetData::put(std::size_t row, std::size_t column, std::string value, char type) {
  if (rows.size() <= row) {
    rows.resize(row + 1);
    types.resize(row + 1);
  }
  if (rows[row].size() <= column) {
    rows[row].resize(column + 1);
    types[row].resize(column + 1, 0);
  }
  rows[row][column] = std::move(value);
  types[row][column] = type;
}

int SheetData::column(std::string_view header) const {
  if (rows.empty()) return -1;
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    if (rows[0][i] == header) return static_cast<int>(i);
  }
  return -1;
}

const SheetData* WorkbookData::sheet(std::string_view name) const {
  for (const auto& s : sheets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string cell_reference(std::size_t row, std::size_t column) {
  std::string letters;
  for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

WorkbookData read_workbook(const std::filesystem::path& path) {
  Archive archive(path);
  WorkbookData data;
  auto strings = shared_strings(archive);
  auto relations = parse(archive.entry("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels");
  std::map<std::string, std::string> targets;
  for (Element* rel : elements_named(relations, "Relationship")) {
    std::string target = rel->getAttribute("Target");
    targets[rel->getAttribute("Id")] = target.starts_with("/") ? target.substr(1) : "xl/" + target;
  }
  auto workbook = parse(archive.entry("xl/workbook.xml"), "xl/workbook.xml");
  if (auto properties = elements_named(workbook, "workbookPr"); !properties.empty()) {
    std::string flag = properties.front()->getAttribute("date1904");
    data.date1904 = flag == "1" || flag == "true";
  }
  for (Element* sheet : elements_named(workbook, "sheet")) {
    auto target = targets.find(sheet->getAttribute("r:id"));
    if (target == targets.end()) {
      throw XlsxReadError("xl/workbook.xml: sheet '" + sheet->getAttribute("name") + "' has no part in the workbook");
    }
    data.sheets.push_back(read_sheet(archive, sheet->getAttribute("name"), target->second, strings));
  }
  if (archive.has("docProps/core.xml")) {
    auto core = parse(archive.entry("docProps/core.xml"), "docProps/core.xml");
    for (auto* node = core->documentElement()->firstChild(); node; node = node->nextSibling()) {
      if (node->nodeType() == Poco::XML::Node::ELEMENT_NODE) data.properties[node->nodeName()] = node->innerText();
    }
  }
  return data;
}

}  // namespace inovasi::xlsx
