#!/usr/bin/python3
"""The agencies' pages, the attendance pages and the team's console, end to end in a real
browser (Chromium, headless, through Selenium) and over plain HTTP for what a browser
would not send (security and load):
  an agency files a request (a value carrying <script>), downloads its form isian and
  uploads a signed scan; the team logs in, assigns two members, schedules the session,
  opens its attendance link (a QR code); ten participants sign in on a phone viewport (one
  corrects his name); the team records the session and renders its minutes, whose annex
  holds the ten names; the team uploads a workbook, sees the dry run, confirms, starts
  `launch`, watches its progress reach the end, and downloads a certificate;
  every private route without a login or link answers 401/403; one agency's link against
  another's records is refused; a POST without the CSRF token is refused; HTML named .pdf
  is refused; the tenth failed login is throttled;
  200 participants sign in within ten seconds: each stored exactly once, and the minutes'
  attendance annex lists all 200.
Screenshots are kept. Usage: site_browser.py BASE_URL LINK_A LINK_B STORE SHOT_DIR WORK_DIR"""
import concurrent.futures
import html
import datetime
import http.cookiejar
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser_support import Checks, browser, submit_and_wait

base, link_a, link_b, store, shots, work = sys.argv[1:7]
os.makedirs(shots, exist_ok=True)
check = Checks()
TOMORROW = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()


def type_into(driver, element_id, text):
    element = driver.find_element(By.ID, element_id)
    element.clear()
    element.send_keys(text)


def set_value(driver, element_id, value):
    """Date and time inputs read typing by the browser's locale: their value is set."""
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, element_id), value)


def http(method, url, data=None, cookie=None, files=None):
    """(status, body bytes, headers) of one request, without following redirects."""
    headers = {}
    body = None
    if files:
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in (data or {}).items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, content) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f'Content-Type: application/octet-stream\r\n\r\n'.encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    elif data is not None:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, data=body, method=method, headers=headers)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=120) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def pdf_text(data):
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True).stdout.decode()


def nip(i, birth_day=1):
    """A structurally valid NIP: born 1980-01-DD, appointed 2005-01, man, serial i."""
    return f"198001{birth_day:02d}200501{1}{i:03d}"


def session_cookie(driver):
    return "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())


def csrf_of(html):
    return re.search(rb'name="csrf" value="([^"]+)"', html).group(1).decode()


def log_in(name, password, with_form=True):
    """(status, headers) of a login posted as the login page's form posts it, or bare."""
    cookie, fields = None, {"nama": name, "sandi": password}
    if with_form:
        _, page, headers = http("GET", f"{base}/konsol/masuk")
        cookie = headers.get("Set-Cookie", "").split(";")[0]
        fields["csrf"] = csrf_of(page)
    status, _, headers = http("POST", f"{base}/konsol/masuk", fields, cookie=cookie)
    return status, headers


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
       b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")

