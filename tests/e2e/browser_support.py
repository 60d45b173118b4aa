"""What the browser tests share: Chromium headless through Selenium at a given viewport
(a phone's is emulated, since a window cannot be narrower than 500 px), waiting for the
page a form leads to, and a tally of checks."""
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


class Checks:
    def __init__(self):
        self.failures = []
        self.count = 0

    def __call__(self, condition, what):
        self.count += 1
        if not condition:
            self.failures.append(what)
            print("FAIL", what)

    def passed(self):
        return self.count - len(self.failures)


def browser(width, height, page_load_seconds=60):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={max(width, 500)},{height}"):
        options.add_argument(argument)
    options.add_experimental_option("mobileEmulation",
                                    {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(page_load_seconds)
    return driver


def submit_and_wait(driver, button, seconds=60):
    """Clicks a button and waits for the page it leads to: a mark left on the old page is
    gone from the new one (element staleness checks trip over newer drivers)."""
    driver.execute_script("window.inovasiOldPage = true")
    button.click()
    WebDriverWait(driver, seconds, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return window.inovasiOldPage === undefined && document.readyState === 'complete'"))
