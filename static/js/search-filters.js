// Search filters take effect as soon as a box is ticked; the "Filters toepassen" button stays
// for those without JavaScript. Focus returns to the same box after the page reloads. On wide
// screens the "Filters" toggle is opened: there the filters stand beside the results.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Wide screens show the filters beside the results; a phone keeps them folded.
    var toggle = document.querySelector("details[data-open-wide]");
    if (toggle && window.matchMedia) {
      var wide = window.matchMedia("(min-width: 56rem)");
      var sync = function () { if (wide.matches) toggle.open = true; };
      sync();
      if (wide.addEventListener) wide.addEventListener("change", sync);
    }
    var form = document.querySelector("form[data-apply-on-change]");
    if (!form) return;
    form.classList.add("search-filters__form--live");
    var key = "search-filter-focus";
    var last = window.sessionStorage && sessionStorage.getItem(key);
    if (last) {
      sessionStorage.removeItem(key);
      var box = document.getElementById(last);
      if (box) {
        if (toggle) toggle.open = true;  // back where the box was ticked, also on a phone
        box.focus();
      }
    }
    form.addEventListener("change", function (event) {
      if (event.target.type !== "checkbox") return;
      if (window.sessionStorage) sessionStorage.setItem(key, event.target.id);
      form.submit();
    });
  });
})();
