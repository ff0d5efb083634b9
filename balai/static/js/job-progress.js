// While a job runs, reads its page again every few seconds and shows the new progress.
(function () {
  const region = document.querySelector("[data-job-region]");
  if (!region) return;
  const WAIT = 3000;
  async function refresh() {
    if (!region.querySelector("[data-job-running]")) return;
    try {
      const response = await fetch(location.href, { credentials: "same-origin" });
      if (response.ok) {
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.querySelector("[data-job-region]");
        if (fresh) region.innerHTML = fresh.innerHTML;
      }
    } finally {
      setTimeout(refresh, WAIT);
    }
  }
  setTimeout(refresh, WAIT);
})();
