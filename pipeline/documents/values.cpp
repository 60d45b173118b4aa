#include "documents/values.h"

#include <filesystem>

#include "model/indonesian.h"
#include "model/narrative.h"
#include "model/nip.h"
#include "model/text.h"

namespace inovasi::documents {
namespace {

Data image_path(std::string_view path, bool signed_copy) {
  if (!signed_copy || path.empty()) return Data(false);
  std::error_code error;
  auto absolute = std::filesystem::absolute(std::filesystem::path(path), error);
  return Data(absolute.string());
}

void append_blocks(std::string& out, const std::vector<Block>& blocks) {
  for (const auto& block : blocks) {
    if (block.kind == Block::Kind::Paragraph) {
      out += "<p align=\"justify\">" + escape_markup(block.text) + "</p>";
      continue;
    }
    bool bullet = block.style == ListStyle::Bullet;
    std::string style = block.style == ListStyle::LowerAlpha     ? "a"
                        : block.style == ListStyle::UpperAlpha   ? "A"
                        : block.style == ListStyle::LowerRoman   ? "i"
                        : block.style == ListStyle::DecimalParen ? "1)"
                                                                 : "1";
    out += bullet ? "<ul>" : "<ol style=\"" + style + "\" start=\"" + std::to_string(block.start) + "\">";
    for (const auto& item : block.items) {
      out += "<li><p align=\"justify\" space-after=\"0\">" + escape_markup(item.text) + "</p>";
      append_blocks(out, item.children);
      out += "</li>";
    }
    out += bullet ? "</ul>" : "</ol>";
  }
}

void flatten(Data& items, const std::vector<Block>& blocks) {
  for (const auto& block : blocks) {
    if (block.kind == Block::Kind::Paragraph) {
      items.push_back(text(block.text));
      continue;
    }
    for (const auto& item : block.items) {
      items.push_back(text(item.text));
      flatten(items, item.children);
    }
  }
}

}  // namespace

Data object() { return Data(Data::type::object); }
Data list() { return Data(Data::type::list); }
Data text(std::string_view value) { return Data(std::string(value)); }

std::optional<Date> date_of(std::string_view iso) {
  if (iso.empty()) return std::nullopt;
  auto parsed = parse_date(iso);
  return parsed.date;
}

Data date_data(const Date& date) {
  Data d = object();
  d.set("iso", date.iso());
  d.set("panjang", indonesian::date_long(date));
  d.set("dengan_hari", indonesian::date_with_day(date));
  d.set("hari", indonesian::day_name(date));
  d.set("tanggal", std::to_string(date.day));
  d.set("tanggal_kata", indonesian::in_words(date.day));
  d.set("bulan", indonesian::month_name(date.month));
  d.set("bulan_romawi", indonesian::month_roman(date.month));
  d.set("tahun", std::to_string(date.year));
  d.set("tahun_kata", indonesian::in_words(date.year));
  return d;
}

std::string rank_with_golongan(std::string_view pangkat, std::string_view golongan, const Catalog& catalog) {
  const Rank* rank = !pangkat.empty() ? catalog.rank_by_pangkat(pangkat) : nullptr;
  if (!rank && !golongan.empty()) rank = catalog.rank_by_golongan(golongan);
  if (rank) return rank->pangkat + " (" + rank->golongan + ")";
  if (!pangkat.empty() && !golongan.empty()) return std::string(pangkat) + " (" + std::string(golongan) + ")";
  return std::string(!pangkat.empty() ? pangkat : golongan);
}

Data person_data(const Record& r, const PersonFields& f, const Catalog& catalog, bool signed_copy) {
  Data d = object();
  d.set("nama", std::string(r.get(f.nama)));
  std::string nip(f.nip.empty() ? std::string_view{} : r.get(f.nip));
  d.set("nip", format_nip(nip));
  d.set("ada_nip", Data(!nip.empty()));
  std::string rank = rank_with_golongan(f.pangkat.empty() ? "" : r.get(f.pangkat),
                                        f.golongan.empty() ? "" : r.get(f.golongan), catalog);
  d.set("pangkat_golongan", rank.empty() ? Data(false) : Data(rank));
  std::string jabatan(f.jabatan.empty() ? std::string_view{} : r.get(f.jabatan));
  d.set("jabatan", jabatan);
  d.set("jabatan_kapital", ascii_upper(jabatan));
  d.set("ttd", image_path(f.ttd.empty() ? "" : r.get(f.ttd), signed_copy));
  d.set("stempel", image_path(f.stempel.empty() ? "" : r.get(f.stempel), signed_copy));
  return d;
}

Data region_data(const Record& region, const Catalog& catalog, bool signed_copy) {
  Data d = object();
  std::string name(region.get("nama_daerah"));
  d.set("nama_daerah", name);
  d.set("nama_daerah_kapital", ascii_upper(name));
  d.set("tempat", std::string(region.get("tempat")));
  std::string title(region.get("sebutan_kepala_daerah"));  // Bupati, Wali Kota, Gubernur: data, not code
  Data head = object();
  head.set("sebutan", title);
  head.set("sebutan_kapital", ascii_upper(title));
  head.set("nama", std::string(region.get("nama_kepala_daerah")));
  head.set("nama_kapital", ascii_upper(region.get("nama_kepala_daerah")));
  head.set("ttd", image_path(region.get("ttd_kepala_daerah"), signed_copy));
  head.set("stempel", image_path(region.get("stempel_kepala_daerah"), signed_copy));
  // The region's name without its type: "Kabupaten Karo" -> "Karo", for "BUPATI KARO".
  auto space = name.find(' ');
  std::string short_name = space == std::string::npos ? name : name.substr(space + 1);
  d.set("nama_singkat", short_name);
  d.set("nama_singkat_kapital", ascii_upper(short_name));
  head.set("jabatan", title + " " + short_name);
  head.set("jabatan_kapital", ascii_upper(title + " " + short_name));
  head.set("ada_nip", Data(false));  // elected: no NIP, no rank
  head.set("pangkat_golongan", Data(false));
  d.set("kepala_daerah", head);
  Data bappeda = object();
  for (auto [key, field] : {std::pair{"nama", "nama_bappeda"},
                            {"singkatan", "singkatan_bappeda"},
                            {"alamat", "alamat_bappeda"},
                            {"telepon", "telepon_bappeda"},
                            {"email", "email_bappeda"},
                            {"laman", "laman_bappeda"}}) {
    bappeda.set(key, region.has(field) ? Data(std::string(region.get(field))) : Data(false));
  }
  bappeda.set("nama_kapital", ascii_upper(region.get("nama_bappeda")));
  d.set("bappeda", bappeda);
  d.set("kepala_bappeda",
        person_data(region,
                    {"kepala_bappeda_nama", "kepala_bappeda_nip", "kepala_bappeda_pangkat", "kepala_bappeda_golongan",
                     "kepala_bappeda_jabatan", "ttd_kepala_bappeda", "stempel_bappeda"},
                    catalog, signed_copy));
  d.set("lambang", region.has("lambang") ? image_path(region.get("lambang"), true) : Data(false));
  return d;
}

Data agency_data(const Record& agency, const Catalog& catalog, bool signed_copy) {
  Data d = object();
  for (auto field : {"kode", "nama", "singkatan", "alamat", "telepon", "email", "laman"}) {
    d.set(field, agency.has(field) ? Data(std::string(agency.get(field))) : Data(false));
  }
  d.set("nama_kapital", ascii_upper(agency.get("nama")));
  d.set("kepala", person_data(agency,
                              {"kepala_nama", "kepala_nip", "kepala_pangkat", "kepala_golongan", "kepala_jabatan",
                               "kepala_ttd", "stempel"},
                              catalog, signed_copy));
  return d;
}

// The same escaping Mustache gives {{x}}, so trusted fragments and filled values agree.
std::string escape_markup(std::string_view value) { return kainjow::mustache::html_escape(std::string(value)); }

std::string narrative_markup(std::string_view stored_json) {
  std::string out;
  append_blocks(out, narrative_from_json(stored_json).blocks);
  return out;
}

Data narrative_items(std::string_view stored_json) {
  Data items = list();
  flatten(items, narrative_from_json(stored_json).blocks);
  return items;
}

}  // namespace inovasi::documents
