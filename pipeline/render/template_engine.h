#pragma once
// Templates: Mustache (kainjow) over the print markup. A template is checked as markup
// before it is filled, so errors point at the template's own line and column; partials
// ({{> letterhead}}) come from templates/partials/. `{{x}}` escapes & < > " ' so record
// data can never become markup; {{{x}}} is for fragments the bindings build themselves.

#include <kainjow/mustache.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace inovasi::render {

using Data = kainjow::mustache::data;

struct RenderedMarkup {
  std::string markup;
  std::string file;                            // the template
  std::vector<std::string> warnings;           // missing variables when not strict
  std::vector<std::filesystem::path> sources;  // template and partials used (for change detection)
  // Asked for with `with_skeleton`: the markup with placeholders for the values it
  // escapes, and the values (render/skeleton.h). Empty when it cannot stand for the
  // markup (a value that is not inert, a lambda, a template holding the placeholder mark).
  std::string skeleton;
  std::vector<std::string> values;
};

class TemplateSet {
 public:
  explicit TemplateSet(std::filesystem::path folder);

  // A name ("sertifikat") or a path to an .xml file. Found once per name and kept (a
  // batch asks for every document); the reference stays valid while the set lives.
  // Thread-safe. Throws layout::MarkupError when there is no such template.
  const std::filesystem::path& resolve(const std::string& name_or_path) const;
  const std::filesystem::path& folder() const { return folder_; }

  // Throws layout::MarkupError (file, line, column) for bad templates, Mustache syntax
  // errors and, with `strict`, variables the data lacks.
  // `shared`, when given, answers the top-level names `data` lacks (data every document
  // of a batch has, held once).
  RenderedMarkup render(const std::filesystem::path& template_file, const Data& data, bool strict,
                        const Data* shared = nullptr, bool with_skeleton = false) const;

  // What the template reads of `data` (and `shared`), as JSON that previews it on its
  // own and passes --strict (render/data_recorder.h).
  std::string sample_data(const std::filesystem::path& template_file, const Data& data, const Data* shared) const;

 private:
  // A template or partial read and checked once; later renders reuse it.
  struct Checked {
    std::string text;
    std::vector<std::string> sections;  // with those of the partials inlined
    // The text with its partials' text in place of {{> name}} (but for partials that
    // include themselves, loaded while rendering), and the partials that went in.
    std::string inlined;
    std::vector<std::filesystem::path> partials;
    // Parsed templates ready to render. kainjow's render is not const, so each render
    // borrows one: parsing once instead of per document was most of filling a template.
    mutable std::mutex pool_mutex;
    mutable std::vector<std::unique_ptr<kainjow::mustache::mustache>> pool;
  };
  const Checked& checked(const std::filesystem::path& file, bool fragment) const;
  // Reads a partial (checked once) for the rendering context, adding its section names.
  std::function<const std::string&(const std::filesystem::path&, std::set<std::string>&)> partial_loader() const;
  void inline_partials(Checked& entry, const std::string& text, const std::string& file,
                       std::vector<std::string>& chain) const;

  // placeholder(i) at i, answered for a render's i-th value (render/skeleton.h): made
  // once, not for every value of every document. Renders with more values than this
  // (long lists) go without a skeleton.
  static constexpr std::size_t kMaxPlaceholders = 512;
  std::vector<Data> placeholders_;

  std::filesystem::path folder_;
  mutable std::mutex mutex_;
  mutable std::map<std::filesystem::path, std::unique_ptr<Checked>> cache_;
  mutable std::map<std::string, std::filesystem::path, std::less<>> resolved_;  // under mutex_
};

// Mustache data from JSON text (objects, arrays, strings, numbers, booleans, null).
Data data_from_json(const std::string& json, const std::string& file);

// "Unclosed section "x" at 123" -> line and column of byte 123 in `text`.
std::pair<int, int> line_column(std::string_view text, std::size_t offset);

}  // namespace inovasi::render
