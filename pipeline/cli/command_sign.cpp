// `inovasi sign`: a PAdES signature on one PDF, with the key of a PKCS#12 file.
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "documents/document_kind.h"
#include "model/file_text.h"
#include "output/atomic_file.h"
#include "sign/pdf_signer.h"
#include "cli/signing.h"

namespace inovasi::cli {
namespace {

int run_sign(const Args& args, const Environment& env) {
  if (args.positionals().size() != 1) throw UsageError("sign needs one PDF file");
  const std::string subject = args.positionals().front();
  SignSetup setup = sign_setup(args, env);
  if (!setup.signer) throw UsageError("sign needs --p12 FILE: the signer's key and certificate");
  auto bytes = read_file_text(subject);
  if (!bytes) throw sign::SignError({subject, 0, 0, {}, {}}, "cannot read the file");
  sign::SignatureRequest request = setup.request;
  request.field_name = args.value("signer-field").value_or("");
  // The signature's appearance carries the QR code the page prints.
  request.look = sign::standard_look(*setup.signer, request,
                                     verification_address(env, documents::claimed_verification_code(*bytes)));
  sign::SignedPdf signed_pdf = sign::sign_pdf(*bytes, subject, *setup.signer, request);
  std::filesystem::path target = args.value("output").value_or(subject);
  write_file_atomically(target, signed_pdf.bytes);
  env.out << "signed " << target.string() << " as " << setup.signer->common_name() << " (field '"
          << signed_pdf.field_name << "', " << sign::pdf_date(request.time, request.utc_offset_minutes) << ")\n";
  return kOk;
}

}  // namespace

Command sign_command() {
  std::vector<OptionSpec> options = sign_option_specs();
  options.push_back({"signer-field", "NAME",
                     "the field to sign: one the template left (kepala_daerah, kepala_instansi) shows the "
                     "signature there; another name adds an invisible one (default: Tanda tangan N)"});
  options.push_back({"output", "FILE", "write the signed PDF here (default: replace FILE, whole or not at all)"});
  return {"sign",
          "sign a PDF electronically (PAdES), with the key and certificate of a PKCS#12 file",
          "inovasi sign FILE.pdf --p12 KEY.p12 [--pass-env VAR | --pass-fd N] [--reason TEXT]\n"
          "                      [--location TEXT] [--signer-field NAME] [--tsa URL] [-o OUT.pdf]\n\n"
          "The passphrase is never taken from the command line: from the environment variable\n"
          "--pass-env names, from file descriptor --pass-fd, or asked on the terminal. A signed\n"
          "PDF signed again keeps its first signature: each signature is a revision appended to\n"
          "the file. `inovasi verify FILE.pdf` reports them.",
          options,
          run_sign,
          false};
}

}  // namespace inovasi::cli
