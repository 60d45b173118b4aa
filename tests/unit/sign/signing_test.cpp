// PAdES signing and its check: the CMS, the incremental update, the empty fields a
// template leaves, and what a later revision may change.
#include <gtest/gtest.h>
#include <openssl/cms.h>
#include <openssl/pkcs12.h>

#include <algorithm>
#include <fstream>

#include "layout/flow.h"
#include "layout/images.h"
#include "layout/markup.h"
#include "layout/paginate.h"
#include "pdf/pdf_writer.h"
#include "pdf_support.h"
#include "sign/pdf_revisions.h"
#include "sign/pdf_signer.h"
#include "test_support.h"

namespace inovasi {
namespace {

using namespace inovasi::testing;

constexpr std::time_t kSigningTime = 1771898400;  // 2026-02-24 09:00 WIB

const sign::SigningKey& test_key() {
  static const sign::SigningKey key = sign::SigningKey::throwaway("Penandatangan Uji", kSigningTime);
  return key;
}

std::string one_page() {
  return hand_made_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                        "<< /Length 35 >>\nstream\nBT /F1 12 Tf 72 700 Td (Isi) Tj ET\nendstream"});
}

// Markup laid out and written as a batch writes it.
std::string pdf_of(const std::string& markup) {
  auto manifest = pdf::FontManifest::load(source_dir() / "fonts" / "fonts.json");
  auto spec = layout::build_document(layout::parse_markup(markup, "t.xml"), "t.xml", ".");
  pdf::FontSet fonts(manifest);
  layout::ImageInfoCache images;
  layout::FlowContext context{fonts, nullptr, &images, "t.xml"};
  pdf::HpdfDocument document;
  return pdf::write_pdf(layout::paginate(spec, context), document, fonts, {Date{2026, 2, 24}}).bytes;
}

// A page with the space a template leaves for a signature named `field`.
std::string rendered_with_field(const std::string& field) {
  std::string markup =
      "<document size=\"A4\" font=\"serif\"><p>PIHAK KEDUA,</p><space height=\"20mm\" "
      "signature-field=\"" +
      field + "\"/><p>Nama Pejabat</p></document>";
  return pdf_of(markup);
}

sign::SignatureRequest request(const std::string& field = "") {
  sign::SignatureRequest r;
  r.field_name = field;
  r.time = kSigningTime;
  r.utc_offset_minutes = 420;
  r.reason = "Perjanjian kinerja";
  return r;
}

std::vector<sign::SignatureReport> check(const std::string& pdf) { return sign::check_signatures(pdf, "t.pdf", {}); }

TEST(PdfSigning, AnIncrementalUpdateWhoseSignatureCoversTheWholeFile) {
  std::string original = one_page();
  auto signed_pdf = sign::sign_pdf(original, "t.pdf", test_key(), request()).bytes;
  EXPECT_EQ(signed_pdf.substr(0, original.size()), original) << "the original bytes are kept as they are";
  auto reports = check(signed_pdf);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].field, "Tanda tangan 1");
  EXPECT_EQ(reports[0].sub_filter, "ETSI.CAdES.detached");
  EXPECT_EQ(reports[0].signing_time, "D:20260224090000+07'00'");
  EXPECT_TRUE(reports[0].byte_range_ok);
  EXPECT_TRUE(reports[0].cms.intact) << reports[0].cms.problem;
  EXPECT_TRUE(reports[0].whole_file);
  EXPECT_TRUE(reports[0].holds());
  EXPECT_NE(reports[0].cms.signer_subject.find("CN=Penandatangan Uji"), std::string::npos);
}

TEST(PdfSigning, TheSameKeyInputAndTimeGiveTheSameBytes) {
  auto a = sign::sign_pdf(one_page(), "t.pdf", test_key(), request()).bytes;
  auto b = sign::sign_pdf(one_page(), "t.pdf", test_key(), request()).bytes;
  EXPECT_EQ(a, b);
}

// PAdES B-B: no signing-time attribute (the time is /M), a signing-certificate-v2.
TEST(PdfSigning, TheCmsCarriesTheSigningCertificateAndNoSigningTime) {
  auto signed_pdf = sign::sign_pdf(one_page(), "t.pdf", test_key(), request()).bytes;
  auto fields = sign::list_signature_fields(signed_pdf, "t.pdf");
  ASSERT_EQ(fields.size(), 1u);
  std::string der = fields[0].value;
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  sign::CmsContent cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(der.size())));
  ASSERT_TRUE(cms);
  CMS_SignerInfo* info = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
  EXPECT_LT(CMS_signed_get_attr_by_NID(info, NID_pkcs9_signingTime, -1), 0);
  EXPECT_GE(CMS_signed_get_attr_by_NID(info, NID_id_smime_aa_signingCertificateV2, -1), 0);
  EXPECT_GE(CMS_signed_get_attr_by_NID(info, NID_pkcs9_messageDigest, -1), 0);
  EXPECT_EQ(CMS_get0_eContentType(cms.get()) ? OBJ_obj2nid(CMS_get0_eContentType(cms.get())) : 0, NID_pkcs7_data);
}

