// Search filters take effect as soon as a box is ticked; the "Filters toepassen" button stays
// for those without JavaScript. Focus returns to the same box after the page reloads.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-apply-on-change]");
    if (!form) return;
    var key = "search-filter-focus";
    var last = window.sessionStorage && sessionStorage.getItem(key);
    if (last) {
      sessionStorage.removeItem(key);
      var box = document.getElementById(last);
      if (box) box.focus();
    }
    form.addEventListener("change", function (event) {
      if (event.target.type !== "checkbox") return;
      if (window.sessionStorage) sessionStorage.setItem(key, event.target.id);
      form.submit();
    });
  });
})();
