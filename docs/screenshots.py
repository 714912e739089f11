"""Regenerate the README's screenshots of the HTML report (headless Debian Chromium).

    .venv/bin/figdate report --extractor quantulum3 -o /tmp/report.html
    .venv/bin/python docs/screenshots.py /tmp/report.html

quantulum3 is shown because its report has every kind of highlight; the bundled ``rules``
extractor's is all green on this gold set.
"""

from __future__ import annotations

import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

HERE = Path(__file__).parent


def main(report: Path) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--disable-background-networking", "--window-size=1100,820"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(report.resolve().as_uri())
        driver.save_screenshot(str(HERE / "report-headline.png"))
        driver.execute_script("document.querySelector('.filters').scrollIntoView();")
        driver.save_screenshot(str(HERE / "report-articles.png"))
    finally:
        driver.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
