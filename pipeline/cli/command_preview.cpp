#include <filesystem>
#include <fstream>
#include "model/file_text.h"
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "output/atomic_file.h"
#include "render/render_pdf.h"

namespace inovasi::cli {
namespace {

std::optional<Date> date_option(const Args& args) {
  auto text = args.value("date");
  if (!text) return std::nullopt;
  auto parsed = parse_date(*text);
  if (!parsed.date) throw UsageError("--date: " + parsed.error);
  return parsed.date;
}

int run_preview(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) throw UsageError("preview needs one template (a name or a .xml file)");
  auto data_file = args.value("data");
  auto output = args.value("output");
  if (!output) throw UsageError("preview needs -o OUT.pdf");
  render::TemplateSet templates(env.templates);
  const auto& template_file = templates.resolve(args.positionals().front());
  // Without --data, the sample shipped beside the template (NAME.contoh.json, made with
  // `render --save-data`): what a real document of its kind holds.
  std::filesystem::path sample = std::filesystem::path(template_file).replace_extension(".contoh.json");
  if (!data_file && std::filesystem::is_regular_file(sample)) data_file = sample.string();
  render::Data data(render::Data::type::object);
  if (data_file) {
    auto json = read_file_text(*data_file);
    if (!json) throw DataError(*data_file + ": cannot read the file (--data)");
    data = render::data_from_json(*json, *data_file);
  } else {
    env.err << "warning: no --data, and no sample data beside the template (" << sample.string()
            << "): rendering with empty data\n";
  }
  auto fonts = pdf::FontManifest::load(env.fonts);
  render::RenderOptions options{args.flag("strict"), date_option(args), args.flag("replace-missing-glyphs")};
  auto result = render::render_pdf(templates, template_file, data, fonts, options);
  for (const auto& warning : result.warnings) env.err << "warning: " << warning << '\n';
  write_file_atomically(*output, result.bytes);
  env.out << *output << ": " << result.pages << " page(s), " << result.bytes.size() << " bytes, "
          << (result.encoding == pdf::TextEncoding::Cp1252 ? "CP1252" : "UTF-8") << " text\n";
  return kOk;
}

}  // namespace

Command preview_command() {
  return {"preview",
          "render one template with one JSON data file, for template authors",
          "inovasi preview TEMPLATE [--data FILE.json] -o OUT.pdf [--strict] [--date YYYY-MM-DD]\n\n"
          "TEMPLATE is a name in the templates folder (sertifikat) or a path to a .xml file.\n"
          "Without --data, the sample beside the template is used (sertifikat.contoh.json; make\n"
          "one from real records with `inovasi render KIND --save-data DIR`).\n"
          "Errors name the template's file, line and column. Without --strict, variables the\n"
          "data lacks are warnings and print empty.",
          {{"data", "FILE", "the template's data as JSON (default: NAME.contoh.json beside the template)"},
           {"output", "OUT.pdf", "where to write the PDF (also -o)"},
           {"strict", "", "a variable the data lacks is an error"},
           {"date", "YYYY-MM-DD", "creation date written into the PDF (default: none)"},
           {"replace-missing-glyphs", "", "print characters no font has as '?' (with a warning) instead of failing"}},
          run_preview};
}

}  // namespace inovasi::cli
