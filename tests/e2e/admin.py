"""Wagtail's admin as village staff click through it."""

import re

from .server import DEMO_PASSWORD


def log_in(page, balai, username, password=DEMO_PASSWORD):
    page.goto(balai.url("/admin/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def staff_page(browser, balai, username, password=DEMO_PASSWORD):
    """A desktop browser tab of `username`, logged in to the admin."""
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.set_default_timeout(20_000)
    log_in(page, balai, username, password)
    return page


def open_section(page, balai, title):
    """Pages, then the section called `title` of the staff's own village."""
    page.goto(balai.url("/admin/pages/"))
    edit_link = page.locator("main a[href$='/edit/']", has_text=re.compile(rf"^\s*{title}\s*$"))
    section = re.search(r"/admin/pages/(\d+)/edit/", edit_link.first.get_attribute("href"))[1]
    page.click(f"main a[href='/admin/pages/{section}/']")
    page.wait_for_url(re.compile(rf"/admin/pages/{section}/$"))
    return section


def edit_page(page, balai, title):
    """Opens the editor of the village's page called `title` from the explorer."""
    page.goto(balai.url("/admin/pages/"))
    page.locator("main a[href$='/edit/']", has_text=re.compile(rf"^\s*{title}\s*$")).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))


def add_child_page(page, balai, section_title):
    """ "Add child page" in a section; sections hold one page type, so the form opens."""
    open_section(page, balai, section_title)
    page.click("a[href$='/add_subpage/']")
    page.wait_for_url(re.compile(r"/admin/pages/add/"))
    # The editor's scripts set up its fields once their files have arrived.
    page.wait_for_load_state("networkidle")


def type_rich_text(page, field, text):
    """Types into the Draftail editor of the rich text field `field`."""
    page.locator(f"[data-field-input]:has(> #id_{field}) [contenteditable=true]").click()
    page.keyboard.type(text)
    # Draftail writes to the form a moment after the last key, as a person reaches for Save.
    page.wait_for_function(
        "([id, text]) => document.getElementById(id).value.includes(text)",
        arg=[f"id_{field}", text],
    )


def fill_date(page, field, value):
    page.fill(f"#id_{field}", value)
    page.keyboard.press("Escape")


def start_news_with_photo(page, balai, title, path, photo_title, description):
    """A new article in the village's news, titled and with a newly uploaded listing photo,
    not yet saved."""
    add_child_page(page, balai, "Berita")
    page.fill("#id_title", title)
    upload_image_in_chooser(
        page,
        page.locator("#id_listing_image-chooser button[data-chooser-action-choose]"),
        path,
        photo_title,
        description,
    )


def upload_image_in_chooser(page, chooser_button, path, title, description):
    """Chooses a new photo for an image field by uploading it in the chooser."""
    chooser_button.click()
    page.click("#tab-label-upload")
    page.set_input_files("#id_image-chooser-upload-file", str(path))
    page.fill("#id_image-chooser-upload-title", title)
    page.fill("#id_image-chooser-upload-description", description)
    page.click("#tab-upload button[type=submit]")
    page.wait_for_selector(".modal", state="detached")


def choose_existing_image(page, chooser_button, title):
    chooser_button.click()
    page.locator(".modal a", has_text=title).first.click()
    page.wait_for_selector(".modal", state="detached")


def choose(page, field, label):
    """Chooses the item called `label` in the chooser of `field` (a category, a document)."""
    page.click(f"#id_{field}-chooser button[data-chooser-action-choose]")
    page.locator(".modal a[data-chooser-modal-choice]", has_text=label).first.click()
    page.wait_for_selector(".modal", state="detached")


def publish(page):
    """The action menu's "publish", for staff who may publish without review."""
    return send_page_form(page, "action-publish")


def submit_for_moderation(page):
    """The action menu's "submit to moderation", then the explorer it returns to."""
    return send_page_form(page, "action-submit")


def send_page_form(page, action):
    """Sends the page editor with the action menu's `action`; a form sent back with errors
    fails the test with what staff read."""
    page.locator(
        f"[data-controller~=w-dropdown]:has(button[name={action}]) [data-w-dropdown-target=toggle]"
    ).click()
    with page.expect_navigation():
        page.click(f"button[name={action}]")
    assert re.search(r"/admin/pages/\d+/$", page.url), form_errors(page)
    return form_errors(page)


def save_draft(page):
    with page.expect_navigation():
        page.click("button.action-save")
    return form_errors(page)


def form_errors(page):
    """The messages and each field's error, for a test's failure to say what staff saw."""
    fields = page.locator("[data-field-wrapper]:has(.error-message)")
    errors = [" ".join(field.inner_text().split())[:200] for field in fields.all()]
    return page.locator(".messages").inner_text() + " " + " | ".join(errors)


def approve(page, balai, title):
    """A moderator opens `title` from the dashboard's review list and approves it."""
    page.goto(balai.url("/admin/"))
    page.locator("main a[href$='/edit/']", has_text=title).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    page.locator(
        "[data-controller~=w-dropdown]:has([data-workflow-action-name=approve]) "
        "[data-w-dropdown-target=toggle]"
    ).click()
    page.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    page.wait_for_load_state()
    return form_errors(page)
