/* The SPARQL editor page (/sparql): YASGUI (vendored) with the named queries as example tabs,
 * and a results view that shortens IRIs with the graph's prefixes, links them to the local
 * pages and writes each resource's name beside it (names from POST api/labels). */
(function () {
  "use strict";
  var read = function (id) { return JSON.parse(document.getElementById(id).textContent); };
  var examples = read("pbkg-examples");
  var given = read("pbkg-query");
  var prefixes = read("pbkg-prefixes");
  var host = document.getElementById("yasgui");
  var labelsApi = host.dataset.labelsApi;
  var lang = document.documentElement.lang || "vi";
  var endpoint = window.location.origin + window.location.pathname;
  // No autocompleter that calls other hosts (LOV): prefixes come bundled.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasgui.Yasr.defaults.prefixes = prefixes;
  var yasgui = new Yasgui(host, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: Object.assign({}, Yasgui.defaults.endpointCatalogueOptions, {
      getData: function () { return [{ endpoint: endpoint }]; }
    }),
    yasr: { prefixes: prefixes },
    persistenceId: null,
    populateFromUrl: false
  });
  function tabConfig(name, query) {
    var defaults = Yasgui.Tab.getDefaults(yasgui);
    return Object.assign({}, defaults, {
      name: name,
      yasqe: Object.assign({}, defaults.yasqe, { value: query }),
      yasr: Object.assign({}, defaults.yasr, { prefixes: prefixes }),
      requestConfig: Object.assign({}, defaults.requestConfig, { endpoint: endpoint })
    });
  }
  var first = yasgui.getTab();
  var tabs = examples.map(function (ex) { return yasgui.addTab(false, tabConfig(ex.name, ex.query)); });
  var wanted = new URLSearchParams(window.location.search).get("example");
  var wantedIndex = examples.findIndex(function (ex) { return ex.name === wanted; });
  if (given) {
    yasgui.addTab(true, tabConfig("Query", given));
  } else if (tabs.length) {
    yasgui.selectTabId(tabs[wantedIndex >= 0 ? wantedIndex : 0].getId());
  }
  if (first && (given || tabs.length)) { first.close(); }
  document.querySelectorAll("#examples a").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      yasgui.selectTabId(tabs[Number(link.dataset.example)].getId());
    });
  });

  // Results: local links and names beside IRIs.
  var names = {};
  function decorate(root) {
    var links = Array.prototype.slice.call(root.querySelectorAll("a.iri, td a[href^='http']"))
      .filter(function (a) { return !a.dataset.pbkg; });
    if (!links.length) { return; }
    var wanted = [];
    links.forEach(function (a) {
      var iri = a.getAttribute("href");
      if (!(iri in names) && wanted.indexOf(iri) < 0) { wanted.push(iri); }
    });
    var apply = function () {
      links.forEach(function (a) {
        var iri = a.getAttribute("href");
        var known = names[iri];
        a.dataset.pbkg = "1";
        if (!known) { return; }
        a.setAttribute("href", known.href);
        a.setAttribute("title", iri);
        a.removeAttribute("target");
        var name = document.createElement("span");
        name.className = "pbkg-name";
        name.textContent = known.labels[lang] || known.labels.vi || known.labels.en || "";
        a.parentNode.insertBefore(name, a.nextSibling);
      });
    };
    if (!wanted.length) { apply(); return; }
    fetch(labelsApi, { method: "POST", headers: { "Content-Type": "application/json" },
                       body: JSON.stringify(wanted.slice(0, 500)) })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (found) {
        wanted.forEach(function (iri) { names[iri] = found[iri] || null; });
        apply();
      })
      .catch(function () { /* names are a convenience: the IRIs stay */ });
  }
  var pending = null;
  new MutationObserver(function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      document.querySelectorAll(".yasr_results").forEach(decorate);
    }, 50);
  }).observe(host, { childList: true, subtree: true });
})();
