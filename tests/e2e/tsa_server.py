#!/usr/bin/python3
"""A time-stamping authority on loopback for the signing test: each POSTed RFC 3161
request is answered by `openssl ts -reply` with the test CA's TSA certificate.
Usage: tsa_server.py KEYS_DIR PORT_FILE  (writes the port it listens on to PORT_FILE)."""
import http.server
import os
import subprocess
import sys
import tempfile

keys = sys.argv[1]
CONFIG = f"""
[tsa]
default_tsa = uji
[uji]
serial = {keys}/tsaserial
crypto_device = builtin
signer_cert = {keys}/tsa.pem
certs = {keys}/ca.pem
signer_key = {keys}/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


class Authority(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        query = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with tempfile.TemporaryDirectory() as scratch:
            with open(os.path.join(scratch, "q.tsq"), "wb") as f:
                f.write(query)
            done = subprocess.run(["openssl", "ts", "-reply", "-config", os.path.join(keys, "tsa.cnf"),
                                   "-queryfile", os.path.join(scratch, "q.tsq"), "-out",
                                   os.path.join(scratch, "r.tsr")], capture_output=True)
            if done.returncode != 0:
                self.send_error(500, done.stderr.decode(errors="replace")[:200])
                return
            with open(os.path.join(scratch, "r.tsr"), "rb") as f:
                reply = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


with open(os.path.join(keys, "tsa.cnf"), "w") as f:
    f.write(CONFIG)
with open(os.path.join(keys, "tsaserial"), "w") as f:
    f.write("01\n")
server = http.server.HTTPServer(("127.0.0.1", 0), Authority)
with open(sys.argv[2], "w") as f:
    f.write(str(server.server_port))
server.serve_forever()
