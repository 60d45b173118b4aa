#include "pdf/font_subset.h"

#include <hb-subset.h>
#include <hb.h>

#include "pdf/truetype_check.h"

namespace inovasi::pdf {

struct HarfBuzzFace {
  hb_face_t* face = nullptr;
  ~HarfBuzzFace() { hb_face_destroy(face); }
};

std::shared_ptr<const HarfBuzzFace> harfbuzz_face(const std::string& bytes) {
  // The blob reads the caller's bytes in place: FontFace keeps both, the bytes longer.
  hb_blob_t* blob =
      hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  auto result = std::make_shared<HarfBuzzFace>();
  result->face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  return result;
}

std::string subset_font(const FontFace& face, const std::set<char32_t>& code_points) {
  if (!face.harfbuzz) return face.bytes;
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return face.bytes;
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t c : code_points) hb_set_add(unicodes, c);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
  // libharu reads none of the layout tables.
  hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern", "gasp", "DSIG", "hdmx", "VDMX", "LTSH"}) {
    hb_set_add(dropped, hb_tag_from_string(tag, 4));
  }
  hb_face_t* cut = hb_subset_or_fail(face.harfbuzz->face, input);
  hb_subset_input_destroy(input);
  if (!cut) return face.bytes;
  hb_blob_t* blob = hb_face_reference_blob(cut);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  std::string bytes(data ? data : "", data ? length : 0);
  hb_blob_destroy(blob);
  hb_face_destroy(cut);
  if (bytes.empty() || !truetype_problem(bytes).empty()) return face.bytes;
  return with_hinting_tables(std::move(bytes));
}

}  // namespace inovasi::pdf
