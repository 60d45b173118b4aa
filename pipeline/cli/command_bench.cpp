// Benchmarks print figures; they are not tests. `bench page` times one A4 page with 300
// words, a table and a signature block through each stage of the engine.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "bench/synthetic.h"
#include "cli/batch_options.h"
#include "cli/signing.h"
#include "cli/commands.h"
#include "batch/planning.h"
#include "batch/print_file.h"
#include "exports/csv_folder.h"
#include "exports/exports.h"
#include "exports/input_workbook.h"
#include "importers/import_job.h"
#include "layout/images.h"
#include "layout/paginate.h"
#include "pdf/pdf_writer.h"

namespace inovasi::cli {
namespace {

using Clock = std::chrono::steady_clock;

std::string bench_page_markup() {
  static const char* kWords[] = {"pelayanan", "inovasi", "daerah",     "masyarakat", "fasilitator",
                                 "dan",       "yang",    "pemerintah", "kabupaten",  "penerapan",
                                 "untuk",     "data",    "desa",       "kesehatan"};
  std::string text;
  for (int i = 0; i < 300; ++i) text += std::string(kWords[(i * 7) % 14]) + (i % 17 == 16 ? ". " : " ");
  std::string markup =
      "<document size=\"A4\" margin=\"25mm 20mm 20mm 30mm\"><h1 align=\"center\">LEMBAR UJI</h1>"
      "<p align=\"justify\" indent=\"10mm\">" +
      text +
      "</p><table widths=\"8%,42%,25%,25%\"><thead><tr>"
      "<th>No</th><th>Inovasi</th><th>Target</th><th>Anggaran</th></tr></thead>";
  for (int r = 1; r <= 6; ++r) {
    markup += "<tr><td>" + std::to_string(r) + "</td><td>Inovasi pelayanan nomor " + std::to_string(r) +
              "</td><td>Penerapan</td><td align=\"right\">Rp 25.000.000</td></tr>";
  }
  markup +=
      "</table><signatures><signature>PIHAK KEDUA,<space height=\"15mm\"/><u><b>NAMA BUPATI</b></u></signature>"
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

// A step of a benchmark run by a child process, so that each step's peak memory is its
// own: the wall time and the child's peak RSS. No thread runs in the parent, so forking
// is safe.
struct StepFigures {
  double seconds = 0;
  double peak_rss_mib = 0;
};

StepFigures in_child(const std::string& what, const std::function<void()>& step) {
  std::cout.flush();
  std::cerr.flush();
  auto start = Clock::now();
  pid_t child = fork();
  if (child < 0) throw std::runtime_error("bench: cannot start a process for " + what);
  if (child == 0) {
    int status = 0;
    try {
      step();
    } catch (const std::exception& e) {
      std::cerr << "bench: " << what << ": " << e.what() << '\n';
      status = 1;
    }
    std::cerr.flush();
    std::_Exit(status);
  }
  int status = 0;
  rusage usage{};
  if (wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("bench: " + what + " failed");
  }
  return {std::chrono::duration<double>(Clock::now() - start).count(), usage.ru_maxrss / 1024.0};
}

// The synthetic store is made by a child process: making it (a slice of innovations with
// their answers at a time, and SQLite's cache as they are saved) is not the code path
// measured, and its peak memory would be counted as the benchmark's. No thread runs
// yet, so forking is safe.
void make_synthetic_store(const std::filesystem::path& database, std::size_t count, int year) {
  in_child("making the synthetic store", [&] {
    Store store = Store::open(database, true);
    bench::save_synthetic_dataset(store, count, year);
  });
}

// `bench import`: the synthetic store written out as the team would hand it over (a
// folder of CSV files, the full input workbook), then imported into a new store, imported
// again unchanged, and the workbook imported into another new store: each step in a
// process of its own, timed with its peak memory.
int run_import_bench(const Args& args, const Environment& env) {
  std::size_t count = static_cast<std::size_t>(args.integer("count").value_or(1000));
  int year = 2026;
  std::filesystem::path out =
      args.value("out").value_or((std::filesystem::temp_directory_path() / "inovasi-bench").string());
  std::filesystem::create_directories(out);
  auto source = out / "bench.db", csv = out / "csv", workbook = out / "buku-kerja-semua.xlsx";
  auto from_csv = out / "import-csv.db", from_xlsx = out / "import-xlsx.db";
  for (const auto& path : {source, from_csv, from_xlsx, workbook, csv}) std::filesystem::remove_all(path);
  Catalog catalog = env.load_catalog();
  make_synthetic_store(source, count, year);

  std::size_t records = 0;
  {
    Store store = Store::open(source, false);
    for (const auto& kind : record_kinds()) {
      auto counted = store.database().prepare("SELECT count(*) FROM " + std::string(kind.name));
      if (counted.step()) records += static_cast<std::size_t>(counted.column_int(0));
    }
  }
  auto write_csv = in_child("export csv", [&] { exports::write_csv_folder(Store::open(source, false), csv); });
  auto write_workbook = in_child("export input-workbook --all", [&] {
    Store store = Store::open(source, false);
    exports::write_input_workbook_from_store(store, catalog, year, workbook);
  });
  auto import = [&](const std::filesystem::path& database, const std::filesystem::path& input) {
    return in_child("import " + input.filename().string(), [&, database, input] {
      auto result = import_into_store(database, {input}, {}, catalog);
      if (!result.saved || result.records != records) {
        result.diagnostics.print(std::cerr);
        throw std::runtime_error("imported " + std::to_string(result.records) + " of " + std::to_string(records) +
                                 " records");
      }
    });
  };
  auto csv_import = import(from_csv, csv);
  auto reimport = import(from_csv, csv);
  auto xlsx_import = import(from_xlsx, workbook);

  auto rate = [&](const StepFigures& f) { return f.seconds > 0 ? static_cast<double>(records) / f.seconds : 0; };
  const std::pair<const char*, const StepFigures*> steps[] = {{"csv", &csv_import},
                                                              {"reimport", &reimport},
                                                              {"xlsx", &xlsx_import},
                                                              {"export_workbook", &write_workbook},
                                                              {"export_csv", &write_csv}};
  if (args.flag("json")) {
    env.out << "{\"benchmark\": \"import\", \"count\": " << count << ", \"records\": " << records;
    for (const auto& [name, f] : steps) {
      env.out << ", \"" << name << "_seconds\": " << f->seconds << ", \"" << name << "_records_per_s\": " << rate(*f)
              << ", \"" << name << "_peak_rss_mib\": " << f->peak_rss_mib;
    }
    env.out << "}\n";
  } else {
    env.out << "bench import: N=" << count << " innovations, " << records << " records\n";
    for (const auto& [name, f] : steps) {
      env.out << "  " << name << ": " << f->seconds << " s = " << rate(*f) << " records/s, peak RSS " << f->peak_rss_mib
              << " MiB\n";
    }
  }
  return kOk;
}

// The batch benchmarks run the real code paths on a synthetic store of N innovations.
int run_batch_bench(const std::string& which, const Args& args, const Environment& env) {
  std::size_t count = static_cast<std::size_t>(args.integer("count").value_or(1000));
  int year = 2026;
  std::filesystem::path out =
      args.value("out").value_or((std::filesystem::temp_directory_path() / "inovasi-bench").string());
  std::filesystem::remove_all(out / "bench.db");
  std::filesystem::remove_all(out / std::to_string(year));
  Catalog catalog = env.load_catalog();
  make_synthetic_store(out / "bench.db", count, year);
  Store store = Store::open(out / "bench.db", false);
  // The certificate benchmarks load what `inovasi certificates` loads (no innovations:
  // it plans them a slice at a time), untimed; the export's loading is timed with it
  // (below): it reads every narrative.
  std::optional<YearSource> source;
  if (which != "iga-export") source.emplace(store, year);
  Environment bench_env{out / "bench.db", env.templates, out, env.fonts, env.out, env.err};
  render::TemplateSet templates(env.templates);
  auto fonts = pdf::FontManifest::load(env.fonts);
  auto options = batch_options(args, env);
  options.quiet = true;
  if (args.flag("sign")) {
    // Signed as `--p12 ... --sign-as kepala_daerah` signs them, with a throwaway key.
    auto signing = std::make_shared<batch::BatchSigning>();
    auto [time, offset] = parse_sign_time("2026-02-24T09:00:00+07:00");
    signing->signer = std::make_shared<const sign::SigningKey>(sign::SigningKey::throwaway("Penandatangan Uji", time));
    signing->request.time = time;
    signing->request.utc_offset_minutes = offset;
    signing->request.field_name = "kepala_daerah";
    options.signing = std::move(signing);
  }
  auto manifest_file = manifest_path(bench_env, year);

  std::size_t docs = 0, pages = 0, bytes = 0;
  double seconds = 0;
  std::vector<std::pair<std::string, Clock::duration>> phases;  // where a run's time went, when measured
  auto timed = [&](auto&& work) {
    auto start = Clock::now();
    work();
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
  };
  if (which == "iga-export") {
    timed([&] {  // as `inovasi export iga` does it: the innovations read from the store, validated in slices
      YearSource year_source(store, year);
      exports::write_iga_export({year_source, catalog, {year, 1, 1}}, out / "iga.xlsx");
    });
    docs = count;  // an innovation's row is the export's unit: its rate and its share of the workbook
    bytes = static_cast<std::size_t>(std::filesystem::file_size(out / "iga.xlsx")) / std::max<std::size_t>(docs, 1);
  } else {
    // As `inovasi certificates` plans: a slice of innovations at a time.
    auto plan_certificates = [&] {
      return batch::plan_by_innovation_slices(store, *source, catalog, {"certificate"}, {year, "", "", "", "", ""},
                                              false);
    };
    // As a command runs it: the manifest read once, for the batch and the print file.
    auto run = [&](const batch::SlicedPlan& plan, const batch::BatchOptions& batch,
                   batch::PrintFileContents& print_file, Manifest& manifest, std::ostream& plan_out) {
      return batch::run_batch(plan, templates, fonts, out, manifest, manifest_file, store.database(), batch, plan_out,
                              env.err, print_file.keys());
    };
    if (which == "certificates") {
      auto plan = plan_certificates();
      batch::PrintFileContents unused(store);
      timed([&] {
        Manifest manifest = Manifest::load(manifest_file);
        auto summary = run(plan, options, unused, manifest, env.out);
        docs = summary.made;
        pages = summary.pages;
        bytes = static_cast<std::size_t>(summary.bytes);
      });
      bytes = docs ? bytes / docs : 0;
    } else if (which == "print-file") {
      auto plan = plan_certificates();
      auto plan_only = options;
      plan_only.dry_run = true;
      std::ostream ignored(nullptr);  // the plan's lines go nowhere (kept, they grew with N)
      batch::PrintFileContents print_file(store);
      Manifest manifest = Manifest::load(manifest_file);
      run(plan, plan_only, print_file, manifest, ignored);
      std::filesystem::path file;
      timed([&] {
        file = batch::write_print_file(plan, print_file, templates, fonts, bench_env.output,
                                       manifest_path(bench_env, year), year, true, options.jobs, manifest);
      });
      docs = 1;
      pages = print_file.count();
      bytes = static_cast<std::size_t>(std::filesystem::file_size(file));
    } else if (which == "rerun") {
      // What `inovasi certificates` does again with nothing changed: plan, batch, print file.
      // The first run's plan is let go before, as a second command starts without it.
      {
        auto plan = plan_certificates();
        batch::PrintFileContents print_file(store);
        Manifest manifest = Manifest::load(manifest_file);
        run(plan, options, print_file, manifest, env.out);
        batch::write_print_file(plan, print_file, templates, fonts, bench_env.output, manifest_path(bench_env, year),
                                year, false, options.jobs, manifest);
      }
      timed([&] {
        auto t0 = Clock::now();
        auto again = plan_certificates();
        auto t1 = Clock::now();
        batch::PrintFileContents print_file(store);
        Manifest manifest = Manifest::load(manifest_file);
        auto summary = run(again, options, print_file, manifest, env.out);
        auto t2 = Clock::now();
        batch::write_print_file(again, print_file, templates, fonts, bench_env.output, manifest_path(bench_env, year),
                                year, false, options.jobs, manifest);
        auto t3 = Clock::now();
        docs = summary.unchanged;
        if (summary.made) env.err << "rerun made " << summary.made << " documents: nothing should have changed\n";
        phases = {{"plan", t1 - t0}, {"batch", t2 - t1}, {"print_file", t3 - t2}};
      });
    } else {
      throw UsageError("unknown benchmark '" + which + "' (page, certificates, print-file, iga-export, rerun)");
    }
  }
  double rate = seconds > 0 ? static_cast<double>(docs) / seconds : 0;
  if (args.flag("json")) {
    env.out << "{\"benchmark\": \"" << which << "\", \"count\": " << count << ", \"docs\": " << docs
            << ", \"pages\": " << pages << ", \"seconds\": " << seconds << ", \"docs_per_s\": " << rate
            << ", \"pages_per_s\": " << (seconds > 0 ? static_cast<double>(pages) / seconds : 0)
            << ", \"bytes_per_doc\": " << bytes << ", \"peak_rss_mib\": " << peak_rss_mib()
            << ", \"jobs\": " << options.jobs << ", \"signed\": " << (options.signing ? "true" : "false");
    for (const auto& [name, time] : phases)
      env.out << ", \"" << name << "_seconds\": " << std::chrono::duration<double>(time).count();
    env.out << "}\n";
  } else {
    env.out << "bench " << which << ": N=" << count << ", " << options.jobs << " job(s): " << docs
            << (options.signing ? " signed" : "") << " document(s), " << pages << " page(s) in " << seconds
            << " s = " << rate << " docs/s";
    if (pages) env.out << ", " << static_cast<double>(pages) / seconds << " pages/s";
    env.out << ", " << bytes << " bytes" << (which == "certificates" || which == "iga-export" ? " each" : "")
            << ", peak RSS " << peak_rss_mib() << " MiB\n";
    for (const auto& [name, time] : phases)
      env.out << "  " << name << ": " << std::chrono::duration<double>(time).count() << " s\n";
  }
  return kOk;
}

int run_bench(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) {
    throw UsageError("bench needs a benchmark name: page, certificates, print-file, iga-export, rerun, import");
  }
  if (args.positionals()[0] == "import") return run_import_bench(args, env);
  if (args.positionals()[0] != "page") return run_batch_bench(args.positionals()[0], args, env);
  int count = args.integer("count").value_or(200);
  if (args.value("out")) throw UsageError("bench page writes nothing; --out is for the batch benchmarks");
  if (count < 1) throw UsageError("--count must be at least 1");
  auto manifest = pdf::FontManifest::load(env.fonts);
  std::string markup = bench_page_markup();
  std::vector<double> parse_ms, layout_ms, write_ms, total_ms;
  std::size_t bytes = 0;
  auto ms = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  };
  auto start_all = Clock::now();
  for (int i = 0; i < count; ++i) {
    auto t0 = Clock::now();
    auto spec = layout::build_document(layout::parse_markup(markup, "bench"), "bench", ".");
    auto t1 = Clock::now();
    pdf::HpdfDocument document;
    pdf::FontSet fonts(manifest);
    layout::ImageInfoCache images;
    layout::FlowContext context{fonts, nullptr, &images, "bench"};
    auto laid_out = layout::paginate(spec, context);
    auto t2 = Clock::now();
    auto result = pdf::write_pdf(laid_out, document, fonts, {Date{2026, 2, 24}});
    auto t3 = Clock::now();
    bytes = result.bytes.size();
    parse_ms.push_back(ms(t0, t1));
    layout_ms.push_back(ms(t1, t2));
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
    env.out << "bench page: " << count
            << " one-page A4 documents (300 words, a 7-row table, signature block), 1 thread\n"
            << "  median per document: " << median(total_ms) << " ms (markup " << median(parse_ms) << " ms, layout "
            << median(layout_ms) << " ms, PDF (fonts embedded) " << median(write_ms) << " ms)\n"
            << "  " << count / seconds << " documents/s, " << bytes << " bytes each, peak RSS " << peak_rss_mib()
            << " MiB\n";
  }
  return kOk;
}

}  // namespace

Command bench_command() {
  return {"bench",
          "time the engine on synthetic documents (prints figures)",
          "inovasi bench page|certificates|print-file|iga-export|rerun|import [--count N] [--jobs J] [--out DIR] "
          "[--json]\n\n"
          "page: one A4 page through markup, layout and PDF. The others build a synthetic store of N\n"
          "innovations (default 1000) in DIR (default: the system temp folder) and time the real\n"
          "paths: one certificate PDF each, the print file, the IGA workbook, a re-run with no change\n"
          "(with the time of its phases: plan, batch, print file). import: the store written as a\n"
          "folder of CSV files and as the full input workbook, imported into a new store, again\n"
          "unchanged, and the workbook into another new store; each step's time and peak memory.\n"
          "--sign: the certificates signed as a batch signs them, with a throwaway RSA-2048 key.",
          {{"count", "N", "documents or innovations"},
           {"jobs", "J", "parallel workers (default: cores)"},
           {"json", "", "one JSON object"},
           {"sign", "", "certificates, rerun: sign each certificate (PAdES B-B) with a throwaway RSA-2048 key"}},
          run_bench};
}

}  // namespace inovasi::cli