# --- An agency files a request and uploads its signed scan (phone) ---------------------
phone = browser(360, 740)
try:
    phone.get(link_a)
    check("Ajukan permohonan diskusi" in phone.page_source, "agency: its page opens")
    Select(phone.find_element(By.ID, "inovasi")).select_by_index(1)
    type_into(phone, "permasalahan", "Bukti <script>alert(1)</script> replikasi belum ada\nNarasi rancang bangun kurang")
    set_value(phone, "tanggal_diinginkan", TOMORROW)
    type_into(phone, "kontak_nama", "Citra Br Tarigan")
    type_into(phone, "kontak_hp", "081260017919")
    submit_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form[action$='/permohonan'] button"))
    cards = phone.find_elements(By.CSS_SELECTOR, "section.kartu")
    check(any("Menunggu penjadwalan" in c.text for c in cards), "agency: the new request waits for scheduling")
    request_code = re.search(r"RDRI-\d{4}-\d{3}", phone.current_url + phone.page_source).group(0)
    request_code = max(re.findall(r"RDRI-\d{4}-\d{3}", phone.page_source))
    phone.save_screenshot(os.path.join(shots, "1-instansi-permohonan.png"))
    status, form_pdf, _ = http("GET", f"{link_a}/permohonan/{request_code}/formulir.pdf")
    check(status == 200 and form_pdf.startswith(b"%PDF-"), f"agency: form isian downloads ({status})")
    check("Bukti <script>alert(1)</script> replikasi" in pdf_text(form_pdf), "agency: <script> prints literally")
    check("&lt;script&gt;" in http("GET", link_a)[1].decode(), "agency: <script> shows as text in the page")
    scan = os.path.join(work, "pindaian.png")
    with open(scan, "wb") as f:
        f.write(PNG)
    phone.find_element(By.ID, f"berkas-{request_code}").send_keys(scan)
    submit_and_wait(phone, phone.find_element(By.CSS_SELECTOR, f"form[action$='{request_code}/pindaian'] button"))
    check("Pindaian png" in phone.page_source, "agency: the scan is listed")
    phone.save_screenshot(os.path.join(shots, "2-instansi-pindaian.png"))
finally:
    phone.quit()

db = sqlite3.connect(store)
check(db.execute("SELECT count(*) FROM pindaian WHERE permohonan = ?", (request_code,)).fetchone()[0] == 1,
      "agency: the scan is kept in the store")

# --- The team schedules the session and opens its attendance link (desktop) ------------
desk = browser(1280, 900)
try:
    desk.get(base + "/konsol")
    type_into(desk, "nama", "ana")
    type_into(desk, "sandi", "sandi-rahasia-ana")
    submit_and_wait(desk, desk.find_element(By.CSS_SELECTOR, "form[action='/konsol/masuk'] button"))
    check(request_code in desk.page_source, "console: the queue lists the new request")
    desk.save_screenshot(os.path.join(shots, "3-konsol-antrean.png"))
    desk.get(f"{base}/konsol/permohonan/{request_code}")
    boxes = desk.find_elements(By.CSS_SELECTOR, "input[name='petugas']")
    boxes[0].click()
    boxes[1].click()
    set_value(desk, "tanggal", TOMORROW)
    set_value(desk, "jam_mulai", "09:00")
    set_value(desk, "jam_selesai", "23:30")
    type_into(desk, "tempat", "Ruang Rapat Bappedalitbang")
    submit_and_wait(desk, desk.find_element(By.CSS_SELECTOR, "form[action$='/jadwal'] button"))
    check("Daftar hadir sesi" in desk.page_source, "console: the session is scheduled")
    for problem in desk.find_elements(By.CSS_SELECTOR, "div.galat"):
        print("console says:", problem.text)
    submit_and_wait(desk, desk.find_element(By.CSS_SELECTOR, "form[action$='/tautan-hadir'] button"))
    check(desk.find_elements(By.CSS_SELECTOR, ".qr svg"), "console: the attendance QR code shows")
    attendance = desk.find_element(By.CSS_SELECTOR, "p.kode").text.strip()
    desk.save_screenshot(os.path.join(shots, "4-konsol-qr-daftar-hadir.png"))
    cookie = session_cookie(desk)
finally:
    pass

