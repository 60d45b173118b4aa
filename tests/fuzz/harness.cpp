#include "harness.h"

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <qrencode.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "importers/import_job.h"
#include "layout/markup.h"
#include "layout/qr_symbol.h"
#include "model/catalog.h"
#include "pdf/font_set.h"
#include "pdf/pdf_joiner.h"
#include "pdf/stream_compression.h"
#include "render/render_pdf.h"
#include "render/template_engine.h"
#include "serve/server.h"
#include "sign/pdf_revisions.h"

namespace inovasi::fuzz {
namespace {

const std::filesystem::path& source_dir() {
  static const std::filesystem::path dir = INOVASI_SOURCE_DIR;
  return dir;
}

const Catalog& catalog() {
  static const Catalog loaded = Catalog::load(source_dir() / "templates" / "catalog");
  return loaded;
}

// A folder of this process for the inputs that must be files (the importers dispatch by
// file name, the XLSX reader and templates read files).
const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    auto path = std::filesystem::temp_directory_path() / ("inovasi-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    return path;
  }();
  return dir;
}

std::filesystem::path write(const std::string& name, const std::uint8_t* data, std::size_t size) {
  auto path = scratch() / name;
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

// The whole import of one file (format by its name), as `inovasi import` reads it:
// errors are reported in the result, never thrown.
Outcome import_file(const std::string& name, const std::uint8_t* data, std::size_t size) {
  ImportOptions options;
  options.agency = "bappedalitbang";
  auto result = read_inputs({write(name, data, size)}, options, catalog());
  return result.diagnostics.has_errors() ? Outcome::Refused : Outcome::Accepted;
}

Outcome profile(const std::uint8_t* data, std::size_t size) { return import_file("profil.txt", data, size); }
Outcome json(const std::uint8_t* data, std::size_t size) { return import_file("data.json", data, size); }
Outcome xlsx(const std::uint8_t* data, std::size_t size) { return import_file("data.xlsx", data, size); }

// The first byte picks the record kind (the file's name), the rest is the CSV.
Outcome csv(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return Outcome::Refused;
  const auto& kinds = record_kinds();
  std::string name = std::string(kinds[data[0] % kinds.size()].name) + ".csv";
  return import_file(name, data + 1, size - 1);
}

// The verification service, started once per process over a store of the bundled
// inputs (with their certificates' numbers), answering on loopback.
struct RunningServer {
  std::ostringstream log;
  std::unique_ptr<serve::Server> server;
  RunningServer() {
    auto db = scratch() / "serve.db";
    std::filesystem::remove(db);
    ImportOptions options;
    options.agency = "bappedalitbang";
    options.year = 2026;
    (void)import_into_store(db, {source_dir() / "inputs"}, options, catalog());
    serve::ServeOptions serve_options;
    serve_options.port = 0;
    serve_options.database = db;
    serve_options.pages = source_dir() / "templates" / "web";
    serve_options.requests_per_minute = 0;
    serve_options.timeout = std::chrono::seconds(1);
    serve_options.threads = 4;
    server = std::make_unique<serve::Server>(serve_options, log);
  }
};

// Sends `request` as it is and reads the answer until the server closes or a second
// passes.
std::string exchange(std::uint16_t port, std::string_view request) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(1, 0));
  socket.setSendTimeout(Poco::Timespan(1, 0));
  std::string answer;
  try {
    if (!request.empty()) socket.sendBytes(request.data(), static_cast<int>(request.size()));
    socket.shutdownSend();
    char buffer[16384];
    for (int got; (got = socket.receiveBytes(buffer, sizeof buffer)) > 0;)
      answer.append(buffer, static_cast<std::size_t>(got));
  } catch (const Poco::Exception&) {
    // a reset or a timeout: what came is the answer
  }
  return answer;
}

// A raw request (anything at all) to the running service; after it, the service must
// still answer a plain request: a request that takes the server down is a finding.
Outcome serve_request(const std::uint8_t* data, std::size_t size) {
  static RunningServer running;
  std::uint16_t port = running.server->port();
  std::string answer = exchange(port, std::string_view(reinterpret_cast<const char*>(data), size));
  std::string check = exchange(port, "GET / HTTP/1.0\r\nHost: x\r\n\r\n");
  if (!check.starts_with("HTTP/1.0 200") && !check.starts_with("HTTP/1.1 200")) std::abort();
  return answer.starts_with("HTTP/1.1 2") || answer.starts_with("HTTP/1.0 2") ? Outcome::Accepted : Outcome::Refused;
}

