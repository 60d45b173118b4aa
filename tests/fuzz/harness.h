#pragma once
// The fuzz targets, as plain functions: libFuzzer calls them through fuzz_main.cpp (one
// executable per target, built with clang by scripts/fuzz.sh), and the unit tests replay
// the seeds and every input a fuzzer once crashed on (tests/fuzz/regressions/) through
// the same functions with g++. An input may be refused with a reported error; a crash,
// a sanitizer report, a hang or an exception the code does not document is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace inovasi::fuzz {

// What a target made of an input: accepted, or refused with a reported error.
enum class Outcome { Accepted, Refused };

struct Target {
  std::string_view name;
  Outcome (*run)(const std::uint8_t* data, std::size_t size);
};

// profile, csv, json, xlsx, markup, render, pdf, qr, serve, signatures
const std::vector<Target>& targets();
const Target* find_target(std::string_view name);

}  // namespace inovasi::fuzz
