// Admin: a "Voorbeeld tonen" button under the Markdown body. The server renders the text with
// the public page's renderer (portal/markdown.py) and sends sanitised HTML back.
(function () {
  "use strict";

  function init() {
    var body = document.getElementById("id_body");
    if (!body || !body.dataset.previewUrl) return;
    var row = body.closest(".form-row") || body.parentNode;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button kb-preview-button";
    button.textContent = body.dataset.previewLabel;
    var output = document.createElement("div");
    output.id = "id_body_preview";
    output.className = "kb-preview";
    output.setAttribute("aria-live", "polite");
    output.setAttribute("aria-label", body.dataset.previewLabel);
    output.hidden = true;
    button.setAttribute("aria-controls", output.id);
    row.appendChild(button);
    row.appendChild(output);

    button.addEventListener("click", function () {
      var token = body.form.querySelector("[name=csrfmiddlewaretoken]");
      var data = new FormData();
      data.append("body", body.value);
      fetch(body.dataset.previewUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        })
        .then(function (html) {
          output.innerHTML = html; // sanitised by nh3 on the server
          output.hidden = false;
        })
        .catch(function () {
          output.textContent = body.dataset.previewError;
          output.hidden = false;
        });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