# --- Ten participants sign in on a phone --------------------------------------------------
names = [f"Peserta Sepuluh {i:02d}, S.E." for i in range(1, 11)]
phone = browser(360, 740)
try:
    for i, name in enumerate(names, start=1):
        phone.get(attendance)
        type_into(phone, "nama", name if i != 3 else "Peserta Salah Ketik")
        type_into(phone, "nip", nip(i))
        Select(phone.find_element(By.ID, "golongan")).select_by_value("III/a")
        type_into(phone, "jabatan", "Analis Kebijakan")
        type_into(phone, "instansi", "Dinas Kesehatan")
        type_into(phone, "no_hp", f"0812000000{i:02d}")
        submit_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form button"))
        check("tercatat" in phone.page_source, f"attendance: participant {i} is recorded")
        if i == 1:
            phone.save_screenshot(os.path.join(shots, "5-hadir-ponsel.png"))
    # The third corrects the name typed wrong: the same NIP updates the entry.
    phone.get(attendance)
    type_into(phone, "nama", names[2])
    type_into(phone, "nip", nip(3))
    type_into(phone, "instansi", "Dinas Kesehatan")
    submit_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form button"))
    check("telah diperbarui" in phone.page_source, "attendance: resubmitting updates")
    # A NIP that cannot be one is refused with the rule's words.
    phone.get(attendance)
    type_into(phone, "nama", "Orang Keliru")
    type_into(phone, "nip", "198013402005011001")
    type_into(phone, "instansi", "Dinas Kesehatan")
    submit_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form button"))
    check("NIP" in phone.find_element(By.CSS_SELECTOR, "div.galat").text, "attendance: a bad NIP is refused")
    phone.save_screenshot(os.path.join(shots, "6-hadir-nip-salah.png"))
finally:
    phone.quit()

session_code = request_code + "-S1"
rows = db.execute("SELECT nama FROM kehadiran WHERE sesi = ?", (session_code,)).fetchall()
check(sorted(r[0] for r in rows) == sorted(names), f"attendance: the ten names, once each ({len(rows)} rows)")
ranks = db.execute("SELECT DISTINCT pangkat, golongan FROM kehadiran WHERE sesi = ? AND golongan IS NOT NULL",
                   (session_code,)).fetchall()
check(ranks == [("Penata Muda", "III/a")], f"attendance: the grade chosen brings its rank ({ranks})")

