#include "render/template_engine.h"
#include "model/file_text.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <algorithm>
#include <functional>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "layout/blocks.h"
#include "layout/markup.h"
#include "model/text.h"
#include "render/data_recorder.h"
#include "render/skeleton.h"

namespace inovasi::render {
namespace {

using layout::MarkupError;
namespace mustache = kainjow::mustache;

// Partials can include partials; past this many inclusions one surely includes itself.
constexpr int kMaxPartialExpansions = 2000;
// Mustache parses nested sections recursively, with memory that grows with the square
// of the depth (50,000 levels took 24 GB): a template's sections nest at most this deep,
// and partials inside partials at most kMaxPartialDepth. Real templates use 3 or 4.
constexpr int kMaxSectionDepth = 32;
constexpr std::size_t kMaxPartialDepth = 16;

// One Mustache tag: where it starts ("{{") and ends (past "}}" or "}}}"), its kind (the
// character after the braces: '#', '^', '/', '>', '=', '!', '&'; '{' for {{{name}}}; 0
// for a plain variable) and its name. Read the same way by every scan of a template.
struct Tag {
  std::size_t at = 0, end = 0;
  char kind = 0;
  std::string name;
};

// The tag that starts at `at`; nothing when it is not closed.
std::optional<Tag> tag_at(std::string_view text, std::size_t at) {
  bool triple = text.substr(at, 3) == "{{{";
  std::string_view close = triple ? "}}}" : "}}";
  auto found = text.find(close, at + (triple ? 3 : 2));
  if (found == std::string_view::npos) return std::nullopt;
  Tag tag;
  tag.at = at;
  tag.end = found + close.size();
  std::string_view inside = trim(text.substr(at + 2, found - at - 2));
  if (!inside.empty() && std::string_view("{#^/>=!&").find(inside.front()) != std::string_view::npos) {
    tag.kind = inside.front();
    inside = trim(inside.substr(1));
  }
  tag.name = inside;
  return tag;
}

// Mustache's structure, checked with the place of each fault: every tag closed, every
// section closed in order and never closing what is not open, sections nested no deeper
// than kMaxSectionDepth (kainjow's memory grows with the square of the depth), and no
// set-delimiter tag ({{=<% %>=}}), which would hide tags from this check and from the
// inlining of partials.
void check_tags(const std::string& text, const std::string& file) {
  struct Open {
    std::string name;
    std::size_t at;
  };
  std::vector<Open> open;
  auto fail_at = [&](std::size_t at, const std::string& message) {
    auto [line, column] = line_column(text, at);
    throw MarkupError(file, line, column, message);
  };
  for (auto at = text.find("{{"); at != std::string::npos;) {
    auto tag = tag_at(text, at);
    if (!tag)
      fail_at(at,
              "Mustache: this tag is not closed with " + std::string(text.compare(at, 3, "{{{") == 0 ? "}}}" : "}}"));
    const std::string& name = tag->name;
    if (tag->kind == '=') fail_at(at, "set-delimiter tags ({{=...=}}) are not supported: templates use {{ and }}");
    if (tag->kind == '#' || tag->kind == '^') {
      if (open.size() >= static_cast<std::size_t>(kMaxSectionDepth)) {
        fail_at(at, "sections nest more than " + std::to_string(kMaxSectionDepth) + " deep");
      }
      open.push_back({name, at});
    } else if (tag->kind == '/') {
      if (open.empty()) fail_at(at, "Mustache: {{/" + name + "}} closes a section that is not open");
      if (open.back().name != name) {
        auto [line, column] = line_column(text, open.back().at);
        fail_at(at, "Mustache: {{/" + name + "}} closes {{#" + open.back().name + "}}, opened at " +
                        std::to_string(line) + ":" + std::to_string(column) +
                        " (close sections in the order they were opened)");
      }
      open.pop_back();
    }
    at = text.find("{{", tag->end);
  }
  if (!open.empty()) fail_at(open.back().at, "Mustache: the section {{#" + open.back().name + "}} is not closed");
}

std::string read_text(const std::filesystem::path& path) {
  auto read = read_file_text(path);
  if (!read) throw MarkupError(path.string(), 0, 0, "template not found");
  std::string text = std::move(*read);
  if (auto bad = find_invalid_utf8(text); bad != std::string::npos) {
    auto [line, column] = line_column(text, bad);
    throw MarkupError(path.string(), line, column, "invalid UTF-8 in the template");
  }
  return text;
}

// What check_tags lets through and kainjow still refuses, for the file (kainjow gives
// its place only inside its message's text).
void check_mustache(const std::string& text, const std::string& file) {
  mustache::mustache tmpl{text};
  if (!tmpl.is_valid()) throw MarkupError(file, 0, 0, "Mustache: " + tmpl.error_message());
}

// Partial names become file names: nothing that could leave the partials folder.
void check_partial_name(const std::string& name, const std::filesystem::path& partials) {
  if (name.find('/') != std::string::npos || name.find("..") != std::string::npos) {
    throw MarkupError(partials.string(), 0, 0, "partial name '" + name + "' must be a plain name");
  }
}

std::set<std::string> section_names(const std::string& text) {
  std::set<std::string> names;
  for (auto at = text.find("{{"); at != std::string::npos;) {
    auto tag = tag_at(text, at);
    if (!tag) break;
    if (tag->kind == '#' || tag->kind == '^' || tag->kind == '/') names.insert(tag->name);
    at = text.find("{{", tag->end);
  }
  return names;
}

// Looks variables up as usual, remembers the ones the data lacks, and loads partials
// from the partials folder (checked once each as markup fragments).
class CheckingContext : public mustache::context<std::string> {
 public:
  using Loader = std::function<const std::string&(const std::filesystem::path&, std::set<std::string>&)>;
  CheckingContext(const Data* data, const Data* shared, std::filesystem::path partials, std::set<std::string> sections,
                  Loader loader)
      : context(data), partials_(std::move(partials)), sections_(std::move(sections)), loader_(std::move(loader)) {
    if (shared) shared_.emplace(shared);
  }

