// The private pages' parts that need no server: uploads recognised by content, the login
// throttle, the console's runs one at a time, the import page's reading of `import --json`.

#include <gtest/gtest.h>

#include <thread>

#include "serve/import_outcome.h"
#include "serve/jobs.h"
#include "serve/login_throttle.h"
#include "serve/web_request.h"
#include "test_support.h"

namespace inovasi::serve {
namespace {

// The import page reads `import --json`: counts, findings in the file's order, and the
// new or changed records without the typed-as-written copies; anything else is shown as
// it came.
TEST(ImportOutcome, TheCommandsJsonBecomesTheImportPage) {
  const char* json = R"({"berhasil": false, "uji_coba": true, "berkas_dibaca": 1, "rekaman": 2,
    "jumlah": {"baru": 1, "diubah": 1, "tetap": 0, "isian_dikosongkan": 1},
    "perubahan": [
      {"status": "baru", "jenis": "instansi", "data": "instansi pkm-x", "berkas": "/srv/.impor/t/instansi.csv",
       "baris": 2, "isian": [{"kolom": "nama", "sebelum": "", "sesudah": "Puskesmas X"},
                            {"kolom": "jenis_asli", "sebelum": "", "sesudah": "puskesmas"}]},
      {"status": "diubah", "jenis": "instansi", "data": "instansi dinkes", "berkas": "/srv/.impor/t/instansi.csv",
       "baris": 3, "isian": [{"kolom": "singkatan", "sebelum": "Dinkes", "sesudah": ""}]}],
    "perubahan_tidak_dicantumkan": 0,
    "temuan": [
      {"tingkat": "error", "berkas": "/srv/.impor/t/instansi.csv", "baris": 5, "kolom": "kode", "label": "Kode",
       "pesan_id": "Wajib diisi"},
      {"tingkat": "warning", "berkas": "/srv/.impor/t/instansi.csv", "baris": 4, "kolom": "jenis", "label": "Jenis",
       "pesan_id": "Nilai 'Klinik' tidak dikenal"}],
    "temuan_tidak_dicantumkan": 3, "catatan": []})";
  PageData data;
  set_import_outcome(data, json, inovasi::testing::catalog());
  EXPECT_TRUE(data.get("hasil")->is_true());
  EXPECT_EQ(data.get("ringkasan")->string_value(),
            "Dibaca 2 data dari 1 berkas: 1 baru, 1 berubah, 0 tetap. Perubahan ini mengosongkan 1 isian yang "
            "semula berisi.");
  const auto& findings = data.get("temuan")->list_value();
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].get("tempat")->string_value(), "instansi.csv:4");  // the file's order, no server folder
  EXPECT_TRUE(findings[0].get("peringatan")->is_true());
  EXPECT_EQ(findings[1].get("pesan")->string_value(), "Wajib diisi");
  EXPECT_EQ(data.get("temuan_lain")->string_value(), "3 temuan lain tidak ditampilkan.");
  const auto& changes = data.get("perubahan")->list_value();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].get("status")->string_value(), "Baru");
  const auto& added = changes[0].get("isian")->list_value();
  ASSERT_EQ(added.size(), 1u);  // jenis_asli is not shown
  EXPECT_EQ(added[0].get("sesudah")->string_value(), "Puskesmas X");
  EXPECT_EQ(added[0].get("sebelum"), nullptr);  // a new record has no before
  const auto& updated = changes[1].get("isian")->list_value();
  EXPECT_EQ(updated[0].get("sebelum")->string_value(), "Dinkes");
  EXPECT_EQ(updated[0].get("sesudah")->string_value(), "(kosong)");

  PageData failed;
  set_import_outcome(failed, "error: cannot open the store\n", inovasi::testing::catalog());
  EXPECT_EQ(failed.get("hasil"), nullptr);
  EXPECT_EQ(failed.get("keluaran")->string_value(), "error: cannot open the store\n");
}

TEST(UploadType, IsReadFromTheContentNotTheName) {
  EXPECT_EQ(sniff_file_type("%PDF-1.7\n..."), FileType::Pdf);
  EXPECT_EQ(sniff_file_type(std::string("\xFF\xD8\xFF\xE0", 4)), FileType::Jpeg);
  EXPECT_EQ(sniff_file_type(std::string("\x89PNG\r\n\x1a\n", 8)), FileType::Png);
  EXPECT_EQ(sniff_file_type("<html><script>alert(1)</script>"), FileType::Other);
  EXPECT_EQ(sniff_file_type(" %PDF-1.7"), FileType::Other);
  EXPECT_EQ(sniff_file_type(""), FileType::Other);
}

TEST(LoginThrottle, TheTenthFailureWaitsOutTheWindow) {
  LoginThrottle throttle;
  auto now = LoginThrottle::Clock::now();
  for (int i = 0; i < LoginThrottle::kAllowedFailures; ++i) {
    EXPECT_EQ(throttle.wait("ana", "10.0.0.1", now), 0) << i;
    throttle.failed("ana", "10.0.0.1", now);
  }
  EXPECT_GT(throttle.wait("ana", "10.0.0.1", now), 0);
  EXPECT_GT(throttle.wait("ANA", "10.0.0.2", now), 0) << "the name is held back from any address";
  EXPECT_GT(throttle.wait("budi", "10.0.0.1", now), 0) << "and the address for any name";
  EXPECT_EQ(throttle.wait("budi", "10.0.0.2", now), 0);
  EXPECT_EQ(throttle.wait("ana", "10.0.0.1", now + LoginThrottle::kWindow), 0) << "until the window passes";
}

TEST(Runs, OneAtATime) {
  Runs runs(RunSettings{"/bin/sh", {}, {}, {}, {}});
  auto first = runs.start("slow", {"-c", "echo 'progress: 1/4 documents'; sleep 2"}, "ana");
  ASSERT_TRUE(first);
  EXPECT_FALSE(runs.start("second", {"-c", "true"}, "budi")) << "a second start while one goes";
  EXPECT_TRUE(runs.busy());
  for (int i = 0; i < 100 && runs.busy(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto view = runs.current();
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->running);
  EXPECT_EQ(view->exit_code, 0);
  EXPECT_EQ(view->done, 1u);
  EXPECT_EQ(view->total, 4u);
  EXPECT_TRUE(runs.start("next", {"-c", "true"}, "budi")) << "after the first ends";
}

TEST(Runs, RunNowStopsARunThatOverstays) {
  Runs runs(RunSettings{"/bin/sh", {}, {}, {}, {}});
  auto quick = runs.run_now({"-c", "echo hello; exit 3"}, std::chrono::seconds(10));
  ASSERT_TRUE(quick);
  EXPECT_EQ(quick->first, 3);
  EXPECT_EQ(quick->second, "hello\n");
  EXPECT_FALSE(runs.run_now({"-c", "exec sleep 30"}, std::chrono::seconds(1)));
}

}  // namespace
}  // namespace inovasi::serve
