// The data a template reads, recorded as it is filled: the sample that previews it.

#include <gtest/gtest.h>

#include "render/template_engine.h"
#include "test_support.h"

namespace inovasi::render {
namespace {

using namespace inovasi::testing;

TEST(DataRecorder, RecordsWhatTheTemplateReadsAndFalseForWhatTheDataLacks) {
  ScratchDir dir;
  auto file = dir.write("t.xml",
                        "<document>{{#instansi}}<p>{{nama}} {{daerah.nama_daerah}}</p>{{/instansi}}"
                        "{{#hadir}}<p>{{no}}. {{nama}}</p>{{/hadir}}{{#lambang}}<img src=\"{{lambang}}\"/>{{/lambang}}"
                        "{{#kata}}<p>{{.}}</p>{{/kata}}</document>");
  TemplateSet templates(dir.path());
  Data data(Data::type::object);
  Data instansi(Data::type::object);
  instansi.set("nama", "Dinas Kesehatan");
  instansi.set("alamat", "not read by the template");
  data.set("instansi", instansi);
  Data hadir(Data::type::list);
  for (auto [no, nama] : {std::pair{"1", "Rina"}, std::pair{"2", "Budi"}}) {
    Data row(Data::type::object);
    row.set("no", no);
    row.set("nama", nama);
    hadir.push_back(row);
  }
  data.set("hadir", hadir);
  Data kata(Data::type::list);
  kata.push_back(Data("satu"));
  data.set("kata", kata);
  Data shared(Data::type::object);
  Data daerah(Data::type::object);
  daerah.set("nama_daerah", "Kabupaten Karo");
  shared.set("daerah", daerah);

  std::string json = templates.sample_data(file, data, &shared);
  EXPECT_NE(json.find("\"nama\": \"Dinas Kesehatan\""), std::string::npos) << json;
  EXPECT_EQ(json.find("alamat"), std::string::npos) << "only what the template reads";
  EXPECT_NE(json.find("\"nama_daerah\": \"Kabupaten Karo\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"nama\": \"Budi\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"lambang\": false"), std::string::npos) << json;
  EXPECT_NE(json.find("\"satu\""), std::string::npos) << json;
  // Read back, it fills the template as the data did, and passes strict mode.
  Data sample = data_from_json(json, "sample.json");
  EXPECT_EQ(templates.render(file, sample, true).markup, templates.render(file, data, false, &shared).markup);
}

}  // namespace
}  // namespace inovasi::render