Outcome markup(const std::uint8_t* data, std::size_t size) {
  try {
    layout::parse_markup(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xml");
    return Outcome::Accepted;
  } catch (const layout::MarkupError&) {
    return Outcome::Refused;
  }
}

// A template (Mustache over markup) filled with the every-element test data and laid
// out into a PDF: what `inovasi preview` does with a template a user edited.
Outcome render(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path folder = source_dir() / "tests" / "templates";
  static const render::Data values = [] {
    std::ifstream in(source_dir() / "tests" / "templates" / "all-elements.json");
    std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return render::data_from_json(json, "all-elements.json");
  }();
  static const pdf::FontManifest fonts = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  auto file = write("fuzz.xml", data, size);
  render::TemplateSet templates(folder);  // a fresh set each time: a set caches what it checked, by file
  std::optional<render::RenderedMarkup> filled;
  // The same document laid out from the filled markup, or from its skeleton's tree: the
  // bytes (or the error) must be the same, else the skeleton changed the document.
  auto outcome = [&](render::SkeletonTrees* trees) {
    try {
      if (!filled) filled = templates.render(file, values, false, nullptr, true);
      auto pdf = render::render_markup(*filled, folder, fonts, {false, Date{2026, 3, 12}}, trees);
      return pdf.bytes;
    } catch (const std::runtime_error& e) {
      // Documented: markup errors, libharu, font and image errors, each naming what failed.
      return "refused: " + std::string(e.what());
    }
  };
  std::string parsed = outcome(nullptr);
  if (filled && !filled->skeleton.empty()) {
    if (filled->markup != templates.render(file, values, false).markup) {
      throw std::logic_error("the markup filled through placeholders differs from Mustache's own");
    }
    render::SkeletonTrees trees;
    if (outcome(&trees) != parsed) throw std::logic_error("the skeleton's tree made another document");
  }
  return parsed.starts_with("refused: ") ? Outcome::Refused : Outcome::Accepted;
}

// A PDF read back as the print file's joiner and the stream compressor read libharu's
// output: every page joined into a new file, every stream deflated.
Outcome pdf(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    std::uint64_t joined = 0;
    pdf::PdfJoiner joiner([&](std::string_view piece) { joined += piece.size(); });
    joiner.append(bytes, {{"Bagian", 0, 0, 800}});
    joiner.finish();
    pdf::compress_streams(bytes, "fuzz.pdf");
    return joined > 0 ? Outcome::Accepted : Outcome::Refused;
  } catch (const pdf::PdfError&) {
    return Outcome::Refused;  // documented: names the volume and the byte
  }
}

// A PDF's electronic signatures read back, as `verify` and the service's upload check
// read a file someone hands them: every signature checked, and what each revision after
// the first changes.
Outcome signatures(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    auto reports = sign::check_signatures(bytes, "fuzz.pdf", {});
    for (auto end : sign::revision_ends(bytes)) {
      if (end < bytes.size()) sign::changes_since(bytes, end, "fuzz.pdf");
    }
    return reports.empty() ? Outcome::Refused : Outcome::Accepted;
  } catch (const sign::SignError&) {
    return Outcome::Refused;  // documented: the PDF cannot be read, naming it
  }
}

// Our QR encoder against libqrencode, its oracle: the first byte picks the level, the
// rest is the data. Either both refuse the data or both give the same symbol.
Outcome qr(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return Outcome::Refused;
  static constexpr QRecLevel kLevels[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};
  auto level = static_cast<layout::QrLevel>(data[0] % 4);
  std::string_view payload(reinterpret_cast<const char*>(data + 1), size - 1);
  struct Free {
    void operator()(QRcode* code) const { QRcode_free(code); }
  };
  std::unique_ptr<QRcode, Free> expected(
      QRcode_encodeData(static_cast<int>(payload.size()), data + 1, 0, kLevels[static_cast<int>(level)]));
  std::optional<layout::QrSymbol> symbol;
  try {
    symbol = layout::encode_qr(payload, level);
  } catch (const std::length_error&) {
  } catch (const std::invalid_argument&) {
  }
  if (!expected || !symbol) {
    if (expected || symbol) throw std::logic_error("only one of libqrencode and our encoder took the data");
    return Outcome::Refused;
  }
  if (symbol->width != expected->width) throw std::logic_error("another version than libqrencode's");
  for (std::size_t i = 0; i < symbol->dark.size(); ++i) {
    if (symbol->dark[i] != (expected->data[i] & 1)) throw std::logic_error("another module than libqrencode's");
  }
  return Outcome::Accepted;
}

}  // namespace

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"profile", profile}, {"csv", csv}, {"json", json}, {"xlsx", xlsx},           {"markup", markup},
      {"render", render},   {"pdf", pdf}, {"qr", qr},     {"serve", serve_request}, {"signatures", signatures}};
  return all;
}

const Target* find_target(std::string_view name) {
  for (const auto& target : targets()) {
    if (target.name == name) return &target;
  }
  return nullptr;
}

}  // namespace inovasi::fuzz
