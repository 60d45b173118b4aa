#!/usr/bin/python3
"""The verification pages in a real browser (Chromium, headless, through Selenium), at a
phone's width and a desktop's: landing page -> a code typed in lower case with spaces ->
the verification page -> the issued PDF uploaded ("IDENTIK") -> a changed copy uploaded
("BUKAN BERKAS YANG DITERBITKAN"). Screenshots of each step are kept.
Usage: serve_browser.py BASE_URL CODE GENUINE_PDF CHANGED_PDF SCREENSHOT_DIR"""
import os
import sys

from selenium.webdriver.common.by import By

from browser_support import Checks, browser, submit_and_wait

base, code, genuine, changed, shots = sys.argv[1:6]
os.makedirs(shots, exist_ok=True)
check = Checks()

for name, width, height in (("ponsel", 360, 740), ("desktop", 1280, 900)):
    driver = browser(width, height, page_load_seconds=20)
    try:
        driver.get(base + "/")
        check("Verifikasi Dokumen" in driver.page_source, f"{name}: landing page")
        driver.save_screenshot(os.path.join(shots, f"{name}-1-beranda.png"))
        typed = code.lower()[:5] + " " + code.lower()[5:]
        driver.find_element(By.ID, "kode").send_keys(typed)
        submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form button"), 15)
        status = driver.find_element(By.ID, "status").text
        check(status.startswith("SAH"), f"{name}: status after typing the code: {status!r}")
        check(driver.current_url.endswith("/" + code), f"{name}: page address {driver.current_url}")
        # The page fits a phone: nothing wider than the window.
        scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
        viewport = driver.execute_script("return window.innerWidth")
        check(viewport == width, f"{name}: viewport {viewport} px, not {width}")
        check(scroll_width <= viewport, f"{name}: page {scroll_width} px wide in a {viewport} px viewport")
        driver.save_screenshot(os.path.join(shots, f"{name}-2-verifikasi.png"))
        for path, expected, step in ((genuine, "IDENTIK", "3-identik"),
                                     (changed, "BUKAN BERKAS YANG DITERBITKAN", "4-berbeda")):
            driver.find_element(By.ID, "berkas").send_keys(os.path.abspath(path))
            submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[enctype] button"), 15)
            result = driver.find_element(By.ID, "hasil").text
            check(result.startswith(expected), f"{name}: upload of {os.path.basename(path)}: {result!r}")
            driver.save_screenshot(os.path.join(shots, f"{name}-{step}.png"))
    finally:
        driver.quit()

print(f"serve_browser: {check.passed()} checks passed, {len(check.failures)} failed; screenshots in {shots}")
sys.exit(1 if check.failures else 0)
