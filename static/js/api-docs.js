// The OpenAPI viewer on /ontwikkelaars/<api>/ (Swagger UI from our own static files).
// Swagger UI leaves some of its form fields without a name for screen readers and its scrolling
// examples out of the tab order; `label` mends that whenever it draws something new.
function label(root) {
  for (const field of root.querySelectorAll("tr[data-param-name] select, tr[data-param-name] input, tr[data-param-name] textarea")) {
    if (!field.labels?.length && !field.getAttribute("aria-label")) {
      field.setAttribute("aria-label", field.closest("tr").dataset.paramName);
    }
  }
  for (const field of root.querySelectorAll(".body-param textarea, .opblock-section-request-body textarea")) {
    if (!field.getAttribute("aria-label")) {
      field.setAttribute("aria-label", "request body");
    }
  }
  for (const code of root.querySelectorAll(".highlight-code pre, pre.microlight")) {
    if (!code.hasAttribute("tabindex")) {
      code.setAttribute("tabindex", "0");
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const node = document.getElementById("api-viewer");
  if (!node || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: node.dataset.spec,
    domNode: node,
    deepLinking: false,
    // The models are in each operation's answers already; a second list only adds length.
    defaultModelsExpandDepth: -1,
    // Swagger UI's "validator badge" would send the description to an outside service.
    validatorUrl: null,
  });
  new MutationObserver(() => label(node)).observe(node, { childList: true, subtree: true });
});
