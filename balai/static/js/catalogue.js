// Offers the districts of the regency just chosen without reloading the page. Without this
// script, submitting the form with a regency shows its districts instead.
(() => {
  const regency = document.getElementById("id_kabupaten");
  const district = document.getElementById("id_kecamatan");
  const districts = document.getElementById("districts");
  if (!regency || !district || !districts) return;
  regency.addEventListener("change", () => {
    const options = districts.content.querySelectorAll("option");
    district.replaceChildren(district.options[0]);
    for (const option of options) {
      if (option.dataset.regency === regency.value) district.append(option.cloneNode(true));
    }
  });
})();
