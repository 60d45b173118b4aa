#include "serve/pages.h"

#include <kainjow/mustache.hpp>

#include <Poco/JSON/Object.h>

#include <sstream>

#include "model/date.h"
#include "model/file_text.h"
#include "model/indonesian.h"
#include "support/located_error.h"

namespace inovasi::serve {

namespace mustache = kainjow::mustache;

std::string read_page_template(const std::filesystem::path& path) {
  auto text = read_file_text(path);
  if (!text) throw LocatedError(ErrorKind::Template, {path.string(), 0, 0, {}, {}}, "cannot read the page template");
  mustache::mustache parsed(*text);
  if (!parsed.is_valid())
    throw LocatedError(ErrorKind::Template, {path.string(), 0, 0, {}, {}}, parsed.error_message());
  return *text;
}

std::string long_date(std::string_view iso) {
  auto parsed = parse_date(std::string(iso));
  return parsed.date ? indonesian::date_long(*parsed.date) : std::string(iso);
}

std::string Pages::Template::render(const mustache::data& data) const {
  std::unique_ptr<mustache::mustache> parsed;
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      parsed = std::move(free_.back());
      free_.pop_back();
    }
  }
  if (!parsed) parsed = std::make_unique<mustache::mustache>(text_);
  std::string out = parsed->render(data);
  std::lock_guard lock(mutex_);
  if (free_.size() < 64) free_.push_back(std::move(parsed));
  return out;
}

Pages::Pages(const std::filesystem::path& folder)
    : landing_(std::make_unique<Template>(read_page_template(folder / "beranda.html"))),
      verification_(std::make_unique<Template>(read_page_template(folder / "verifikasi.html"))),
      stylesheet_(read_page_template(folder / "gaya.css")) {}

std::string Pages::landing(const Region& region, const std::string& error) const {
  mustache::data data;
  data.set("daerah", region.name);
  data.set("kantor", region.office);
  if (!error.empty()) data.set("galat", error);
  return landing_->render(data);
}

std::string Pages::verification(const Region& region, const Verification& found, const std::string& address,
                                const std::string& typed, const std::optional<UploadResult>& upload) const {
  using Status = Verification::Status;
  mustache::data data;
  data.set("daerah", region.name);
  data.set("kantor", region.office);
  data.set("alamat", address);
  data.set("kode", found.code.empty() ? typed : found.code);
  data.set("kode_diketik", typed);
  data.set("sah", flag(found.status == Status::Valid));
  data.set("dicabut", flag(found.status == Status::Revoked));
  data.set("tidak_dikenal", flag(found.status == Status::Unknown));
  data.set("judul_status", found.status == Status::Valid     ? "Dokumen sah"
                           : found.status == Status::Revoked ? "Dokumen dicabut"
                                                             : "Kode tidak dikenal");
  if (found.status != Status::Unknown) {
    const IssuedNumber& issued = found.issued;
    data.set("tanggal_dicabut", long_date(issued.revoked_on));
    data.set("alasan", issued.revoke_reason);
    mustache::data document;
    document.set("jenis", found.title);
    document.set("nomor", issued.number);
    document.set("tahun", std::to_string(issued.year));
    if (!issued.date.empty()) document.set("tanggal", long_date(issued.date));
    if (!found.agency.empty()) document.set("instansi", found.agency);
    if (!found.innovation.empty()) document.set("inovasi", found.innovation);
    document.set("kode", found.code);
    if (!issued.sha256.empty()) document.set("sha256", issued.sha256);
    document.set("alamat", address);
    if (upload) {
      mustache::data result;
      switch (upload->check) {
        case UploadCheck::Identical:
          result.set("kelas", "identik");
          result.set("pesan", "IDENTIK: berkas ini sama persis dengan berkas yang diterbitkan.");
          break;
        case UploadCheck::SignedAfter:
          result.set("kelas", "identik");
          result.set("pesan",
                     "IDENTIK: berkas ini adalah berkas yang diterbitkan, dengan tanda tangan elektronik yang "
                     "ditambahkan sesudahnya.");
          break;
        case UploadCheck::SignatureBroken:
          result.set("kelas", "berbeda");
          result.set("pesan",
                     "TANDA TANGAN TIDAK UTUH: isi berkas sama dengan berkas yang diterbitkan, tetapi tanda tangan "
                     "elektronik yang ditambahkan sesudahnya tidak utuh.");
          break;
        case UploadCheck::ChangedAfter:
          result.set("kelas", "berbeda");
          result.set("pesan",
                     "DIUBAH: berkas ini berawal dari berkas yang diterbitkan, tetapi isinya diubah sesudahnya.");
          break;
        case UploadCheck::Different:
          result.set("kelas", "berbeda");
          result.set("pesan",
                     "BUKAN BERKAS YANG DITERBITKAN: isinya berbeda dari berkas yang diterbitkan dengan kode ini.");
          break;
        case UploadCheck::NotPdf:
          result.set("kelas", "berbeda");
          result.set("pesan", "Berkas yang diunggah bukan PDF.");
          break;
      }
      mustache::data signatures{mustache::data::type::list};
      for (const auto& signature : upload->signatures) {
        mustache::data line;
        line.set("penanda_tangan", signature.signer);
        line.set("waktu", signature.time);
        line.set("utuh", flag(signature.holds));
        line.set("tepercaya", flag(signature.chain == "trusted"));
        line.set("tidak_tepercaya", flag(!signature.chain.empty() && signature.chain != "trusted"));
        signatures.push_back(line);
      }
      if (!upload->signatures.empty()) {
        result.set("ada_tanda_tangan", flag(true));
        result.set("tanda_tangan", signatures);
      }
      document.set("hasil_unggah", result);
    }
    data.set("dokumen", document);
  }
  return verification_->render(data);
}

std::string verification_json(const Region& region, const Verification& found) {
  Poco::JSON::Object object;
  object.set("status", std::string(status_name(found.status)));
  object.set("kode", found.code);
  object.set("daerah", region.name);
  object.set("penerbit", region.office);
  if (found.status != Verification::Status::Unknown) {
    const IssuedNumber& issued = found.issued;
    object.set("jenis", found.title);
    object.set("nomor", issued.number);
    object.set("tahun", issued.year);
    object.set("tanggal", issued.date);
    object.set("instansi", found.agency);
    object.set("inovasi", found.innovation);
    object.set("sha256", issued.sha256);
    object.set("dicabut", issued.revoked_on);
    object.set("alasan_pencabutan", issued.revoke_reason);
  }
  std::ostringstream out;
  object.stringify(out);
  return out.str();
}

}  // namespace inovasi::serve
