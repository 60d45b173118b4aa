#pragma once
// What the signing code reads of a PDF through qpdf: its signature fields. Included only
// by the .cpp files that use qpdf, which clang compiles as C++17 (pipeline/CMakeLists.txt):
// qpdf 11.3's JSON.hh does not compile as C++20 with clang (qpdf issue 942, fixed in 11.4).

// JSON first: QPDFObjectHandle.hh holds vectors of it.
#include <qpdf/JSON.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <string>
#include <vector>

namespace inovasi::sign {

struct SignatureField {
  std::string name;
  bool signed_ = false;
  QPDFObjectHandle value;   // the signature dictionary, when signed
  QPDFObjectHandle widget;  // the field's own dictionary (a field and its widget in one)
};

// The form's signature fields, in the order the form lists them.
std::vector<SignatureField> signature_fields(QPDF& document);

}  // namespace inovasi::sign