  // Records every look-up and section into `recorder` (render/data_recorder.h).
  void record_into(DataRecorder& recorder) { recorder_ = &recorder; }
  void push(const Data* item) override {
    context::push(item);
    if (recorder_) recorder_->pushed(item);
  }
  void pop() override {
    context::pop();
    if (recorder_) recorder_->popped();
  }

  const Data* get(const std::string& name) const override {
    const Data* found = context::get(name);
    if (!found && shared_) found = shared_->get(name);  // kainjow's own lookup, dotted names and all
    if (recorder_) recorder_->looked_up(name, found);
    if (!found) (sections_.contains(name) ? missing_sections_ : missing_).insert(name);
    if (found && table_) return placeholder_for(*found);
    return found;
  }

  // From now on strings are answered with placeholders (render/skeleton.h), their values
  // kept in values(). Sections still see the data itself: strings are always true.
  // `table` holds placeholder(i) at i; a render needing more has no skeleton.
  void use_placeholders(const std::vector<Data>& table) {
    table_ = &table;
    values_.reserve(64);
  }
  const std::vector<std::string>& values() const { return values_; }
  // What placeholders cannot stand in for: a lambda (it renders the text it is given,
  // placeholders and all), more values than the table holds, a partial holding the mark.
  bool needs_plain_render() const { return saw_lambda_ || overflowed_ || saw_mark_; }

  const Data* get_partial(const std::string& name) const override {
    if (++expansions_ > kMaxPartialExpansions) {
      throw MarkupError((partials_ / (name + ".xml")).string(), 0, 0,
                        "partial '" + name + "' includes itself (or partials nest too deep)");
    }
    auto it = loaded_.find(name);
    if (it == loaded_.end()) {
      check_partial_name(name, partials_);
      auto path = partials_ / (name + ".xml");
      const std::string& text = loader_(path, sections_);
      saw_mark_ = saw_mark_ || text.find(kPlaceholderMark) != std::string::npos;
      used_.push_back(path);
      it = loaded_.emplace(name, Data(text)).first;
    }
    return &it->second;
  }

