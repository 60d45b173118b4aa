// IGA narrative: every profile field in the order the IGA application asks for it, word
// counts against the minimums, and the indicator answers with the indicative score.

#include "documents/document_kind.h"
#include "model/narrative.h"
#include "model/text.h"
#include "validation/validation.h"

namespace inovasi::documents {
namespace {

Data narrative_field(const Record& innovation, std::string_view field, const IndicatorCatalogue& edition) {
  Data d = object();
  std::string markup = narrative_markup(innovation.get(field));
  d.set("isi", markup.empty() ? Data(false) : Data(markup));
  auto words = narrative_word_count(narrative_from_json(innovation.get(field)));
  d.set("jumlah_kata", std::to_string(words));
  auto minimum = edition.minimum_words.find(std::string(field));
  d.set("ada_minimum", Data(minimum != edition.minimum_words.end()));
  if (minimum != edition.minimum_words.end()) {
    d.set("minimum", std::to_string(minimum->second));
    d.set("memenuhi", Data(words >= static_cast<std::size_t>(minimum->second)));
  }
  return d;
}

}  // namespace

void add_narrative_fields(Data& data, const DataContext& context, const Record& innovation, int year,
                          int bookmark_level) {
  const auto& edition = context.catalog.indicators_for(year);
  const Record* agency = find_one(context.snapshot, "instansi", "kode", innovation.get("instansi"));
  data.set("tingkat_penanda", std::to_string(bookmark_level));
  data.set("tahun", std::to_string(year));
  data.set("instansi", agency ? agency_data(*agency, context.catalog, false) : Data(false));
  for (auto field : {"nama", "tahapan", "inisiator", "jenis", "bentuk", "urusan"}) {
    std::string value(innovation.get(field));
    if (value.empty() &&
        keeps_raw_text(innovation.kind->field(field) ? innovation.kind->field(field)->type : FieldType::Text)) {
      value = innovation.get(raw_column(field));
    }
    data.set(field, value.empty() ? Data(false) : Data(value));
  }
  for (auto field : {"waktu_uji_coba", "waktu_penerapan"}) {
    auto date = date_of(innovation.get(field));
    data.set(field, date ? date_data(*date) : Data(false));
  }
  for (auto field : {"rancang_bangun", "tujuan", "manfaat", "hasil"})
    data.set(field, narrative_field(innovation, field, edition));

  Data answers = list();
  int total = 0;
  for (const auto& indicator : edition.indicators) {
    Data row = object();
    row.set("nomor", std::to_string(indicator.number));
    row.set("nama", indicator.label);
    row.set("bobot", std::to_string(indicator.weight));
    row.set("level", "-");
    row.set("skor", "0");
    row.set("bukti", indicator.evidence);
    row.set("status_bukti", "Tidak Ada");
    for (const auto* answer :
         context.snapshot.where("jawaban_indikator", "inovasi", innovation.get("kode"), innovation.get("tahun"))) {
      if (answer->get("indikator") != std::to_string(indicator.number)) continue;
      int level = answer->has("level") ? std::stoi(std::string(answer->get("level"))) : 0;
      row.set("level", std::to_string(level));
      row.set("skor", std::to_string(level * indicator.weight));
      if (answer->has("bukti")) row.set("bukti", std::string(answer->get("bukti")));
      row.set("status_bukti",
              answer->has("status_bukti") ? std::string(answer->get("status_bukti")) : std::string("-"));
      total += level * indicator.weight;
    }
    answers.push_back(row);
  }
  data.set("indikator", answers);
  data.set("skor", std::to_string(total));
  data.set("skor_maksimal", std::to_string(edition.max_score()));
  data.set("edisi", std::to_string(edition.edition));
}

namespace {

PlannedDocument plan_narrative(const DocumentKind& kind, const DocumentContext& context, const Record& innovation,
                               int year) {
  PlannedDocument doc = kind.document(year, innovation.key_label());
  for (auto field : {"waktu_penerapan", "waktu_uji_coba"}) {
    if (auto date = date_of(innovation.get(field)); date && date->year == year) doc.date = std::max(doc.date, *date);
  }
  doc.source = [from = DataContext(context), &innovation, year] {
    Data data = object();
    add_narrative_fields(data, from, innovation, year, 0);
    return data;
  };
  const Record* agency = find_one(context.snapshot, "instansi", "kode", innovation.get("instansi"));
  if (agency) doc.agency = agency->get("kode");
  doc.path = kind.output_path(
      year, {{"instansi", agency ? agency->get("kode") : "tanpa-instansi"}, {"inovasi", innovation.get("kode")}});
  return doc;
}

}  // namespace

DocumentKind iga_narrative_kind() {
  return {"iga-narrative",
          "IGA narrative export, one per innovation of the year",
          "Narasi Inovasi IGA",
          "narasi-iga",
          "iga/{instansi}/{inovasi}.pdf",
          std::nullopt,
          [](const DocumentKind& kind, DocumentContext& context, const Selection& selection) {
            int year = selected_year(context, selection);
            std::vector<PlannedDocument> docs;
            for (const Record* innovation :
                 selected_records(context, selection, year, {"inovasi", "tahun", &Selection::innovation})) {
              docs.push_back(plan_narrative(kind, context, *innovation, year));
            }
            return docs;
          }};
}

}  // namespace inovasi::documents
