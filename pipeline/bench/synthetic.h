#pragma once
// A synthetic dataset for benchmarks: a region, agencies, and N innovations with names
// of every length and full narratives, deterministic for a given N.

#include "model/record.h"
#include "store/store.h"

namespace inovasi::bench {

// The region, its Launching Inovasi event, and the agencies (with teams and
// facilitators) for a dataset of `innovations`.
Dataset synthetic_agencies(std::size_t innovations, int year);
// Innovations first..last-1 of such a dataset.
Dataset synthetic_innovations(std::size_t innovations, int year, std::size_t first, std::size_t last);
// All of it into the store, a slice at a time.
void save_synthetic_dataset(Store& store, std::size_t innovations, int year);

}  // namespace inovasi::bench
