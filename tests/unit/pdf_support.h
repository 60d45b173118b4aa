#pragma once
// A small PDF written by hand, for the tests of reading PDFs back (pdf_syntax) and of
// rewriting them (stream_compression), and deflated data read back.

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace inovasi::testing {

// The given objects, numbered from 1 (the first is the catalog), with a correct
// cross-reference table; `trailer_extra` goes into the trailer (" /Info 2 0 R").
inline std::string hand_made_pdf(const std::vector<std::string>& objects, const std::string& trailer_extra = "") {
  std::string pdf = "%PDF-1.3\n%\xB7\xBE\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  char entry[32];
  for (auto offset : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" + trailer_extra +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// zlib-wrapped deflate data inflated back, at most `size` bytes.
inline std::string inflate(std::string_view data, std::size_t size) {
  std::string out(size, '\0');
  uLongf length = size;
  EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(out.data()), &length, reinterpret_cast<const Bytef*>(data.data()),
                       data.size()),
            Z_OK);
  out.resize(length);
  return out;
}

}  // namespace inovasi::testing
