#!/usr/bin/python3
"""The verification pages in a real browser (Chromium, headless, through Selenium), at a
phone's width and a desktop's: landing page -> a code typed in lower case with spaces ->
the verification page -> the issued PDF uploaded ("IDENTIK") -> a changed copy uploaded
("BUKAN BERKAS YANG DITERBITKAN"). Screenshots of each step are kept.
Usage: serve_browser.py BASE_URL CODE GENUINE_PDF CHANGED_PDF SCREENSHOT_DIR"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

base, code, genuine, changed, shots = sys.argv[1:6]
os.makedirs(shots, exist_ok=True)
failures = []
checked = 0


def check(condition, what):
    global checked
    checked += 1
    if not condition:
        failures.append(what)
        print("FAIL", what)


def submit_and_wait(driver, button):
    """Clicks the form's button and waits for the page it leads to: a mark left on the old
    page is gone from the new one (element staleness checks trip over newer drivers)."""
    driver.execute_script("window.inovasiOldPage = true")
    driver.find_element(By.CSS_SELECTOR, button).click()

    def new_page(d):
        return d.execute_script(
            "return window.inovasiOldPage === undefined && document.readyState === 'complete'")

    WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,)).until(new_page)


for name, width, height in (("ponsel", 360, 740), ("desktop", 1280, 900)):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={max(width, 500)},{height}"):
        options.add_argument(argument)
    # A window cannot be narrower than 500 px: the phone is emulated (its viewport).
    options.add_experimental_option("mobileEmulation",
                                    {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_page_load_timeout(20)
        driver.get(base + "/")
        check("Verifikasi Dokumen" in driver.page_source, f"{name}: landing page")
        driver.save_screenshot(os.path.join(shots, f"{name}-1-beranda.png"))
        typed = code.lower()[:5] + " " + code.lower()[5:]
        driver.find_element(By.ID, "kode").send_keys(typed)
        submit_and_wait(driver, "form button")
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
            submit_and_wait(driver, "form[enctype] button")
            result = driver.find_element(By.ID, "hasil").text
            check(result.startswith(expected), f"{name}: upload of {os.path.basename(path)}: {result!r}")
            driver.save_screenshot(os.path.join(shots, f"{name}-{step}.png"))
    finally:
        driver.quit()

print(f"serve_browser: {checked - len(failures)} checks passed, {len(failures)} failed; screenshots in {shots}")
sys.exit(1 if failures else 0)