TEST(PdfSigning, ASecondSignatureLeavesTheFirstRevisionIntact) {
  auto first = sign::sign_pdf(one_page(), "t.pdf", test_key(), request()).bytes;
  auto second = sign::sign_pdf(first, "t.pdf", test_key(), request()).bytes;
  EXPECT_EQ(second.substr(0, first.size()), first);
  auto reports = check(second);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[1].field, "Tanda tangan 2");
  EXPECT_FALSE(reports[0].whole_file);
  EXPECT_EQ(reports[0].covered, first.size());
  EXPECT_TRUE(reports[0].later_only_signatures);
  EXPECT_TRUE(reports[0].holds());
  EXPECT_TRUE(reports[1].whole_file);
  EXPECT_TRUE(reports[1].holds());
}

TEST(PdfSigning, AChangedByteInTheSignedRangeBreaksTheSignature) {
  auto signed_pdf = sign::sign_pdf(one_page(), "t.pdf", test_key(), request()).bytes;
  signed_pdf[signed_pdf.find("(Isi)") + 1] = 'X';
  auto reports = check(signed_pdf);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_FALSE(reports[0].cms.intact);
  EXPECT_FALSE(reports[0].holds());
}

// A SignedData whose digest list names an algorithm OpenSSL cannot make (SHA-256's OID
// with its last arc changed), its signer's own digest still SHA-256: reported broken.
// Under ASan this also proves the check frees what OpenSSL's verify left behind.
TEST(PdfSigning, ADigestNoOneCanMakeBreaksTheSignature) {
  auto signed_pdf = sign::sign_pdf(one_page(), "t.pdf", test_key(), request()).bytes;
  const std::string sha256_oid = "0609608648016503040201";
  auto at = signed_pdf.find(sha256_oid, signed_pdf.find("/Contents <"));
  ASSERT_NE(at, std::string::npos);
  signed_pdf.replace(at + sha256_oid.size() - 2, 2, "7F");
  auto reports = check(signed_pdf);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_FALSE(reports[0].cms.intact);
  EXPECT_FALSE(reports[0].holds());
  EXPECT_NE(reports[0].cms.problem.find("changed"), std::string::npos) << reports[0].cms.problem;
}

// A revision after the signature that changes the page's content: the signature still
// holds for its revision, but the document is not what was signed.
TEST(PdfSigning, ContentEditedAfterSigningIsReported) {
  auto signed_pdf = sign::sign_pdf(one_page(), "t.pdf", test_key(), request()).bytes;
  auto startxref = signed_pdf.rfind("startxref\n") + 10;
  std::string prev = signed_pdf.substr(startxref, signed_pdf.find('\n', startxref) - startxref);
  auto size_at = signed_pdf.rfind("/Size ") + 6;
  std::string size = signed_pdf.substr(size_at, signed_pdf.find(' ', size_at) - size_at);
  std::string body = "BT /F1 40 Tf 72 400 Td (BATAL) Tj ET";
  std::size_t at = signed_pdf.size();
  std::string object =
      "4 0 obj\n<< /Length " + std::to_string(body.size()) + " >>\nstream\n" + body + "\nendstream\nendobj\n";
  char entry[32];
  std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", at);
  std::string edited = signed_pdf + object + "xref\n4 1\n" + entry + "trailer\n<< /Size " + size +
                       " /Root 1 0 R /Prev " + prev + " >>\nstartxref\n" + std::to_string(at + object.size()) +
                       "\n%%EOF\n";
  auto reports = check(edited);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].cms.intact);
  EXPECT_FALSE(reports[0].later_only_signatures);
  ASSERT_FALSE(reports[0].later_changes.empty());
  EXPECT_NE(reports[0].later_changes[0].find("object 4"), std::string::npos) << reports[0].later_changes[0];
  EXPECT_FALSE(reports[0].holds());
  EXPECT_FALSE(sign::changes_since(edited, one_page().size(), "t.pdf").empty());
  EXPECT_TRUE(sign::changes_since(signed_pdf, one_page().size(), "t.pdf").empty());
}

TEST(PdfSigning, TheTemplatesEmptyFieldIsSignedWhereItIsAndShows) {
  std::string rendered = rendered_with_field("kepala_daerah");
  auto empty = sign::list_signature_fields(rendered, "t.pdf");
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].name, "kepala_daerah");
  EXPECT_FALSE(empty[0].signed_);
  double height = empty[0].rect[3] - empty[0].rect[1];
  EXPECT_NEAR(height, 20 * 72 / 25.4, 0.01) << "the field is the space the template left";

  auto r = request("kepala_daerah");
  r.look = sign::standard_look(test_key(), r, "https://contoh.go.id/verifikasi/ABCDE12345");
  r.field_must_exist = true;
  auto signed_pdf = sign::sign_pdf(rendered, "t.pdf", test_key(), r).bytes;
  auto reports = check(signed_pdf);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].field, "kepala_daerah");
  EXPECT_TRUE(reports[0].holds());
  EXPECT_NE(signed_pdf.find("(Ditandatangani secara elektronik) Tj"), std::string::npos);
  EXPECT_NE(signed_pdf.find("(24 Februari 2026 pukul 09.00 WIB) Tj"), std::string::npos);
  EXPECT_NE(signed_pdf.find("BI /IM true"), std::string::npos) << "the QR code in the appearance";
  EXPECT_TRUE(sign::changes_since(signed_pdf, rendered.size(), "t.pdf").empty())
      << "signing the empty field changes nothing else";
}

