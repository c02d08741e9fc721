/* ITA Transparency Pages: sortable tables and the checklist filters. No external requests. */
(function () {
  "use strict";

  function setupSort(root) {
    if (typeof Tablesort === "undefined") return;
    root.querySelectorAll("table[data-ita-sort]").forEach(function (table) {
      if (!table.dataset.itaSorted) {
        new Tablesort(table);
        table.dataset.itaSorted = "1";
      }
    });
  }

  function setupFilters(root) {
    root.querySelectorAll("[data-ita-filter]").forEach(function (form) {
      var table = document.getElementById(form.getAttribute("data-ita-filter"));
      if (!table || form.dataset.itaReady) return;
      form.dataset.itaReady = "1";
      var status = form.querySelector("[name=status]");
      var unit = form.querySelector("[name=unit]");
      var text = form.querySelector("[name=q]");
      var count = form.querySelector("output");
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      function apply() {
        var s = status ? status.value : "";
        var u = unit ? unit.value : "";
        var q = text ? text.value.trim().toLowerCase() : "";
        var shown = 0;
        rows.forEach(function (row) {
          var statuses = (row.getAttribute("data-statuses") || "").split(" ");
          var units = (row.getAttribute("data-units") || "").split("|");
          var ok = (!s || (s === "problem" ? row.getAttribute("data-problem") === "1"
                                          : statuses.indexOf(s) >= 0))
            && (!u || units.indexOf(u) >= 0)
            && (!q || row.textContent.toLowerCase().indexOf(q) >= 0);
          row.hidden = !ok;
          if (ok) shown += 1;
        });
        if (count) count.value = shown + " / " + rows.length;
      }
      form.addEventListener("input", apply);
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      apply();
    });
  }

  function setup() {
    setupSort(document);
    setupFilters(document);
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(setup);  /* Material's instant navigation swaps pages in place */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
