#include "layout/qr_symbol.h"

#include <gtest/gtest.h>
#include <qrencode.h>

#include <memory>
#include <random>
#include <string>

namespace inovasi::layout {
namespace {

// Our encoder must give, module for module, the symbol libqrencode gives: the same
// version, the same codewords and the same mask. libqrencode is the oracle here only.
struct Reference {
  int width = 0;
  std::vector<std::uint8_t> dark;
};

Reference libqrencode_symbol(const std::string& data, QrLevel level) {
  static constexpr QRecLevel kLevels[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};
  struct Free {
    void operator()(QRcode* code) const { QRcode_free(code); }
  };
  std::unique_ptr<QRcode, Free> code(QRcode_encodeData(static_cast<int>(data.size()),
                                                       reinterpret_cast<const unsigned char*>(data.data()), 0,
                                                       kLevels[static_cast<int>(level)]));
  Reference reference;
  if (!code) return reference;
  reference.width = code->width;
  for (int i = 0; i < code->width * code->width; ++i) reference.dark.push_back(code->data[i] & 1);
  return reference;
}

std::string random_bytes(std::mt19937& random, std::size_t length) {
  std::string bytes(length, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  return bytes;
}

const char* name(QrLevel level) { return "LMQH" + static_cast<int>(level); }

void expect_same_symbol(const std::string& data, QrLevel level) {
  Reference reference = libqrencode_symbol(data, level);
  ASSERT_NE(reference.width, 0) << data.size() << " bytes at " << name(level);
  QrSymbol symbol = encode_qr(data, level);
  ASSERT_EQ(symbol.width, reference.width) << data.size() << " bytes at " << name(level);
  ASSERT_EQ(symbol.width, 17 + 4 * symbol.version);
  ASSERT_TRUE(symbol.dark == reference.dark)
      << data.size() << " bytes at " << name(level) << ", version " << symbol.version;
}

// The longest data each version holds, and one byte more: a wrong capacity shows as
// another width than libqrencode's.
TEST(QrSymbol, EveryVersionAndLevelIsLibqrencodesSymbol) {
  std::mt19937 random(20261129);
  for (QrLevel level : {QrLevel::L, QrLevel::M, QrLevel::Q, QrLevel::H}) {
    std::size_t length = 1;
    for (int version = 1; version <= 40; ++version) {
      while (qr_version_for(length + 1, level) == version) ++length;
      ASSERT_EQ(qr_version_for(length, level), version) << name(level);
      expect_same_symbol(random_bytes(random, length), level);
      if (version < 40) expect_same_symbol(random_bytes(random, length + 1), level);
      if (::testing::Test::HasFatalFailure()) return;
    }
    // One byte past version 40 fits nowhere, for both.
    std::string too_long = random_bytes(random, length + 1);
    EXPECT_EQ(qr_version_for(too_long.size(), level), 0);
    EXPECT_EQ(libqrencode_symbol(too_long, level).width, 0);
    EXPECT_THROW(encode_qr(too_long, level), std::length_error);
  }
}

// Small symbols at random lengths and bytes: most masks get chosen somewhere here.
TEST(QrSymbol, RandomDataIsLibqrencodesSymbol) {
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    auto level = static_cast<QrLevel>(random() % 4);
    std::size_t length = 1 + random() % 120;
    expect_same_symbol(random_bytes(random, length), level);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

// What certificates carry: a region's verification address and a code.
TEST(QrSymbol, VerificationAddressesAreLibqrencodesSymbol) {
  const std::string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::mt19937 random(11);
  for (int i = 0; i < 1000; ++i) {
    std::string code;
    for (int k = 0; k < 10; ++k) code += alphabet[random() % alphabet.size()];
    expect_same_symbol("https://inovasi.karokab.go.id/verifikasi/" + code, QrLevel::M);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(QrSymbol, EmptyDataIsRefused) { EXPECT_THROW(encode_qr("", QrLevel::M), std::invalid_argument); }

}  // namespace
}  // namespace inovasi::layout
