#pragma once
// Record values turned into template data: Indonesian dates (also in words), people
// (NIP formatted, rank with golongan), the region's profile, and narratives as markup.
// Keys are the domain's Indonesian names; no sentence of a document is written here.

#include <optional>
#include <string>
#include <string_view>

#include "model/catalog.h"
#include "model/date.h"
#include "model/record.h"
#include "render/template_engine.h"

namespace inovasi::documents {

using render::Data;

Data object();
Data list();
Data text(std::string_view value);

// {iso, panjang "5 Juli 2021", dengan_hari "Senin, 5 Juli 2021", hari, tanggal, tanggal_kata
//  "lima", bulan "Juli", bulan_romawi, tahun, tahun_kata "dua ribu dua puluh satu"}
Data date_data(const Date& date);
std::optional<Date> date_of(std::string_view iso);

struct PersonFields {
  std::string_view nama, nip, pangkat, golongan, jabatan, ttd, stempel;
};
// {nama, nip (formatted), ada_nip, pangkat_golongan "Pembina Tingkat I (IV/b)", jabatan,
//  jabatan_kapital, ttd, stempel} — ttd/stempel only when `signed_copy` and the file exists.
Data person_data(const Record& record, const PersonFields& fields, const Catalog& catalog, bool signed_copy);

// The region's profile under the key "daerah" (see templates/partials/kop-*.xml).
Data region_data(const Record& region, const Catalog& catalog, bool signed_copy);
// An agency with its head: {kode, nama, nama_kapital, singkatan, alamat, telepon, email, laman, kepala}.
Data agency_data(const Record& agency, const Catalog& catalog, bool signed_copy);

// A stored narrative as print markup (escaped text, nested <ol>/<ul>): a trusted
// fragment for {{{...}}}. Empty narratives give "".
std::string narrative_markup(std::string_view stored_json);
// The items of a narrative's lists and paragraphs, flattened: for numbered rows.
Data narrative_items(std::string_view stored_json);

std::string escape_markup(std::string_view text);
// "Pembina Tingkat I (IV/b)" from either or both of pangkat and golongan.
std::string rank_with_golongan(std::string_view pangkat, std::string_view golongan, const Catalog& catalog);

}  // namespace inovasi::documents
