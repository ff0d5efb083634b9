"""Balai as people meet it: a real server (see server.py) driven by Chromium.

Tests reach Balai only through the browser; accounts come from `seed_demo` and
`add_village_staff`. Screenshots of every page type land in e2e-screenshots/.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from .server import ROOT, running_balai

CHROMIUM = os.environ.get("BALAI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "e2e-screenshots"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1366, "height": 768}
# Without these Chromium keeps calling home, and this network refuses every call.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"no Chromium at {CHROMIUM} (apt-get install chromium, or BALAI_CHROMIUM)")
    if not AXE.exists():
        missing.append("axe-core is not installed (npm ci)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("Playwright is not installed (make install)")
    if not missing:
        return
    reason = "Browser suite skipped: " + "; ".join(missing)
    if os.environ.get("BALAI_E2E_REQUIRED"):
        raise pytest.UsageError(reason)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def balai(tmp_path_factory):
    with running_balai(tmp_path_factory.mktemp("balai")) as server:
        yield server
        SCREENSHOTS.mkdir(exist_ok=True)
        shutil.copy(server.log, SCREENSHOTS / "gunicorn.log")


@pytest.fixture(autouse=True)
def no_server_errors(balai, request):
    """A 500 is always a bug, and normal editing never answers 400 (autosave included). A test
    marked `outage` stops a service on purpose: there a 503 is the answer it expects."""
    before = len(balai.log_lines())
    yield
    answered = balai.log_lines()[before:]
    outage = request.node.get_closest_marker("outage")
    errors = [line for line in answered if re.match(r"(5\d\d|400) ", line)]
    if outage:
        errors = [line for line in errors if not line.startswith("503 ")]
    # When the database goes away, the worker, not a visitor, prints one.
    tracebacks = [line for line in answered if line.startswith("Traceback") and not outage]
    assert not errors and not tracebacks, "\n".join(answered[-40:])


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_page(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="id-ID")
    context.set_default_timeout(15_000)
    return context.new_page()


@pytest.fixture
def phone(browser):
    page = new_page(browser, PHONE)
    yield page
    page.context.close()


@pytest.fixture
def desktop(browser):
    page = new_page(browser, DESKTOP)
    yield page
    page.context.close()


@pytest.fixture(scope="session")
def photo(tmp_path_factory):
    """A small JPEG as a phone camera would give it, a different picture for each name (Wagtail
    offers to reuse an image it has seen before)."""
    from PIL import Image, ImageDraw

    folder = tmp_path_factory.mktemp("photos")

    def take(name):
        path = folder / f"{name}.jpg"
        picture = Image.new("RGB", (800, 600), (34, 120, 60))
        seed = sum(name.encode())
        ImageDraw.Draw(picture).ellipse((seed % 400, seed % 300, 400 + seed % 400, 500), "gold")
        picture.save(path, "JPEG")
        return path

    return take


def axe_violations(page):
    """What axe-core finds against WCAG 2.2 A and AA (and best practice) on the open page."""
    # Evaluated by the browser's tools, as Balai's Content-Security-Policy refuses a script
    # added to the page.
    page.evaluate(AXE.read_text())
    return page.evaluate("async () => (await axe.run(document)).violations")


def assert_accessible(request, page, name):
    """No axe-core violation on the open page; its count goes into the suite's summary."""
    violations = axe_violations(page)
    results = request.config.__dict__.setdefault("balai_axe", [])
    results.append((name, len(violations), [violation["id"] for violation in violations]))
    assert not violations, [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in violations
    ]


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def pytest_terminal_summary(terminalreporter):
    results = getattr(terminalreporter.config, "balai_axe", None)
    if not results:
        return
    terminalreporter.section("axe-core: violations per page")
    for name, count, rules in sorted(results):
        terminalreporter.write_line(f"{count:3d}  {name}  {' '.join(rules)}")
