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

// Swagger UI speaks only English. On the Dutch page its own labels are put into Dutch as it
// draws them (the operations' texts come from our OpenAPI documents, which are Dutch already);
// on the English page they stay as they are.
const DUTCH = new Map([
  ["Try it out", "Probeer het uit"],
  ["Cancel", "Annuleren"],
  ["Execute", "Uitvoeren"],
  ["Clear", "Wissen"],
  ["No parameters", "Geen parameters"],
  ["Name", "Naam"],
  ["Description", "Beschrijving"],
  ["Responses", "Antwoorden"],
  ["No links", "Geen links"],
  ["Media type", "Mediatype"],
  ["Controls Accept header.", "Bepaalt de Accept-kopregel."],
  ["Example Value", "Voorbeeldwaarde"],
  ["Example", "Voorbeeld"],
  ["Examples", "Voorbeelden"],
  ["Request URL", "Verzoek-URL"],
  ["Server response", "Antwoord van de server"],
  ["Response body", "Inhoud van het antwoord"],
  ["Response headers", "Kopregels van het antwoord"],
  ["Undocumented", "Niet beschreven"],
  ["Download", "Downloaden"],
  ["Request body", "Inhoud van het verzoek"],
  ["required", "verplicht"],
  ["Send empty value", "Lege waarde versturen"],
  ["Available values", "Mogelijke waarden"],
  ["Default value", "Standaardwaarde"],
  ["Expand operation", "Bewerking openklappen"],
  ["Collapse operation", "Bewerking dichtklappen"],
  ["Loading...", "Laden…"],
  ["request body", "inhoud van het verzoek"],
]);

function translate(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.trim();
    if (DUTCH.has(text)) {
      node.nodeValue = node.nodeValue.replace(text, DUTCH.get(text));
    }
  }
  for (const el of root.querySelectorAll("[aria-label], [title]")) {
    for (const attribute of ["aria-label", "title"]) {
      const value = el.getAttribute(attribute);
      if (value && DUTCH.has(value)) {
        el.setAttribute(attribute, DUTCH.get(value));
      }
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
  const dutch = document.documentElement.lang.startsWith("nl");
  new MutationObserver(() => {
    label(node);
    if (dutch) {
      translate(node);
    }
  }).observe(node, { childList: true, subtree: true, characterData: true });
});
