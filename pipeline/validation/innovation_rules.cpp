// IGA profile rules per innovation, and the indicative score from indicator answers.

#include "model/narrative.h"
#include "model/text.h"
#include "validation/finding_codes.h"
#include "validation/validation.h"

namespace inovasi {
namespace {

void check_dates(const Record& innovation, Findings& findings) {
  auto trial = innovation.get("waktu_uji_coba");
  auto applied = innovation.get("waktu_penerapan");
  // ISO dates compare correctly as text.
  if (!trial.empty() && !applied.empty() && trial > applied) {
    findings.error(innovation, "waktu_uji_coba", finding::kTrialAfterApplication,
                   {{"uji_coba", std::string(trial)}, {"penerapan", std::string(applied)}});
  }
  if (innovation.get("tahapan") == "Penerapan" && applied.empty()) {
    findings.error(innovation, "waktu_penerapan", finding::kApplicationWithoutDate);
  }
  if (innovation.get("tahapan") == "Uji Coba" && trial.empty()) {
    findings.warning(innovation, "waktu_uji_coba", finding::kTrialWithoutDate);
  }
}

void check_narrative_lengths(const Record& innovation, Findings& findings) {
  for (const auto& spec : innovation.kind->fields) {
    if (spec.type != FieldType::Narrative || !innovation.has(spec.name)) continue;
    try {
      std::size_t characters = narrative_characters(narrative_from_json(innovation.get(spec.name)));
      if (characters > kSpreadsheetCellCharacters) {
        findings.error(
            innovation, std::string(spec.name), finding::kNarrativeTooLong,
            {{"karakter", std::to_string(characters)}, {"batas", std::to_string(kSpreadsheetCellCharacters)}});
      }
    } catch (const std::exception&) {  // check_narratives reports a narrative that is not one
    }
  }
}

void check_narratives(const Record& innovation, const IndicatorCatalogue& edition, Findings& findings) {
  for (const auto& [field, minimum] : edition.minimum_words) {
    std::size_t words = 0;
    try {
      words = narrative_word_count(narrative_from_json(innovation.get(field)));
    } catch (const std::exception& e) {  // the stored narrative is not one
      findings.error(innovation, field, finding::kNarrativeUnreadable, {{"keterangan", e.what()}});
      continue;
    }
    if (words < static_cast<std::size_t>(minimum)) {
      findings.error(innovation, field, finding::kNarrativeTooShort,
                     {{"jumlah", std::to_string(words)},
                      {"edisi", std::to_string(edition.edition)},
                      {"minimum", std::to_string(minimum)}});
    }
  }
}

void check_enumerations(const Record& innovation, Findings& findings) {
  for (const auto& spec : innovation.kind->fields) {
    if (!keeps_raw_text(spec.type)) continue;
    auto raw = innovation.get(raw_column(spec.name));
    if (!raw.empty() && !innovation.has(spec.name)) {
      findings.warning(innovation, std::string(spec.name), finding::kUnknownValue, {{"nilai", std::string(raw)}});
    } else if (raw.empty() && spec.type == FieldType::Enum) {
      findings.warning(innovation, std::string(spec.name), finding::kNotFilledIn);
    }
  }
}

void check_answers(const Snapshot& snapshot, const Record& innovation, const IndicatorCatalogue& edition,
                   Findings& findings) {
  for (const auto* answer :
       snapshot.where("jawaban_indikator", "inovasi", innovation.get("kode"), innovation.get("tahun"))) {
    int number = std::stoi(std::string(answer->get("indikator")));
    if (!edition.indicator(number)) {
      findings.error(*answer, "indikator", finding::kUnknownIndicator,
                     {{"edisi", std::to_string(edition.edition)}, {"nomor", std::to_string(number)}},
                     innovation.get("instansi"));
      continue;
    }
    bool leveled = answer->has("level") && answer->get("level") != "0";
    if (leveled && (!answer->has("bukti") || answer->get("status_bukti") == "Tidak Ada")) {
      findings.warning(*answer, "bukti", finding::kLevelWithoutEvidence, {}, innovation.get("instansi"));
    }
  }
}

}  // namespace

void check_innovations(const Snapshot& snapshot, const Catalog& catalog, int year, Findings& findings) {
  std::string year_text = std::to_string(year);
  const auto& edition = catalog.indicators_for(year);
  for (const auto& innovation : snapshot.all("inovasi")) {
    if (innovation.get("tahun") != year_text) continue;
    if (!innovation.has("instansi")) {
      findings.warning(innovation, "instansi", finding::kInnovationWithoutAgency);
    }
    check_dates(innovation, findings);
    check_narratives(innovation, edition, findings);
    check_narrative_lengths(innovation, findings);
    check_enumerations(innovation, findings);
    check_answers(snapshot, innovation, edition, findings);
  }
}

IndicativeScore score_innovation(const Snapshot& snapshot, const IndicatorCatalogue& edition,
                                 const Record& innovation) {
  IndicativeScore score{std::string(innovation.get("kode")),
                        std::string(innovation.get("nama")),
                        std::string(innovation.get("instansi")),
                        std::stoi(std::string(innovation.get("tahun"))),
                        edition.edition,
                        0,
                        edition.max_score(),
                        0};
  for (const auto* answer :
       snapshot.where("jawaban_indikator", "inovasi", innovation.get("kode"), innovation.get("tahun"))) {
    const auto* indicator = edition.indicator(std::stoi(std::string(answer->get("indikator"))));
    if (!indicator || !answer->has("level")) continue;
    int level = std::stoi(std::string(answer->get("level")));
    score.score += level * indicator->weight;
    score.answered += level > 0;
  }
  return score;
}

std::vector<IndicativeScore> score_innovations(const Snapshot& snapshot, const Catalog& catalog, int year) {
  std::string year_text = std::to_string(year);
  const auto& edition = catalog.indicators_for(year);
  std::vector<IndicativeScore> scores;
  for (const auto& innovation : snapshot.all("inovasi")) {
    if (innovation.get("tahun") == year_text) scores.push_back(score_innovation(snapshot, edition, innovation));
  }
  return scores;
}

}  // namespace inovasi
