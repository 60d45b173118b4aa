#include "store/year_source.h"

#include <algorithm>
#include <future>
#include <memory>

namespace inovasi {
namespace {

constexpr std::string_view kInnovations = "inovasi";
constexpr std::string_view kAnswers = "jawaban_indikator";  // travel with their innovations

// A kind's records keyed from `from` to below `to` ({} for no bound).
std::vector<Record> read_range(const Store& store, std::string_view kind_name, const std::vector<std::string>& from,
                               const std::vector<std::string>& to, bool narratives) {
  const RecordKind& kind = *find_record_kind(kind_name);
  std::vector<Record> records;
  store.scan_range(kind, store_columns(kind, narratives), from, to,
                   [&](Record& record) { records.push_back(std::move(record)); });
  return records;
}

// Store::scan_where_in a few hundred values a query: well under SQLite's limit on a
// statement's parameters.
void scan_where_in_chunks(const Store& store, std::string_view kind_name, std::string_view field,
                          const std::vector<std::string>& values, bool narratives,
                          const std::function<void(Record&)>& each) {
  constexpr std::size_t kValuesPerQuery = 500;
  const RecordKind& kind = *find_record_kind(kind_name);
  auto columns = store_columns(kind, narratives);
  for (std::size_t first = 0; first < values.size(); first += kValuesPerQuery) {
    auto end = std::min(values.size(), first + kValuesPerQuery);
    std::vector<std::string> chunk(values.begin() + static_cast<std::ptrdiff_t>(first),
                                   values.begin() + static_cast<std::ptrdiff_t>(end));
    store.scan_where_in(kind, columns, field, chunk, each);
  }
}

}  // namespace

YearSource::YearSource(const Store& store, std::optional<int> year, std::size_t per_slice)
    : store_(&store),
      base_(Snapshot::load(store, Snapshot::Contents::WithoutInnovations)),
      year_(year.value_or(base_.latest_year())) {
  starts_ = per_slice == kWholeYear ? std::vector<std::vector<std::string>>{{}}
                                    : store.slice_starts(*find_record_kind(kInnovations), per_slice);
  if (starts_.empty()) starts_.emplace_back();  // no innovations: one empty slice
}

YearSource::YearSource(const Snapshot& whole, int year) : whole_(&whole), year_(year) {}

Snapshot YearSource::slice(std::size_t index, Depth depth) const {
  if (whole_) return *whole_;
  const auto& from = starts_.at(index);
  const auto& to = index + 1 < starts_.size() ? starts_[index + 1] : std::vector<std::string>{};
  bool narratives = depth == Depth::Narratives;
  Snapshot held = base_.with_records(kInnovations, read_range(*store_, kInnovations, from, to, narratives));
  if (!narratives) return held;
  return held.with_records(kAnswers, read_range(*store_, kAnswers, from, to, true));
}

void YearSource::for_each_slice(Depth depth, const std::function<void(const Snapshot&)>& each) const {
  if (whole_) {
    each(*whole_);
    return;
  }
  auto read = [this, depth](std::size_t index) { return slice(index, depth); };
  std::future<Snapshot> next = std::async(std::launch::async, read, 0);
  for (std::size_t index = 0; index < starts_.size(); ++index) {
    Snapshot held = next.get();
    if (index + 1 < starts_.size()) next = std::async(std::launch::async, read, index + 1);
    each(held);
  }
}

void YearSource::for_each_innovation(const std::function<void(const Record&)>& each) const {
  std::string year = std::to_string(year_);
  auto of_year = [&](const Record& innovation) {
    if (innovation.get("tahun") == year) each(innovation);
  };
  if (whole_) {
    for (const auto& innovation : whole_->all(kInnovations)) of_year(innovation);
    return;
  }
  const RecordKind& kind = *find_record_kind(kInnovations);
  store_->scan(kind, store_columns(kind, /*narratives=*/false), [&](Record& innovation) { of_year(innovation); });
}

Snapshot YearSource::agencies(const std::vector<std::size_t>& positions) const {
  const auto& agencies = base().all("instansi");
  std::vector<Record> held;
  std::vector<std::string> codes;
  for (std::size_t position : positions) {
    held.push_back(agencies.at(position));
    codes.emplace_back(agencies[position].get("kode"));
  }
  if (whole_) return whole_->with_records("instansi", std::move(held));
  const RecordKind& innovation = *find_record_kind(kInnovations);
  std::vector<Record> innovations;
  store_->scan_where_in(innovation, store_columns(innovation), "instansi", codes,
                        [&](Record& record) { innovations.push_back(std::move(record)); });
  // Their indicator answers (the packets score them), a few hundred innovations a query.
  // The codes are in key order and each is asked once, so the answers come in store
  // order, as the year's snapshot would hold them.
  std::vector<std::string> named;
  for (const auto& record : innovations) {
    if (named.empty() || named.back() != record.get("kode")) named.emplace_back(record.get("kode"));
  }
  std::vector<Record> answers;
  scan_where_in_chunks(*store_, kAnswers, "inovasi", named, true,
                       [&](Record& record) { answers.push_back(std::move(record)); });
  return base_.with_records("instansi", std::move(held))
      .with_records(kInnovations, std::move(innovations))
      .with_records(kAnswers, std::move(answers));
}

Snapshot YearSource::with_contracted_innovations() const {
  if (whole_) return *whole_;
  std::string year_text = std::to_string(year_);
  std::vector<std::string> named;
  for (const auto& line : base_.all("perjanjian_kinerja")) {
    if (line.get("tahun") == year_text) named.emplace_back(line.get("inovasi"));
  }
  // Each code asked once, in order: the chunks' innovations then come in store order, as a
  // snapshot holding them all would list them.
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  std::vector<Record> innovations;
  scan_where_in_chunks(*store_, kInnovations, "kode", named, false, [&](Record& innovation) {
    if (innovation.get("tahun") == year_text) innovations.push_back(std::move(innovation));
  });
  return base_.with_records(kInnovations, std::move(innovations));
}

}  // namespace inovasi
