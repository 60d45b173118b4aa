// The errors that stop a command say where they are and what kind they are: the kind
// decides the exit status (cli/main.cpp), the place starts the message.

#include <gtest/gtest.h>

#include "cli/args.h"
#include "layout/markup.h"
#include "model/diagnostics.h"
#include "output/atomic_file.h"
#include "pdf/font_set.h"
#include "store/sqlite.h"
#include "support/located_error.h"
#include "xlsx/reader.h"

namespace inovasi {
namespace {

TEST(LocatedError, ThePlaceSaysWhatIsKnownOfIt) {
  EXPECT_EQ((ErrorPlace{"a.csv", 3, 0, {}, "nama"}).describe(), "a.csv:3: nama");
  EXPECT_EQ((ErrorPlace{"t.xml", 3, 7, {}, {}}).describe(), "t.xml:3:7");
  EXPECT_EQ((ErrorPlace{"data.xlsx", 0, 0, "Inovasi!C4", "tahun"}).describe(), "data.xlsx:Inovasi!C4: tahun");
  EXPECT_EQ((ErrorPlace{}).describe(), "");
  LocatedError located(ErrorKind::Data, {"a.csv", 3, 0, {}, "nama"}, "too long");
  EXPECT_STREQ(located.what(), "a.csv:3: nama: too long");
  EXPECT_EQ(located.message(), "too long");
  EXPECT_STREQ(LocatedError(ErrorKind::Data, "no place").what(), "no place");
}

TEST(LocatedError, EachErrorOfTheProgramIsOneWithItsKind) {
  auto kind_of = [](const auto& error) { return static_cast<const LocatedError&>(error).kind(); };
  EXPECT_EQ(kind_of(DataError("x")), ErrorKind::Data);
  EXPECT_EQ(kind_of(layout::MarkupError("t.xml", 2, 3, "x")), ErrorKind::Template);
  EXPECT_EQ(kind_of(pdf::FontError("x")), ErrorKind::Template);
  EXPECT_EQ(kind_of(xlsx::XlsxReadError("x")), ErrorKind::Data);
  EXPECT_EQ(kind_of(OutputError("x", true)), ErrorKind::Output);
  EXPECT_EQ(kind_of(StoreError("x")), ErrorKind::Store);
  EXPECT_EQ(kind_of(cli::UsageError("x")), ErrorKind::Usage);
  // A markup error keeps its place apart from its message.
  layout::MarkupError markup("t.xml", 2, 3, "unknown element <tabel>");
  EXPECT_STREQ(markup.what(), "t.xml:2:3: unknown element <tabel>");
  EXPECT_EQ(markup.line(), 2);
  EXPECT_EQ(markup.message(), "unknown element <tabel>");
}

}  // namespace
}  // namespace inovasi