# --- The team records the session and gets its minutes ---------------------------------
try:
    desk.get(f"{base}/konsol/permohonan/{request_code}")
    type_into(desk, "pembahasan", "Tim membahas bukti replikasi.")
    type_into(desk, "solusi", "Dinas menyiapkan nota kesepahaman.")
    type_into(desk, "tindak_lanjut", "Bukti diunggah sebelum desk review.")
    submit_and_wait(desk, desk.find_element(By.CSS_SELECTOR, "form[action$='/hasil'] button"))
    status, minutes, _ = http("GET", f"{base}/konsol/permohonan/{request_code}/berita-acara.pdf", cookie=cookie)
    text = pdf_text(minutes) if status == 200 else ""
    check(status == 200 and all(n.split(",")[0] in text for n in names),
          f"minutes: the ten names in the annex ({status})")
    check("Peserta Salah Ketik" not in text, "minutes: the corrected name only")

    # --- Import: dry run, then confirmed -------------------------------------------------
    desk.get(f"{base}/konsol/impor")
    upload = os.path.join(work, "instansi-baru.csv")
    with open(upload, "w") as f:
        f.write("kode,nama,jenis\npuskesmas-tigapanah,UPT Puskesmas Tigapanah,Puskesmas\n")
    desk.find_element(By.ID, "berkas").send_keys(upload)
    submit_and_wait(desk, desk.find_element(By.CSS_SELECTOR, "form[action='/konsol/impor'] button"))
    check("puskesmas-tigapanah" in desk.page_source, "import: the dry run names the new record")
    summary = desk.find_element(By.ID, "ringkasan").text
    check("1 baru" in summary and "instansi-baru.csv:2" in desk.page_source,
          f"import: the dry run counts in Indonesian and says where each record comes from ({summary!r})")
    check(db.execute("SELECT count(*) FROM instansi WHERE kode = 'puskesmas-tigapanah'").fetchone()[0] == 0,
          "import: the dry run stores nothing")
    desk.save_screenshot(os.path.join(shots, "7-konsol-uji-impor.png"))
    submit_and_wait(desk, desk.find_element(By.CSS_SELECTOR, "form[action='/konsol/impor/konfirmasi'] button"))
    check("Impor tersimpan" in desk.page_source, "import: confirmed")
    # A file with mistakes: the dry run lists them in Indonesian and cannot be confirmed.
    desk.get(f"{base}/konsol/impor")
    with open(upload, "w") as f:
        f.write("instansi,nama,nip,pns\npuskesmas-tigapanah,Rina,19800101,mungkin\nDinas Entah,Sari,,ya\n")
    os.replace(upload, os.path.join(work, "fasilitator.csv"))
    desk.find_element(By.ID, "berkas").send_keys(os.path.join(work, "fasilitator.csv"))
    submit_and_wait(desk, desk.find_element(By.CSS_SELECTOR, "form[action='/konsol/impor'] button"))
    findings = [item.text for item in desk.find_elements(By.CSS_SELECTOR, "ul.temuan li")]
    check(any("fasilitator.csv:2, NIP: '19800101' bukan NIP" in f for f in findings)
          and any("fasilitator.csv:3" in f and "Tidak ada instansi 'Dinas Entah'" in f for f in findings)
          and not desk.find_elements(By.CSS_SELECTOR, "form[action='/konsol/impor/konfirmasi']"),
          f"import: a file's mistakes read in Indonesian, and it cannot be confirmed ({findings})")
    desk.save_screenshot(os.path.join(shots, "7b-konsol-uji-impor-salah.png"))
    check(db.execute("SELECT count(*) FROM instansi WHERE kode = 'puskesmas-tigapanah'").fetchone()[0] == 1,
          "import: the record is stored")

    # --- launch, followed to the end ------------------------------------------------------
    year = datetime.date.today().year
    desk.get(f"{base}/konsol?tahun=2026")
    submit_and_wait(desk, desk.find_element(By.CSS_SELECTOR, "button[value='launch']"))
    status, _, _ = http("POST", f"{base}/konsol/jalankan", {"csrf": csrf_of(desk.page_source.encode()),
                                                               "perintah": "certificates", "tahun": "2026"},
                        cookie=cookie)
    # The bundled year launches in a second or two: the second start may come after the
    # first ended (then it starts). The refusal itself is proven in tests/unit/serve.
    check(status in (409, 303), f"runs: a second start answers ({status})")
    deadline = time.time() + 240
    while time.time() < deadline and "Berjalan" in desk.page_source:
        time.sleep(1)
        desk.get(f"{base}/konsol/proses")
    check("Selesai." in desk.page_source, "runs: launch reaches the end")
    desk.save_screenshot(os.path.join(shots, "8-konsol-proses.png"))
    desk.get(f"{base}/konsol/berkas?tahun=2026&cari=certificates/")
    links = [a.get_attribute("href") for a in desk.find_elements(By.CSS_SELECTOR, "td a")]
    check(bool(links), "outputs: certificates are listed")
    if links:
        status, certificate, _ = http("GET", links[0], cookie=cookie)
        check(status == 200 and certificate.startswith(b"%PDF-"), f"outputs: a certificate downloads ({status} {links[0]})")
    desk.save_screenshot(os.path.join(shots, "9-konsol-berkas.png"))
finally:
    desk.quit()

# --- Security ------------------------------------------------------------------------------
for path in ("/konsol", "/konsol/permohonan/" + request_code, "/konsol/impor", "/konsol/temuan",
             "/konsol/proses", "/konsol/berkas", "/konsol/tautan", "/konsol/audit",
             "/konsol/permohonan/" + request_code + "/berita-acara.pdf"):
    status = http("GET", base + path)[0]
    check(status == 401, f"security: GET {path} without a login answers 401 ({status})")
for path in ("/konsol/jalankan", "/konsol/impor/konfirmasi", "/konsol/cabut", "/konsol/tautan/beri",
             f"/konsol/permohonan/{request_code}/jadwal"):
    status = http("POST", base + path, {"perintah": "launch"})[0]
    check(status == 401, f"security: POST {path} without a login answers 401 ({status})")
