// Benchmarks print figures; they are not tests. `bench page` times one A4 page with 300
// words, a table and a signature block through each stage of the engine.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "layout/images.h"
#include "layout/paginate.h"
#include "pdf/pdf_writer.h"

namespace inovasi::cli {
namespace {

using Clock = std::chrono::steady_clock;

std::string bench_page_markup() {
  static const char* kWords[] = {"pelayanan", "inovasi", "daerah", "masyarakat", "fasilitator", "dan", "yang",
                                 "pemerintah", "kabupaten", "penerapan", "untuk", "data", "desa", "kesehatan"};
  std::string text;
  for (int i = 0; i < 300; ++i) text += std::string(kWords[(i * 7) % 14]) + (i % 17 == 16 ? ". " : " ");
  std::string markup = "<document size=\"A4\" margin=\"25mm 20mm 20mm 30mm\"><h1 align=\"center\">LEMBAR UJI</h1>"
                       "<p align=\"justify\" indent=\"10mm\">" + text + "</p><table widths=\"8%,42%,25%,25%\"><thead><tr>"
                       "<th>No</th><th>Inovasi</th><th>Target</th><th>Anggaran</th></tr></thead>";
  for (int r = 1; r <= 6; ++r) {
    markup += "<tr><td>" + std::to_string(r) + "</td><td>Inovasi pelayanan nomor " + std::to_string(r) +
              "</td><td>Penerapan</td><td align=\"right\">Rp 25.000.000</td></tr>";
  }
  markup += "</table><signatures><signature>PIHAK KEDUA,<space height=\"15mm\"/><u><b>NAMA BUPATI</b></u></signature>"
            "<signature>PIHAK PERTAMA,<space height=\"15mm\"/><u><b>NAMA KEPALA</b></u><br/>NIP. 19690314 199503 1 002"
            "</signature></signatures></document>";
  return markup;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int run_bench(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1 || args.positionals()[0] != "page") {
    throw UsageError("bench needs a benchmark name: page");
  }
  int count = args.integer("count").value_or(200);
  if (count < 1) throw UsageError("--count must be at least 1");
  auto manifest = pdf::FontManifest::load(env.fonts);
  std::string markup = bench_page_markup();
  std::vector<double> parse_ms, layout_ms, write_ms, total_ms;
  std::size_t bytes = 0;
  auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  auto start_all = Clock::now();
  for (int i = 0; i < count; ++i) {
    auto t0 = Clock::now();
    auto spec = layout::build_document(layout::parse_markup(markup, "bench"), "bench", ".");
    auto t1 = Clock::now();
    pdf::HpdfDocument document;
    pdf::FontSet fonts(document, manifest);
    layout::ImageInfoCache images;
    layout::FlowContext context{fonts, nullptr, &images, "bench"};
    auto laid_out = layout::paginate(spec, context);
    auto t2 = Clock::now();
    auto result = pdf::write_pdf(laid_out, document, fonts, {Date{2026, 2, 24}});
    auto t3 = Clock::now();
    bytes = result.bytes.size();
    parse_ms.push_back(ms(t0, t1));
    layout_ms.push_back(ms(t1, t2));  // includes loading the fonts into the document
    write_ms.push_back(ms(t2, t3));
    total_ms.push_back(ms(t0, t3));
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start_all).count();
  if (args.flag("json")) {
    env.out << "{\"benchmark\": \"page\", \"docs\": " << count << ", \"seconds\": " << seconds
            << ", \"docs_per_s\": " << count / seconds << ", \"median_ms\": " << median(total_ms)
            << ", \"median_parse_ms\": " << median(parse_ms) << ", \"median_layout_ms\": " << median(layout_ms)
            << ", \"median_write_ms\": " << median(write_ms) << ", \"bytes_per_doc\": " << bytes
            << ", \"peak_rss_mib\": " << peak_rss_mib() << ", \"jobs\": 1}\n";
  } else {
    env.out << "bench page: " << count << " one-page A4 documents (300 words, a 7-row table, signature block), 1 thread\n"
            << "  median per document: " << median(total_ms) << " ms (markup " << median(parse_ms) << " ms, layout "
            << median(layout_ms) << " ms incl. font loading, PDF " << median(write_ms) << " ms)\n"
            << "  " << count / seconds << " documents/s, " << bytes << " bytes each, peak RSS " << peak_rss_mib()
            << " MiB\n";
  }
  return kOk;
}

}  // namespace

Command bench_command() {
  return {"bench",
          "time the engine on synthetic documents (prints figures)",
          "inovasi bench page [--count N] [--json]",
          {{"count", "N", "documents to make (default 200)"}, {"json", "", "one JSON object"}},
          run_bench};
}

}  // namespace inovasi::cli