  const std::set<std::string>& missing() const { return missing_; }
  // Section names the data lacks: a section that is not there is skipped, which is how
  // templates leave optional parts out, so only strict mode (a template author's check,
  // where a misspelt {{#name}} would silently drop its part) reports them.
  const std::set<std::string>& missing_sections() const { return missing_sections_; }
  const std::vector<std::filesystem::path>& used() const { return used_; }

 private:
  std::optional<mustache::context<std::string>> shared_;
  std::filesystem::path partials_;
  mutable std::set<std::string> sections_;
  Loader loader_;
  mutable std::set<std::string> missing_;
  mutable std::set<std::string> missing_sections_;
  mutable std::map<std::string, Data> loaded_;
  mutable std::vector<std::filesystem::path> used_;
  mutable int expansions_ = 0;
  const std::vector<Data>* table_ = nullptr;
  DataRecorder* recorder_ = nullptr;
  mutable std::vector<std::string> values_;
  mutable bool saw_lambda_ = false;
  mutable bool saw_mark_ = false;
  mutable bool overflowed_ = false;

  const Data* placeholder_for(const Data& found) const {
    if (found.is_lambda() || found.is_lambda2()) saw_lambda_ = true;
    if (!found.is_string()) return &found;
    // A placeholder itself: {{.}} inside {{#name}} of a string.
    std::less<const Data*> before;
    if (!before(&found, table_->data()) && before(&found, table_->data() + table_->size())) return &found;
    if (values_.size() == table_->size()) {
      overflowed_ = true;
      return &found;
    }
    values_.push_back(found.string_value());
    return &(*table_)[values_.size() - 1];
  }
};

// Data nests no deeper than this: converting it recurses once per level.
constexpr int kMaxDataDepth = 64;

Data from_var(const Poco::Dynamic::Var& value, const std::string& file, int depth = 0) {
  if (depth > kMaxDataDepth)
    throw MarkupError(file, 0, 0, "the data nests more than " + std::to_string(kMaxDataDepth) + " deep");
  if (value.isEmpty()) return Data(false);
  if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    auto object = value.extract<Poco::JSON::Object::Ptr>();
    Data data(Data::type::object);
    for (const auto& key : object->getNames()) data.set(key, from_var(object->get(key), file, depth + 1));
    return data;
  }
  if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    auto array = value.extract<Poco::JSON::Array::Ptr>();
    Data list(Data::type::list);
    for (std::size_t i = 0; i < array->size(); ++i)
      list.push_back(from_var(array->get(static_cast<unsigned>(i)), file, depth + 1));
    return list;
  }
  if (value.isBoolean()) return Data(value.extract<bool>());
  return Data(value.convert<std::string>());
}

// Where {{name}} (or {{#name}}) first appears in the template (1:1 when it is only in a partial).
std::pair<int, int> tag_position(const std::string& text, const std::string& name) {
  std::regex tag("\\{\\{\\{?\\s*[&#^]?\\s*" + std::regex_replace(name, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                 "\\s*\\}");
  std::smatch match;
  if (std::regex_search(text, match, tag)) return line_column(text, static_cast<std::size_t>(match.position(0)));
  return {1, 1};
}

}  // namespace

std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

TemplateSet::TemplateSet(std::filesystem::path folder) : folder_(std::move(folder)) {
  placeholders_.reserve(kMaxPlaceholders);
  for (std::size_t i = 0; i < kMaxPlaceholders; ++i) placeholders_.emplace_back(placeholder(i));
}

