// Saves the submission form as a draft while the member types (progressive enhancement: without
// this script "Bewaar concept" does the same). Posts the text fields, never the file, about 20
// seconds after the last change and when the page is hidden; says so in the form's live region.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var url = form.getAttribute("data-autosave-url");
  // Translated messages come from the page (data-autosave-failed, data-autosave-offline).
  var failed = form.getAttribute("data-autosave-failed") || "";
  var offline = form.getAttribute("data-autosave-offline") || "";
  var status = document.getElementById("autosave-status");
  var DELAY = 1000 * (parseInt(form.getAttribute("data-autosave-delay"), 10) || 20);
  var timer = null;
  var dirty = false;
  var busy = false;

  function say(text) {
    if (status && text) {
      status.textContent = text;
    }
  }

  function payload() {
    var data = new FormData(form);
    data.delete("attachment");
    data.delete("remove_file");
    data.delete("action");
    return data;
  }

  function save(onHide) {
    if (!dirty || busy) {
      return;
    }
    dirty = false;
    var data = payload();
    if (onHide && navigator.sendBeacon) {
      // The page is going away: a beacon survives it, a fetch may not.
      navigator.sendBeacon(url, data);
      return;
    }
    busy = true;
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", Accept: "application/json" },
    })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (body) {
            if (!response.ok) {
              dirty = true;
            }
            say(body.message || (response.ok ? "" : failed));
          });
      })
      .catch(function () {
        dirty = true;
        say(offline);
      })
      .then(function () {
        busy = false;
        if (dirty) {
          schedule();
        }
      });
  }

  function schedule() {
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(function () {
      timer = null;
      save(false);
    }, DELAY);
  }

  function changed(event) {
    if (event.target && event.target.type === "file") {
      return;
    }
    dirty = true;
    schedule();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    // The form itself saves everything now.
    dirty = false;
    if (timer) {
      clearTimeout(timer);
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      save(true);
    }
  });
  window.addEventListener("pagehide", function () {
    save(true);
  });
})();
