#pragma once
// The stable codes of an import's most common errors: a cell, a JSON value or a web
// form's field that cannot be stored as written, a record given twice, a reference to
// nothing. The command line prints the English message
// the converter makes; the web pages print the catalogue's Indonesian text for the code
// (templates/catalog/temuan.json), so an agency reads its form's problems in Indonesian.
// A test renders each code's English text and compares it with the converter's message.

#include <array>
#include <string_view>

namespace inovasi::import_finding {

inline constexpr std::string_view kTooLong = "impor.terlalu_panjang";
inline constexpr std::string_view kControlCharacter = "impor.karakter_kendali";
inline constexpr std::string_view kSpreadsheetError = "impor.galat_lembar_kerja";
inline constexpr std::string_view kListTooDeep = "impor.daftar_terlalu_dalam";
inline constexpr std::string_view kNarrativeTooLongForExport = "impor.narasi_terlalu_panjang";
inline constexpr std::string_view kNotADate = "impor.bukan_tanggal";
inline constexpr std::string_view kNotANip = "impor.bukan_nip";
inline constexpr std::string_view kNotANumberPattern = "impor.bukan_pola_nomor";
inline constexpr std::string_view kNotAnAmount = "impor.bukan_jumlah";
inline constexpr std::string_view kNotAWholeNumber = "impor.bukan_bilangan_bulat";
inline constexpr std::string_view kOutOfRange = "impor.di_luar_rentang";
inline constexpr std::string_view kNotYesOrNo = "impor.bukan_ya_tidak";
inline constexpr std::string_view kUnknownChoice = "impor.pilihan_tidak_dikenal";
inline constexpr std::string_view kListItemNotANip = "impor.daftar_bukan_nip";
inline constexpr std::string_view kRequired = "impor.wajib";
inline constexpr std::string_view kTwice = "impor.ganda";
inline constexpr std::string_view kUnknownReference = "impor.rujukan_tidak_ada";

inline constexpr std::array kAllCodes{
    kTooLong,    kControlCharacter, kSpreadsheetError,  kListTooDeep,     kNarrativeTooLongForExport,
    kNotADate,   kNotANip,          kNotANumberPattern, kNotAnAmount,     kNotAWholeNumber,
    kOutOfRange, kNotYesOrNo,       kUnknownChoice,     kListItemNotANip, kRequired,
    kTwice,      kUnknownReference};

}  // namespace inovasi::import_finding
