#pragma once
// A synthetic dataset for benchmarks: a region, agencies, and N innovations with names
// of every length and full narratives, deterministic for a given N.

#include "model/record.h"

namespace inovasi::bench {

Dataset synthetic_dataset(std::size_t innovations, int year);

}  // namespace inovasi::bench
