// Admin: names for the controls Django's admin and select2 leave unnamed (WCAG 1.3.1, 4.1.2).
// - select2 (autocomplete fields): the combobox and its search box get the label of the
//   select they stand for; select2 redraws them, so this runs again on every change.
// - inputs in a table row (tabular inlines, editable list columns) have no <label>: they get
//   their column's header as their name.
// - the filter boxes of a two-list selection (groups, permissions) carry their help as an
//   aria-label on a bare span, which no role allows: the span becomes an image with that name.
// - a region that scrolls (a wide inline table on a phone) and holds nothing focusable cannot
//   be scrolled by keyboard: it becomes focusable, named after its fieldset or heading (2.1.1).
(function () {
  "use strict";

  function text(el) {
    return el ? el.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function nameSelect2() {
    document.querySelectorAll("select.admin-autocomplete, select[data-select2-id]").forEach(
      function (select) {
        var container = select.nextElementSibling;
        if (!container || !container.classList.contains("select2")) return;
        var name = text(document.querySelector('label[for="' + select.id + '"]'));
        if (!name) name = columnName(select);
        if (!name) return;
        container.querySelectorAll('[role="combobox"], [role="textbox"], .select2-search__field').forEach(
          function (el) {
            if (el.getAttribute("aria-label") !== name) el.setAttribute("aria-label", name);
          }
        );
        // select2 puts its "clear" cross inside the list of choices: a list holds items only.
        container.querySelectorAll("ul.select2-selection__rendered > :not(li)").forEach(
          function (el) {
            el.parentNode.parentNode.insertBefore(el, el.parentNode);
          }
        );
      }
    );
  }

  function columnName(input) {
    var cell = input.closest("td");
    if (!cell) return "";
    var field = Array.prototype.find.call(cell.classList, function (c) {
      return c.indexOf("field-") === 0;
    });
    var table = cell.closest("table");
    if (!table) return "";
    if (field) return text(table.querySelector("thead th.column-" + field.slice(6)));
    // Cells without a field class (the inline's "delete?" box): the header in the same column.
    var headers = table.querySelectorAll("thead tr:last-child th");
    var index = Array.prototype.indexOf.call(cell.parentNode.children, cell);
    return headers.length === cell.parentNode.children.length ? text(headers[index]) : "";
  }

  function nameCellInputs() {
    document.querySelectorAll("td input, td select, td textarea").forEach(function (input) {
      if (input.type === "hidden" || input.getAttribute("aria-label")) return;
      if (input.id && document.querySelector('label[for="' + input.id + '"]')) return;
      if (input.closest("label")) return;
      var name = columnName(input);
      if (name) input.setAttribute("aria-label", name);
    });
  }

  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

  function scrolls(el) {
    var style = window.getComputedStyle(el);
    var x = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    var y = /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    return x || y;
  }

  function focusableScrollRegions() {
    document.querySelectorAll("#content div, #content fieldset, #content table").forEach(
      function (el) {
        if (el.hasAttribute("tabindex") || !scrolls(el)) return;
        var inside = Array.prototype.some.call(el.querySelectorAll(FOCUSABLE), function (f) {
          return f.offsetParent !== null && f.tabIndex >= 0;
        });
        if (inside) return;
        var group = el.closest("fieldset, .inline-group, .module");
        var name = group && text(group.querySelector("legend, h2, caption"));
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", name || document.title);
      }
    );
  }

  function nameTooltips() {
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (el) {
      el.setAttribute("role", "img");
    });
  }

  function run() {
    nameTooltips();
    nameCellInputs();
    nameSelect2();
    focusableScrollRegions();
  }

  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      run();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    run();
    new MutationObserver(later).observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", later);
  });
})();
