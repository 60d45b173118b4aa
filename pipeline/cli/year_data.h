#pragma once
// What the commands that work on one programme year open first: the catalogue, the
// store, and the year (--year, else the latest in the store) as a YearSource.

#include "cli/args.h"
#include "cli/environment.h"
#include "store/store.h"
#include "store/year_source.h"

namespace inovasi::cli {

// Made in place (the source reads through `store`): never copied or moved.
struct YearData {
  YearData(const Args& args, const Environment& env, std::size_t innovations_per_slice = kInnovationsPerYearSlice)
      : catalog(env.load_catalog()),
        store(Store::open(env.database, false)),
        source(store, args.integer("year"), innovations_per_slice),
        year(source.year()) {
    if (year == 0) throw DataError("the store holds no innovations yet: import some, or give --year");
  }
  YearData(const YearData&) = delete;
  YearData& operator=(const YearData&) = delete;

  Catalog catalog;
  Store store;
  YearSource source;
  int year;
};

}  // namespace inovasi::cli