const std::filesystem::path& TemplateSet::resolve(const std::string& name_or_path) const {
  std::lock_guard lock(mutex_);
  if (auto it = resolved_.find(name_or_path); it != resolved_.end()) return it->second;
  std::filesystem::path given(name_or_path);
  auto named = folder_ / (name_or_path + ".xml");
  std::filesystem::path found;
  if (given.extension() == ".xml" && std::filesystem::exists(given))
    found = given;
  else if (std::filesystem::exists(named))
    found = named;
  else
    throw MarkupError(name_or_path, 0, 0,
                      "no such template (looked for " + given.string() + " and " + named.string() + ")");
  return resolved_.emplace(name_or_path, std::move(found)).first->second;
}

const TemplateSet::Checked& TemplateSet::checked(const std::filesystem::path& file, bool fragment) const {
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(file);
    if (it != cache_.end()) return *it->second;
  }
  auto entry = std::make_unique<Checked>();
  entry->text = read_text(file);
  check_tags(entry->text, file.string());  // before kainjow parses it
  check_mustache(entry->text, file.string());
  // Checked before filling, so errors point at the template's own line and column.
  layout::check_template(layout::parse_markup(entry->text, file.string(), {true, fragment}), file.string());
  for (const auto& section : section_names(entry->text)) entry->sections.push_back(section);
  if (!fragment) {
    std::vector<std::string> chain;
    inline_partials(*entry, entry->text, file.string(), chain);
    check_mustache(entry->inlined, file.string());
  }
  std::lock_guard lock(mutex_);
  return *cache_.try_emplace(file, std::move(entry)).first->second;  // a racing thread's copy is as good
}

// The template's text for Mustache, with its partials' text in place of {{> name}} and
// source marks (layout/markup.h) where the filled markup would otherwise lose count of
// lines: at each partial's start and end, and after every section tag (a repeated
// section repeats its lines). Marks go only between elements, never inside a tag.
void TemplateSet::inline_partials(Checked& entry, const std::string& text, const std::string& file,
                                  std::vector<std::string>& chain) const {
  int line = 1, column = 1;
  bool in_tag = false;
  char quote = 0;
  auto advance = [&](char c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "{{") != 0) {
      char c = text[i++];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (in_tag && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == '<') {
        in_tag = true;
      } else if (c == '>') {
        in_tag = false;
      }
      entry.inlined += c;
      advance(c);
      continue;
    }
    auto found = tag_at(text, i);
    if (!found) {  // not a tag (check_tags has passed the text)
      entry.inlined.append(text, i);
      return;
    }
    std::string tag = text.substr(i, found->end - i);
    i = found->end;
    for (char c : tag) advance(c);
    char kind = found->kind;
    if (kind == '>') {
      const std::string& name = found->name;
      if (std::find(chain.begin(), chain.end(), name) != chain.end()) {
        entry.inlined += tag;  // includes itself: rendering stops it (or reports it)
        continue;
      }
      check_partial_name(name, folder_ / "partials");
      auto path = folder_ / "partials" / (name + ".xml");
      if (chain.size() >= kMaxPartialDepth) {
        auto [tag_line, tag_column] = line_column(text, found->at);
        throw MarkupError(file, tag_line, tag_column,
                          "partials include partials more than " + std::to_string(kMaxPartialDepth) + " deep");
      }
      const Checked& partial = checked(path, true);
      entry.sections.insert(entry.sections.end(), partial.sections.begin(), partial.sections.end());
      if (std::find(entry.partials.begin(), entry.partials.end(), path) == entry.partials.end())
        entry.partials.push_back(path);
      chain.push_back(name);
      if (!in_tag) entry.inlined += layout::source_mark(path.string(), 1, 1);
      inline_partials(entry, partial.text, path.string(), chain);
      if (!in_tag) entry.inlined += layout::source_mark(file, line, column);
      chain.pop_back();
      continue;
    }
    entry.inlined += tag;
    if ((kind == '#' || kind == '^' || kind == '/') && !in_tag)
      entry.inlined += layout::source_mark(file, line, column);
  }
}