for path in ("/instansi/" + "A" * 43, "/instansi/short", "/hadir/" + "B" * 43):
    status = http("GET", base + path)[0]
    check(status == 403, f"security: {path} with an unknown token answers 403 ({status})")
# Agency B's link on agency A's request, by changing the code in the address and forms.
status = http("GET", f"{link_b}/permohonan/{request_code}/formulir.pdf")[0]
check(status == 404, f"security: another agency's form is refused ({status})")
status = http("POST", f"{link_b}/permohonan/{request_code}/pindaian", {}, files={"berkas": ("x.png", PNG)})[0]
check(status == 404, f"security: an upload to another agency's request is refused ({status})")
innovation = db.execute("SELECT inovasi FROM permohonan_diskusi WHERE kode = ?", (request_code,)).fetchone()[0]
status, body, _ = http("POST", f"{link_b}/permohonan", {"inovasi": innovation, "permasalahan": "x",
                                                          "mode": "Zoom", "kontak_nama": "x", "kontak_hp": "1"})
check(status == 422 and "bukan inovasi instansi ini" in body.decode(), f"security: another agency's innovation ({status})")
check(request_code.encode() not in http("GET", link_b)[1], "security: agency B's page does not list A's request")
# A refused form says what is wrong in Indonesian, under each field's label.
status, body, _ = http("POST", f"{link_a}/permohonan", {"inovasi": "", "permasalahan": "",
                                                          "tanggal_diinginkan": "31-02-2026", "mode": "Tatap Muka",
                                                          "kontak_nama": "x", "kontak_hp": "1"})
text = html.unescape(body.decode())
check(status == 422 and "'31-02-2026' bukan tanggal yang dapat dibaca" in text and "Wajib diisi" in text
      and "required field" not in text and "is not" not in text,
      f"agency: a refused form's problems read in Indonesian ({status})")
# HTML named .pdf.
status = http("POST", f"{link_a}/permohonan/{request_code}/pindaian", {},
              files={"berkas": ("scan.pdf", b"<html><script>alert(1)</script></html>")})[0]
check(status == 415, f"security: HTML named .pdf is refused ({status})")
# A POST without the CSRF token, with a valid login.
status = http("POST", f"{base}/konsol/jalankan", {"perintah": "launch", "tahun": "2026"}, cookie=cookie)[0]
check(status == 403, f"security: a POST without the CSRF token is refused ({status})")
status = http("POST", f"{base}/konsol/jalankan", {"perintah": "launch", "tahun": "2026", "csrf": "x" * 43},
              cookie=cookie)[0]
check(status == 403, f"security: a POST with a wrong CSRF token is refused ({status})")
# A staff account cannot reach the admin pages.
# A login posted from elsewhere (without the login form's own token) is refused.
status, _ = log_in("budi", "sandi-rahasia-budi", with_form=False)
check(status == 403, f"security: a login without the login form's token is refused ({status})")
status, headers = log_in("budi", "sandi-rahasia-budi")
staff_cookie = headers.get("Set-Cookie", "").split(";")[0]
check(status == 303 and "HttpOnly" in headers.get("Set-Cookie", "") and "SameSite=Strict" in headers.get("Set-Cookie", ""),
      "security: the session cookie is HttpOnly and SameSite=Strict")
check(http("GET", f"{base}/konsol/tautan", cookie=staff_cookie)[0] == 403, "security: staff cannot manage links")
# The tenth failed login is throttled.
statuses = [log_in("ana", f"salah-{i}")[0] for i in range(10)]
check(statuses[:9] == [401] * 9 and statuses[9] == 429, f"security: the tenth failed login is throttled ({statuses})")
check(log_in("ana", "sandi-rahasia-ana")[0] == 429,
      "security: even the right password waits out the throttle")