TEST(PdfSigning, ABatchRefusesADocumentWithoutTheRolesField) {
  auto r = request("kepala_instansi");
  r.field_must_exist = true;
  try {
    sign::sign_pdf(rendered_with_field("kepala_daerah"), "kontrak.pdf", test_key(), r);
    FAIL() << "signed without the field";
  } catch (const sign::SignError& e) {
    EXPECT_NE(std::string(e.what()).find("kontrak.pdf"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("no empty signature field 'kepala_instansi'"), std::string::npos) << e.what();
  }
}

TEST(PdfSigning, RefusesASignedFieldAndADamagedFile) {
  auto signed_pdf = sign::sign_pdf(one_page(), "t.pdf", test_key(), request("ttd")).bytes;
  EXPECT_THROW(sign::sign_pdf(signed_pdf, "t.pdf", test_key(), request("ttd")), sign::SignError);
  std::string cut = one_page().substr(0, 200);
  EXPECT_THROW(sign::sign_pdf(cut, "t.pdf", test_key(), request()), sign::SignError);
  std::string broken = one_page();
  broken.replace(broken.find("xref\n0 5"), 4, "xrfx");
  EXPECT_THROW(sign::sign_pdf(broken, "t.pdf", test_key(), request()), sign::SignError);
}

TEST(PdfSigning, TheSameFieldNameTwiceInADocumentFailsItsRender) {
  std::string markup =
      "<document><space height=\"10mm\" signature-field=\"a\"/><space height=\"10mm\" "
      "signature-field=\"a\"/></document>";
  EXPECT_THROW(pdf_of(markup), std::exception);
}

// A PKCS#12 made here from the throwaway key, read back with the checks a signer's file
// gets.
std::string pkcs12_of(const sign::SigningKey& key, const char* passphrase) {
  sign::Pkcs12 file(PKCS12_create(passphrase, "uji", key.key(), key.certificate(), nullptr, 0, 0, 0, 0, 0));
  unsigned char* der = nullptr;
  int size = i2d_PKCS12(file.get(), &der);
  std::string bytes(reinterpret_cast<char*>(der), static_cast<std::size_t>(size));
  OPENSSL_free(der);
  return bytes;
}

TEST(SigningKey, RefusesAWrongPassphraseAndACertificateOutsideItsValidity) {
  ScratchDir dir;
  auto p12 = dir.path() / "uji.p12";
  std::ofstream(p12, std::ios::binary) << pkcs12_of(test_key(), "rahasia");
  EXPECT_NO_THROW(sign::SigningKey::load(p12, sign::Passphrase("rahasia"), kSigningTime));
  auto message = [&](const char* passphrase, std::time_t when) -> std::string {
    try {
      sign::SigningKey::load(p12, sign::Passphrase(passphrase), when);
    } catch (const sign::SignError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_NE(message("salah", kSigningTime).find("wrong passphrase"), std::string::npos);
  EXPECT_NE(message("rahasia", kSigningTime + 400 * 86400).find("expired on"), std::string::npos);
  EXPECT_NE(message("rahasia", kSigningTime - 2 * 86400).find("is not valid until"), std::string::npos);
  EXPECT_EQ(message("rahasia", kSigningTime), "");
}

TEST(SigningKey, ThePdfDateStatesTheOffset) {
  EXPECT_EQ(sign::pdf_date(kSigningTime, 420), "D:20260224090000+07'00'");
  EXPECT_EQ(sign::pdf_date(kSigningTime, 0), "D:20260224020000Z");
  EXPECT_EQ(sign::pdf_date(kSigningTime, -90), "D:20260224003000-01'30'");
  EXPECT_EQ(sign::parse_pdf_date("D:20260224090000+07'00'"), kSigningTime);
  EXPECT_EQ(sign::parse_pdf_date("D:20260224020000Z"), kSigningTime);
  auto parts = sign::parse_pdf_date_parts("D:20260224003000-01'30'");
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->utc_offset_minutes, -90);
  EXPECT_EQ(sign::utc_offset_text(parts->utc_offset_minutes), " -01:30");
  EXPECT_EQ(sign::utc_offset_text(0), " UTC");
  EXPECT_EQ(sign::utc_offset_text(std::nullopt), "");
  EXPECT_FALSE(sign::parse_pdf_date_parts("24 Februari 2026"));
}

}  // namespace
}  // namespace inovasi
