#include "documents/document_kind.h"
#include "exports/exports.h"
#include "exports/report_frame.h"
#include "model/amount.h"
#include "model/text.h"
#include "xlsx/workbook.h"

namespace inovasi::exports {
namespace {

// The innovation's budget as a number for the sheet; nothing when it has none.
xlsx::Cell amount(std::string_view canonical) {
  if (!parse_amount(canonical).canonical) return {};
  return std::stod(std::string(canonical));  // canonical: digits, perhaps ".75"
}

}  // namespace

void write_certificate_register(const ExportContext& context, NumberRegistry& registry, const std::string& engraving,
                                const std::filesystem::path& target) {
  using xlsx::ColumnStyle;
  const Snapshot& s = context.snapshot();
  std::string year = std::to_string(context.year());
  const Record* region = s.region();
  kainjow::mustache::mustache engraving_template{engraving};
  if (!engraving_template.is_valid())
    throw std::runtime_error("engraving template: " + engraving_template.error_message());
  engraving_template.set_custom_escape([](const std::string& value) { return value; });  // plain text, not markup

  // A row per certificate (37,000 for a national year): streamed, as the IGA export is.
  // Held whole, its cells were the last 50 MiB of `launch`'s peak.
  xlsx::WorkbookWriter book(
      target, {report_title(context, "register"), "Register sertifikat penghargaan", "inovasi", year, context.date},
      xlsx::WorkbookWriter::Memory::Streaming);
  auto& sheet = book.add_sheet("Register Sertifikat");
  start_report(sheet, context, {"register"},
               {{"nomor", ColumnStyle::Text},
                {"instansi", ColumnStyle::Wrapped, false, {}, 28},
                {"inovasi", ColumnStyle::Wrapped, false, {}, 32},
                {"anggaran", ColumnStyle::Amount, true, {}, 16},
                {"tanggal", ColumnStyle::LongDate, false, {}, 18},
                {"kode_verifikasi", ColumnStyle::Text},
                {"sha256", ColumnStyle::Wrapped, false, {}, 22},
                {"berkas", ColumnStyle::Wrapped, false, {}, 24},
                {"teks_ukiran_trofi", ColumnStyle::Wrapped, false, {}, 40}});
  // The same set the certificate documents cover: awards and qualifying innovations.
  // The innovations are read as they are written (for_each_innovation).
  context.source.for_each_innovation([&](const Record& innovation) {
    auto awards = s.where("penghargaan", "inovasi", innovation.get("kode"), year);
    if (awards.empty() && !documents::qualifies_for_certificate(innovation)) return;
    auto agencies = s.where("instansi", "kode", innovation.get("instansi"));
    std::string agency = agencies.empty() ? std::string() : std::string(agencies.front()->get("nama"));
    auto issued = registry.by_key("sertifikat", documents::certificate_key(innovation, context.year()));
    render::Data data(render::Data::type::object);
    data.set("nama_daerah_kapital", region ? ascii_upper(region->get("nama_daerah")) : std::string());
    data.set("tahun", year);
    data.set("instansi_kapital", ascii_upper(agency));
    data.set("inovasi", std::string(innovation.get("nama")));
    data.set("nomor", issued ? issued->number : std::string());
    auto date = parse_date(awards.empty() ? std::string_view{} : awards.front()->get("tanggal"));
    sheet.row({issued ? issued->number : std::string(), agency, std::string(innovation.get("nama")),
               amount(innovation.get("anggaran")), date.date ? xlsx::Cell{*date.date} : xlsx::Cell{},
               issued ? issued->verification_code : std::string(), issued ? issued->sha256 : std::string(),
               issued ? issued->file : std::string(), engraving_template.render(data)});
  });
  sheet.totals_row(context.catalog.report_words().word("jumlah"));
  book.close();
}

}  // namespace inovasi::exports