# --- Load: 200 participants within ten seconds ---------------------------------------------
status, body, _ = http("POST", f"{link_a}/permohonan", {"inovasi": "", "permasalahan": "Sesi besar",
                                                          "mode": "Tatap Muka", "kontak_nama": "Citra",
                                                          "kontak_hp": "0812"})
big_request = max(re.findall(r"RDRI-\d{4}-\d{3}", http("GET", link_a)[1].decode()))
page = http("GET", f"{base}/konsol/permohonan/{big_request}", cookie=cookie)[1]
csrf = csrf_of(page)
team = [r[0] for r in db.execute("SELECT nip FROM tim_bappeda ORDER BY nip LIMIT 2")]
http("POST", f"{base}/konsol/permohonan/{big_request}/jadwal",
     {"csrf": csrf, "petugas": team, "tanggal": TOMORROW, "jam_mulai": "08:00", "jam_selesai": "23:00",
      "tempat": "Aula", "mode": "Tatap Muka"}, cookie=cookie)
page = http("POST", f"{base}/konsol/permohonan/{big_request}/tautan-hadir", {"csrf": csrf}, cookie=cookie)[1]
big_link = re.search(rb'<p class="kode">([^<]+)</p>', page).group(1).decode()


def sign(i):
    fields = {"nama": f"Peserta Aula {i:03d}", "nip": nip(i, birth_day=1 + i % 28), "golongan": "III/b",
              "jabatan": "Staf", "instansi": "Dinas Kesehatan", "no_hp": f"0813{i:06d}"}
    return http("POST", big_link, fields)[0]


start = time.monotonic()
with concurrent.futures.ThreadPoolExecutor(max_workers=25) as pool:
    statuses = list(pool.map(sign, range(1, 201)))
elapsed = time.monotonic() - start
print(f"load: 200 sign-ins in {elapsed:.2f} s")
check(statuses.count(200) == 200, f"load: every sign-in answered 200 ({sorted(set(statuses))})")
check(elapsed < 10, f"load: within ten seconds ({elapsed:.2f} s)")
big_session = big_request + "-S1"
count, distinct = db.execute("SELECT count(*), count(DISTINCT nama) FROM kehadiran WHERE sesi = ?",
                             (big_session,)).fetchone()
check(count == 200 and distinct == 200, f"load: 200 rows, each once ({count}, {distinct})")
# An agency link with an expiry that cannot be read is refused, not given for the year.
links_page = http("GET", f"{base}/konsol/tautan", cookie=cookie)[1]
status, body, _ = http("POST", f"{base}/konsol/tautan/beri",
                       {"csrf": csrf_of(links_page), "instansi": "dinkes", "berlaku_sampai": "31-02-2026"},
                       cookie=cookie)
check(status == 422 and "bukan tanggal yang dapat dibaca" in html.unescape(body.decode())
      and "/instansi/" not in body.decode(), f"links: an unreadable expiry is refused ({status})")
# Closing the list early: the link answers no more, and the page says none stands.
status = http("POST", f"{base}/konsol/permohonan/{big_request}/tutup-hadir", {"csrf": csrf}, cookie=cookie)[0]
check(status == 303 and sign(201) == 403, f"attendance: a closed list takes no more sign-ins ({status})")
page = http("GET", f"{base}/konsol/permohonan/{big_request}", cookie=cookie)[1].decode()
check("0 tautan daftar hadir aktif" in page and "tutup-hadir" not in page,
      "attendance: the console shows the list closed")
status, minutes, _ = http("GET", f"{base}/konsol/permohonan/{big_request}/berita-acara.pdf", cookie=cookie)
text = pdf_text(minutes) if status == 200 else ""
found = sum(1 for i in range(1, 201) if f"Peserta Aula {i:03d}" in text)
check(found == 200, f"load: the minutes' attendance annex lists the 200 ({found})")

print(f"site_browser: {check.passed()} of {check.count} checks passed")
sys.exit(1 if check.failures else 0)
