#pragma once
// What the commands that work on one programme year open first: the catalogue, the
// store, everything in it, and the year (--year, else the latest in the store).

#include "cli/args.h"
#include "cli/environment.h"
#include "store/store.h"
#include "store/snapshot.h"

namespace inovasi::cli {

struct YearData {
  Catalog catalog;
  Store store;
  Snapshot snapshot;
  int year = 0;
};

inline YearData load_year(const Args& args, const Environment& env,
                          Snapshot::Contents contents = Snapshot::Contents::Everything) {
  Catalog catalog = env.load_catalog();
  Store store = Store::open(env.database, false);
  Snapshot snapshot = Snapshot::load(store, contents);
  int year = args.integer("year").value_or(snapshot.latest_year());
  if (year == 0) throw UsageError("the store holds no innovations yet; give --year");
  return {std::move(catalog), std::move(store), std::move(snapshot), year};
}

}  // namespace inovasi::cli