RenderedMarkup TemplateSet::render(const std::filesystem::path& template_file, const Data& data, bool strict,
                                   const Data* shared, bool with_skeleton) const {
  std::string file = template_file.string();
  const Checked& main = checked(template_file, false);
  const std::string& text = main.text;

  CheckingContext context(&data, shared, folder_ / "partials", {main.sections.begin(), main.sections.end()},
                          partial_loader());
  std::unique_ptr<mustache::mustache> tmpl;
  {
    std::lock_guard lock(main.pool_mutex);
    if (!main.pool.empty()) {
      tmpl = std::move(main.pool.back());
      main.pool.pop_back();
    }
  }
  if (!tmpl) tmpl = std::make_unique<mustache::mustache>(main.inlined);
  with_skeleton = with_skeleton && main.inlined.find(kPlaceholderMark) == std::string::npos;
  if (with_skeleton) context.use_placeholders(placeholders_);
  std::ostringstream out;
  tmpl->render(context, out);
  if (!tmpl->is_valid()) throw MarkupError(file, 0, 0, "Mustache: " + tmpl->error_message());
  {
    std::lock_guard lock(main.pool_mutex);
    main.pool.push_back(std::move(tmpl));
  }

  RenderedMarkup rendered{out.str(), file, {}, {template_file}, {}, {}};
  if (with_skeleton) {
    // Rare enough to fill again the plain way, which is what the markup must be.
    if (context.needs_plain_render()) return render(template_file, data, strict, shared, false);
    Expanded expanded = expand_placeholders(rendered.markup, context.values());
    rendered.markup = std::move(expanded.markup);
    rendered.skeleton = std::move(expanded.skeleton);
    if (!rendered.skeleton.empty()) rendered.values = context.values();
  }
  rendered.sources.insert(rendered.sources.end(), main.partials.begin(), main.partials.end());
  for (const auto& path : context.used()) {
    if (std::find(rendered.sources.begin(), rendered.sources.end(), path) == rendered.sources.end()) {
      rendered.sources.push_back(path);
    }
  }
  if (strict) {
    for (const auto& name : context.missing_sections()) {
      auto [line, column] = tag_position(text, name);
      throw MarkupError(
          file, line, column,
          "the data has no '" + name + "' (strict mode: the section {{#" + name + "}} would always be left out)");
    }
  }
  for (const auto& name : context.missing()) {
    auto [line, column] = tag_position(text, name);
    std::string where = file + ":" + std::to_string(line) + ":" + std::to_string(column);
    if (strict) throw MarkupError(file, line, column, "the data has no '" + name + "' (strict mode)");
    rendered.warnings.push_back(where + ": the data has no '" + name + "' (rendered empty)");
  }
  return rendered;
}

std::function<const std::string&(const std::filesystem::path&, std::set<std::string>&)> TemplateSet::partial_loader()
    const {
  return [this](const std::filesystem::path& path, std::set<std::string>& sections) -> const std::string& {
    const Checked& partial = checked(path, true);
    sections.insert(partial.sections.begin(), partial.sections.end());
    return partial.text;
  };
}

std::string TemplateSet::sample_data(const std::filesystem::path& template_file, const Data& data,
                                     const Data* shared) const {
  const Checked& main = checked(template_file, false);
  CheckingContext context(&data, shared, folder_ / "partials", {main.sections.begin(), main.sections.end()},
                          partial_loader());
  DataRecorder recorder(&data, shared);
  context.record_into(recorder);
  mustache::mustache tmpl(main.inlined);
  std::ostringstream ignored;
  tmpl.render(context, ignored);
  if (!tmpl.is_valid()) throw MarkupError(template_file.string(), 0, 0, "Mustache: " + tmpl.error_message());
  return recorder.json();
}

Data data_from_json(const std::string& json, const std::string& file) {
  try {
    Poco::JSON::Parser parser;
    return from_var(parser.parse(json), file);
  } catch (const Poco::Exception& e) {
    throw MarkupError(file, 0, 0, "not valid JSON: " + e.displayText());
  }
}

}  // namespace inovasi::render
