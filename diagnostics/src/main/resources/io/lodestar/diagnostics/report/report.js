(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var checks = Array.prototype.slice.call(document.querySelectorAll("details.check"));
  var statusButtons = Array.prototype.slice.call(document.querySelectorAll(".summary button"));
  var category = document.getElementById("category");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown-count");
  var status = "";

  function apply() {
    var text = search.value.trim().toLowerCase();
    var visible = 0;
    checks.forEach(function (el) {
      var ok = (!status || el.getAttribute("data-status") === status)
        && (!category.value || el.getAttribute("data-category") === category.value)
        && (!text || el.textContent.toLowerCase().indexOf(text) >= 0);
      el.hidden = !ok;
      if (ok) { visible++; }
    });
    statusButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-status") === status));
    });
    shown.textContent = visible + " of " + checks.length + " checks shown";
  }

  statusButtons.forEach(function (b) {
    b.addEventListener("click", function () { status = b.getAttribute("data-status"); apply(); });
  });
  category.addEventListener("change", apply);
  search.addEventListener("input", apply);

  document.getElementById("expand-all").addEventListener("click", function () {
    checks.forEach(function (el) { if (!el.hidden) { el.open = true; } });
  });
  window.addEventListener("beforeprint", function () { checks.forEach(function (el) { el.open = true; }); });

  document.getElementById("copy-json").addEventListener("click", function () {
    var json = document.getElementById("snapshot-data").textContent;
    var done = function () { document.getElementById("copy-json").textContent = "JSON copied"; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(json).then(done, function () { fallbackCopy(json); done(); });
    } else {
      fallbackCopy(json);
      done();
    }
  });

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
  }

  apply();
})();
