/* pbkg network explorer (/graph).
 *
 * Library: sigma.js 3 on graphology, with graphology-library's ForceAtlas2 for the layout.
 * sigma draws nodes and edges with WebGL, so panning, zooming and hovering stay smooth with a
 * few thousand nodes and tens of thousands of edges (the synthetic benchmark graph), where
 * canvas or SVG renderers (cytoscape.js, d3) slow down; graphology is its graph model. Both
 * are maintained, MIT-licensed, and vendored from npm into ./vendor (see README.md): no CDN.
 *
 * Data: GET api/graph?cluster=&from=&to=&type= (pbkg.network's projection, filtered) and
 * GET api/graph/timeline?cluster=. The page state lives in the query string (cluster, from,
 * to, type, lang, view), so a view can be linked. A click on a node opens its page (/id/...).
 */
(function () {
  "use strict";

  const app = document.getElementById("graph-app");
  const $ = (id) => document.getElementById(id);
  const container = $("sigma-container");
  const statusLine = $("status");

  const I18N = {
    vi: {
      title: "Mạng các tổ chức và cụm thi đua", search: "Tìm",
      searchPlaceholder: "Tên đơn vị, cá nhân, văn bản…", cluster: "Cụm thi đua",
      allClusters: "Tất cả các cụm", from: "Từ năm", to: "Đến năm", types: "Loại nút",
      apply: "Áp dụng", reset: "Bỏ lọc", download: "Tải GEXF (Gephi)", network: "Mạng",
      timeline: "Dòng thời gian lãnh đạo", nodes: "nút", edges: "cạnh", loading: "Đang tải…",
      layout: "Đang bố trí…", error: "Lỗi", legendNodes: "Loại nút", legendEdges: "Quan hệ",
      inferredNote: "Cạnh nhạt, mảnh: dữ kiện suy ra, không được nguồn nêu trực tiếp.",
      clickHint: "Nhấp để mở trang của nút.", open: "Mở trang",
      timelineHint: "Chọn một cụm thi đua (ô “Cụm thi đua” ở trên) để xem cụm trưởng, cụm phó theo năm.",
      unit: "Đơn vị", inferred: "suy ra", member: "thành viên", noMatch: "Không tìm thấy",
      noTimeline: "Cụm này chưa có dữ kiện về thành viên hay lãnh đạo.", year: "năm",
      filtered: "đã lọc", empty: "Không có nút nào với bộ lọc này.",
      allYears: "Mọi năm", play: "Phát theo năm", pause: "Dừng", yearLabel: "Năm",
      rolesByYear: "Vai trò theo năm", noRoles: "Không có vai trò lãnh đạo hay thành viên.",
      source: "Nguồn", close: "Đóng", legendHint: "Nhấp để ẩn, hiện.",
      filtersToggle: "Bộ lọc", legendToggle: "Chú giải", edgeOf: "Quan hệ",
    },
    en: {
      title: "Network of organizations and emulation clusters", search: "Search",
      searchPlaceholder: "Name of a unit, person, document…", cluster: "Emulation cluster",
      allClusters: "All clusters", from: "From year", to: "To year", types: "Node types",
      apply: "Apply", reset: "Clear filters", download: "Download GEXF (Gephi)",
      network: "Network", timeline: "Leadership timeline", nodes: "nodes", edges: "edges",
      loading: "Loading…", layout: "Laying out…", error: "Error", legendNodes: "Node types",
      legendEdges: "Relations",
      inferredNote: "Faint, thin edges: inferred facts, not stated by the source.",
      clickHint: "Click to open the node's page.", open: "Open page",
      timelineHint: "Choose an emulation cluster (the “Emulation cluster” box above) to see its chair and vice-chairs by year.",
      unit: "Unit", inferred: "inferred", member: "member", noMatch: "No match",
      noTimeline: "No membership or leadership facts for this cluster.", year: "year",
      filtered: "filtered", empty: "No node matches these filters.",
      allYears: "All years", play: "Play by year", pause: "Pause", yearLabel: "Year",
      rolesByYear: "Roles by year", noRoles: "No leadership role or membership.",
      source: "Source", close: "Close", legendHint: "Click to hide or show.",
      filtersToggle: "Filters", legendToggle: "Legend", edgeOf: "Relation",
    },
  };
  const LIVE_LAYOUT_ABOVE = 1000; // nodes: above this, ForceAtlas2 runs live in a worker
  const LIVE_LAYOUT_MS = 20000;
  const MARKS = { chaired: "★", standing_vice_chaired: "◆", vice_chaired: "▲", member_of: "●" };

  const state = {
    lang: "vi", view: "network", filters: { cluster: "", from: "", to: "", types: [] },
    data: null, graph: null, renderer: null, focus: null, focusSet: null, matches: null,
    timeline: null, request: 0, layout: null, layoutTimer: null,
    hiddenTypes: new Set(), hiddenRelations: new Set(), year: null, playTimer: null,
    selected: null, factCache: {},
  };
  // The first view shows the leadership network: clusters, units and people (not geography).
  const DEFAULT_TYPES = ["cluster", "organization", "person"];
  const ROLE_RELATIONS = ["chaired", "standing_vice_chaired", "vice_chaired"];

  const t = (key) => (I18N[state.lang] || I18N.vi)[key] || key;
  const fold = (s) => (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d").toLowerCase();
  const labelOf = (obj) => obj["label_" + state.lang] || obj.label_vi || obj.label_en || obj.id;
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;",
    ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  function hash(text) { // FNV-1a, for reproducible starting positions
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return (h >>> 0) / 4294967296;
  }

  function rgba(hex, alpha) {
    const h = hex.replace("#", "");
    return `rgba(${parseInt(h.slice(0, 2), 16)},${parseInt(h.slice(2, 4), 16)},` +
      `${parseInt(h.slice(4, 6), 16)},${alpha})`;
  }

  // --- state in the query string ----------------------------------------------------------

  function readQuery() {
    const q = new URLSearchParams(window.location.search);
    const asked = q.get("lang") || document.documentElement.lang;
    state.lang = asked === "en" ? "en" : "vi";
    state.view = q.get("view") === "timeline" ? "timeline" : "network";
    state.filters = {
      cluster: q.get("cluster") || "", from: q.get("from") || "", to: q.get("to") || "",
      types: (q.getAll("type").join(",") || "").split(",").filter(Boolean),
    };
    if (!q.has("type") && !q.has("cluster") && !q.has("focus")) {
      state.filters.types = DEFAULT_TYPES.slice();
    }
    state.focusRequest = q.get("focus") || null;
  }

  function apiParams() {
    const p = new URLSearchParams();
    const f = state.filters;
    if (f.cluster) p.set("cluster", f.cluster);
    if (f.from) p.set("from", f.from);
    if (f.to) p.set("to", f.to);
    if (f.types.length) p.set("type", f.types.join(","));
    return p;
  }

  function writeQuery() {
    const p = apiParams();
    if (state.lang !== "vi") p.set("lang", state.lang);
    if (state.view !== "network") p.set("view", state.view);
    const qs = p.toString();
    window.history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
  }

  // --- loading and drawing ----------------------------------------------------------------

  function setStatus(kind, text, counts) {
    statusLine.dataset.state = kind;
    statusLine.dataset.nodes = counts ? String(counts.nodes) : "";
    statusLine.dataset.edges = counts ? String(counts.edges) : "";
    statusLine.textContent = text;
  }

  function statusText() {
    const c = state.data.count;
    const f = state.filters;
    const bits = [`${c.nodes} ${t("nodes")} · ${c.edges} ${t("edges")}`];
    if (f.cluster || f.from || f.to || f.types.length) bits.push(`(${t("filtered")})`);
    if (!c.nodes) bits.push("— " + t("empty"));
    return bits.join(" ");
  }

  async function load() {
    const ticket = ++state.request;
    setStatus("loading", t("loading"));
    let data;
    try {
      const response = await fetch(app.dataset.api + "?" + apiParams().toString(),
        { headers: { Accept: "application/json" } });
      data = await response.json();
      if (!response.ok) throw new Error(data.message || response.statusText);
    } catch (err) {
      if (ticket === state.request) setStatus("error", `${t("error")}: ${err.message}`);
      return;
    }
    if (ticket !== state.request) return;
    state.data = data;
    fillControls();
    setStatus("layout", t("layout"));
    // Let the browser paint the status before the (synchronous) layout.
    await new Promise((resolve) => window.setTimeout(resolve, 0));
    buildGraph();
    renderGraph();
    renderLegend();
    setStatus("ready", statusText(), data.count);
    startLayout();
    if (state.focusRequest && state.graph.hasNode(state.focusRequest)) {
      selectNode(state.focusRequest);
      focusNode(state.focusRequest);
      state.focusRequest = null;
    }
    if (state.view === "timeline") loadTimeline();
  }

  function buildGraph() {
    const Graph = graphology.Graph || graphology;
    const graph = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
    const colors = {};
    state.data.node_types.forEach((x) => { colors[x.id] = x.color; });
    const edgeColors = {};
    state.data.relations.forEach((x) => { edgeColors[x.id] = x.color; });
    const n = state.data.nodes.length;
    const radius = Math.sqrt(n) * 10 + 10;
    const sizeScale = n > LIVE_LAYOUT_ABOVE ? 0.45 : 1; // many nodes: smaller discs
    // Starting positions (reproducible): clusters spread on a disc, every other node next to
    // the first cluster it is linked to, the rest anywhere; ForceAtlas2 then refines.
    const kinds = {};
    state.data.nodes.forEach((node) => { kinds[node.id] = node.type; });
    const anchor = {};
    for (const edge of state.data.edges) {
      if (kinds[edge.target] === "cluster" && !anchor[edge.source]) anchor[edge.source] = edge.target;
    }
    const place = (id, scale) => {
      const angle = 2 * Math.PI * hash(id);
      const r = scale * Math.sqrt(hash(id + "#r"));
      return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
    };
    const clusterCount = state.data.nodes.filter((x) => x.type === "cluster").length || 1;
    const spot = (node) => {
      if (node.type === "cluster") return place(node.id, radius * (clusterCount > 1 ? 1 : 0.1));
      const hub = anchor[node.id];
      if (!hub) return place(node.id, radius * 1.2);
      const centre = place(hub, radius * (clusterCount > 1 ? 1 : 0.1));
      const near = place(node.id, radius / Math.sqrt(clusterCount) + 5);
      return { x: centre.x + near.x, y: centre.y + near.y };
    };
    for (const node of state.data.nodes) {
      const xy = spot(node);
      graph.addNode(node.id, {
        x: xy.x, y: xy.y,
        size: sizeScale * (Math.min(22, 3 + 2.2 * Math.sqrt(node.degree || 0)) +
                           (node.type === "cluster" ? 4 : 0)),
        color: colors[node.type] || "#888888", label: labelOf(node),
        kind: node.type, label_vi: node.label_vi, label_en: node.label_en,
        class_vi: node.class_vi || "", class_en: node.class_en || "", href: node.href,
        degree: node.degree || 0, search: fold(node.label_vi) + " " + fold(node.label_en),
      });
    }
    // Parallel edges of one relation (a unit chairing a cluster in two years) become one edge
    // that lists its years; different relations between two nodes are drawn apart (curved).
    const merged = {};
    for (const edge of state.data.edges) {
      if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
      const key = edge.source + "|" + edge.target + "|" + edge.relation;
      const fact = edge.id.split("#")[0];
      const item = { year: edge.year, inferred: !!edge.inferred, fact: fact,
                     source: edge.provenance || null };
      if (merged[key]) { merged[key].facts.push(item); continue; }
      merged[key] = { edge: edge, facts: [item] };
    }
    const pairCount = {};
    for (const key of Object.keys(merged)) {
      const { edge, facts } = merged[key];
      const pair = [edge.source, edge.target].sort().join("|");
      const rank = pairCount[pair] = (pairCount[pair] || 0) + 1;
      const base = edgeColors[edge.relation] || "#999999";
      const role = ROLE_RELATIONS.includes(edge.relation);
      const inferred = facts.every((f) => f.inferred);
      facts.sort((x, y) => (x.year || 0) - (y.year || 0));
      const years = facts.map((f) => f.year).filter((y) => y != null);
      graph.addEdgeWithKey(key, edge.source, edge.target, {
        relation: edge.relation, inferred: inferred, year: years[0], years: years, facts: facts,
        color: inferred ? rgba(base, 0.45) : base,
        size: inferred ? 0.8 : (role ? (edge.relation === "chaired" ? 4 : 2.6) : 0.8),
        // The second and later relations of one pair are drawn as arcs of growing bend, so
        // "member" and "chaired" between a unit and its cluster do not lie on one line.
        zIndex: role ? 2 : 0, type: rank > 1 ? "curved" : undefined,
        curvature: rank > 1 ? 0.3 * (rank - 1) : 0,
        label: years.join(", "),
      });
    }
    stopLayout();
    if (n > 1) {
      const fa2 = graphologyLibrary.layoutForceAtlas2;
      const settings = Object.assign(fa2.inferSettings(graph), n > LIVE_LAYOUT_ABOVE
        // Large: lin-log mode pulls each cluster's units together and spreads the clusters.
        ? { barnesHutOptimize: true, linLogMode: true, scalingRatio: 20, gravity: 0.3 }
        : { barnesHutOptimize: n > 400, scalingRatio: n > 400 ? 10 : 4 });
      settings.adjustSizes = false;
      if (n <= LIVE_LAYOUT_ABOVE) {
        // Small enough to lay out before the first frame (the picture is then stable).
        fa2.assign(graph, { iterations: n > 400 ? 150 : (n > 150 ? 120 : 300), settings });
        graphologyLibrary.layoutNoverlap.assign(graph, { maxIterations: 60,
          settings: { ratio: 1.2, margin: 2 } });
      } else {
        // Large: a rough layout now, then ForceAtlas2 in a web worker while the graph is
        // already shown and usable (the main thread stays free for panning and zooming).
        fa2.assign(graph, { iterations: 3, settings });
        state.layout = new graphologyLibrary.FA2Layout(graph, { settings });
      }
    }
    state.graph = graph;
    state.focus = null;
    state.focusSet = null;
    state.matches = null;
  }

  function startLayout() {
    if (!state.layout) return;
    state.layout.start();
    statusLine.textContent = statusText() + " · " + t("layout");
    state.layoutTimer = window.setTimeout(() => {
      stopLayout();
      statusLine.textContent = statusText();
    }, Math.min(LIVE_LAYOUT_MS, 3000 + state.graph.order * 3));
  }

  function stopLayout() {
    if (state.layoutTimer) window.clearTimeout(state.layoutTimer);
    state.layoutTimer = null;
    if (state.layout) { state.layout.kill(); state.layout = null; }
  }

  function renderGraph() {
    if (state.renderer) { state.renderer.kill(); state.renderer = null; }
    const big = state.graph.order > 2000;
    const renderer = new Sigma(state.graph, container, {
      renderEdgeLabels: false,
      defaultEdgeType: big ? "line" : "arrow",
      edgeProgramClasses: { curved: Sigma.rendering.EdgeCurveProgram },
      labelFont: "'Noto Sans', 'DejaVu Sans', system-ui, sans-serif",
      labelSize: 12, labelWeight: "normal", labelDensity: 0.6,
      labelRenderedSizeThreshold: big ? 9 : 6,
      zIndex: true, minCameraRatio: 0.02, maxCameraRatio: 8,
      hideEdgesOnMove: big, hideLabelsOnMove: big, // keep panning smooth on large graphs
      allowInvalidContainer: true, // the network tab may be hidden (timeline view)
      enableEdgeEvents: !big,
      nodeReducer: (node, data) => {
        const res = Object.assign({}, data);
        if (state.hiddenTypes.has(data.kind)) { res.hidden = true; return res; }
        if (state.focusSet && !state.focusSet.has(node)) {
          res.color = "#dfe3e8"; res.label = ""; res.zIndex = 0;
        } else if (state.focusSet) {
          res.zIndex = 2; res.forceLabel = true;
        }
        if (state.matches && state.matches.has(node)) {
          res.highlighted = true; res.forceLabel = true; res.zIndex = 3;
        }
        return res;
      },
      edgeReducer: (edge, data) => {
        if (state.hiddenRelations.has(data.relation)) return Object.assign({}, data, { hidden: true });
        if (state.year != null && data.years.length && !data.years.includes(state.year)) {
          return Object.assign({}, data, { hidden: true });
        }
        if (!state.focus) return data;
        const g = state.graph;
        if (g.source(edge) !== state.focus && g.target(edge) !== state.focus) {
          return Object.assign({}, data, { hidden: true });
        }
        return Object.assign({}, data, { zIndex: 1 });
      },
    });
    // A click (or a tap) selects: the side panel lists the node's roles by year and links to
    // its page; a second click on the selected node opens the page.
    renderer.on("clickNode", ({ node }) => {
      if (state.selected === node) {
        const href = state.graph.getNodeAttribute(node, "href");
        if (href) window.location.assign(href);
        return;
      }
      selectNode(node);
      hideTooltip();  // the side panel says more; on a phone the tooltip would cover it
    });
    renderer.on("doubleClickNode", ({ node, preventSigmaDefault }) => {
      preventSigmaDefault();
      const href = state.graph.getNodeAttribute(node, "href");
      if (href) window.location.assign(href);
    });
    renderer.on("enterNode", ({ node }) => { setFocus(node); showTooltip(node); });
    renderer.on("leaveNode", () => { setFocus(state.selected); hideTooltip(); });
    renderer.on("clickStage", () => { selectNode(null); hideTooltip(); clearSearch(); });
    renderer.on("enterEdge", ({ edge }) => showEdge(edge, false));
    renderer.on("leaveEdge", () => { if (!$("tooltip").classList.contains("pinned")) hideTooltip(); });
    renderer.on("clickEdge", ({ edge }) => showEdge(edge, true));
    state.renderer = renderer;
  }

  function setFocus(node) {
    state.focus = node;
    state.focusSet = node ? new Set([node, ...state.graph.neighbors(node)]) : null;
    if (state.renderer) state.renderer.refresh({ skipIndexation: true });
  }

  function showTooltip(node, pinned) {
    const a = state.graph.getNodeAttributes(node);
    const tip = $("tooltip");
    const kind = (state.data.node_types.find((x) => x.id === a.kind) || {})["label_" + state.lang];
    const cls = a["class_" + state.lang];
    tip.innerHTML = `<strong>${esc(a["label_" + state.lang] || a.label)}</strong>` +
      `<div class="kind">${esc(cls || kind || a.kind)} · ${a.degree} ${esc(t("edges"))}</div>` +
      (pinned ? `<p class="hint"><a href="${esc(a.href)}">${esc(t("open"))} →</a></p>`
              : `<p class="hint">${esc(t("clickHint"))}</p>`);
    const pos = state.renderer.graphToViewport({ x: a.x, y: a.y });
    tip.style.left = `${Math.min(pos.x + 14, container.clientWidth - 260)}px`;
    tip.style.top = `${pos.y + 14}px`;
    tip.classList.toggle("pinned", !!pinned);
    tip.hidden = false;
  }

  function hideTooltip() { $("tooltip").hidden = true; }

  function renderLegend() {
    const legend = $("legend");
    const nodes = state.data.node_types.filter((x) => x.count > 0);
    const rels = state.data.relations.filter((x) => x.count > 0);
    const item = (attr, x, hidden, cls) =>
      `<li data-${attr}="${esc(x.id)}"><button type="button" aria-pressed="${!hidden}">` +
      `<span class="swatch${cls}" data-color="${esc(x.color)}"></span> ` +
      `${esc(x["label_" + state.lang])} <span class="count">${x.count}</span></button></li>`;
    legend.innerHTML =
      `<h2>${esc(t("legendNodes"))}</h2><ul>` +
      nodes.map((x) => item("type", x, state.hiddenTypes.has(x.id), "")).join("") +
      `</ul><h2>${esc(t("legendEdges"))}</h2><ul>` +
      rels.map((x) => item("relation", x, state.hiddenRelations.has(x.id), " line")).join("") +
      `</ul><p class="note">${esc(t("legendHint"))} ${esc(t("inferredNote"))}</p>`;
    paintSwatches(legend);
  }

  // Colours are set through the CSSOM (no inline style attribute: a strict CSP allows this).
  function paintSwatches(root) {
    root.querySelectorAll(".swatch[data-color]").forEach((el) => {
      el.style.background = el.dataset.color;
    });
  }

  function toggleLegend(event) {
    const button = event.target.closest("button");
    if (!button) return;
    const li = button.closest("li");
    const set = li.dataset.type ? state.hiddenTypes : state.hiddenRelations;
    const id = li.dataset.type || li.dataset.relation;
    if (set.has(id)) set.delete(id); else set.add(id);
    button.setAttribute("aria-pressed", String(!set.has(id)));
    if (state.renderer) state.renderer.refresh({ skipIndexation: true });
  }

  // --- time ----------------------------------------------------------------------------------

  function fillYears() {
    const range = $("year");
    const years = state.data.years || [];
    if (years.length < 2) { $("time").hidden = true; return; }
    $("time").hidden = false;
    range.min = String(years[0] - 1);  // the leftmost stop means "all years"
    range.max = String(years[1]);
    range.value = state.year == null ? range.min : String(state.year);
    showYear();
  }

  function setYear(year) {
    state.year = year;
    showYear();
    if (state.renderer) state.renderer.refresh({ skipIndexation: true });
    if (state.selected) renderPanel(state.selected);
  }

  function showYear() {
    $("year-value").textContent = state.year == null ? t("allYears") : String(state.year);
    $("year").setAttribute("aria-valuetext", $("year-value").textContent);
  }

  function play() {
    const range = $("year");
    if (state.playTimer) { stopPlay(); return; }
    $("play").textContent = t("pause");
    $("play").setAttribute("aria-pressed", "true");
    let year = Number(range.min) + 1;
    const step = () => {
      if (year > Number(range.max)) { stopPlay(); return; }
      range.value = String(year);
      setYear(year);
      year += 1;
    };
    step();
    state.playTimer = window.setInterval(step, 900);
  }

  function stopPlay() {
    if (state.playTimer) window.clearInterval(state.playTimer);
    state.playTimer = null;
    $("play").textContent = t("play");
    $("play").setAttribute("aria-pressed", "false");
  }

  // --- selection, side panel and edge details -------------------------------------------------

  function relationOf(id) {
    return ((state.data && state.data.relations) || []).find((x) => x.id === id) || {};
  }

  function selectNode(node) {
    state.selected = node;
    setFocus(node);
    const panel = $("side-panel");
    if (!node) { panel.hidden = true; return; }
    renderPanel(node);
    panel.hidden = false;
  }

  function renderPanel(node) {
    const g = state.graph;
    const a = g.getNodeAttributes(node);
    const rows = [];
    g.forEachEdge(node, (edge, e, source, target) => {
      if (!ROLE_RELATIONS.includes(e.relation) && e.relation !== "member_of") return;
      const other = source === node ? target : source;
      for (const f of e.facts) {
        rows.push({ year: f.year, relation: e.relation, other: other, fact: f });
      }
    });
    rows.sort((x, y) => (y.year || 0) - (x.year || 0) ||
      ROLE_RELATIONS.concat(["member_of"]).indexOf(x.relation) -
      ROLE_RELATIONS.concat(["member_of"]).indexOf(y.relation));
    const body = rows.length ? `<table class="panel-roles"><caption>${esc(t("rolesByYear"))}</caption>` +
      rows.map((r) => `<tr${state.year != null && r.year !== state.year ? ' class="dim"' : ""}>` +
        `<td>${esc(r.year == null ? "" : r.year)}</td>` +
        `<td class="rel-${esc(r.relation)}">${esc(relationOf(r.relation)["label_" + state.lang] || r.relation)}` +
        `${r.fact.inferred ? ` <em>(${esc(t("inferred"))})</em>` : ""}</td>` +
        `<td><a href="${esc(g.getNodeAttribute(r.other, "href"))}">${esc(g.getNodeAttribute(r.other, "label"))}</a></td>` +
        `<td><a href="${esc(factHref(r.fact.fact))}">${esc(t("source"))}</a></td></tr>`).join("") +
      "</table>" : `<p class="hint">${esc(t("noRoles"))}</p>`;
    $("side-panel-body").innerHTML =
      `<h2><a href="${esc(a.href)}">${esc(a.label)}</a></h2>` +
      `<p class="kind">${esc(a["class_" + state.lang] || a.kind)} · <a href="${esc(a.href)}">${esc(t("open"))} →</a></p>` + body;
  }

  function factHref(fact) {
    // Edge ids start with the fact's path under /id/ ("fact/<source>/<name>").
    return (app.dataset.idBase || "/id/") + fact;
  }

  async function factDetails(fact) {
    if (state.factCache[fact]) return state.factCache[fact];
    const response = await fetch(app.dataset.factApi + "?fact=" + encodeURIComponent(fact) +
      "&lang=" + state.lang, { headers: { Accept: "application/json" } });
    const data = response.ok ? await response.json() : null;
    state.factCache[fact] = data;
    return data;
  }

  async function showEdge(edge, pinned) {
    const g = state.graph;
    const e = g.getEdgeAttributes(edge);
    const tip = $("tooltip");
    const rel = relationOf(e.relation)["label_" + state.lang] || e.relation;
    const head = `<strong>${esc(g.getNodeAttribute(g.source(edge), "label"))}</strong> — ${esc(rel)} — ` +
      `<strong>${esc(g.getNodeAttribute(g.target(edge), "label"))}</strong>`;
    const years = e.years.length ? `<div class="kind">${esc(t("yearLabel"))}: ${esc(e.years.join(", "))}</div>` : "";
    tip.innerHTML = head + years;
    tip.dataset.edge = edge;
    tip.classList.toggle("pinned", !!pinned);
    const s = g.getNodeAttributes(g.source(edge));
    const d = g.getNodeAttributes(g.target(edge));
    const pos = state.renderer.graphToViewport({ x: (s.x + d.x) / 2, y: (s.y + d.y) / 2 });
    tip.style.left = `${Math.max(0, Math.min(pos.x + 14, container.clientWidth - 300))}px`;
    tip.style.top = `${pos.y + 14}px`;
    tip.hidden = false;
    const facts = e.facts.filter((f) => f.fact.startsWith("fact/")).slice(0, 6);
    if (!facts.length) return;
    const details = await Promise.all(facts.map((f) => factDetails(f.fact).catch(() => null)));
    if (tip.dataset.edge !== edge) return;
    tip.innerHTML = head + years + details.map((x, i) => x ? `<div class="edge-fact">` +
      `<a href="${esc(factHref(facts[i].fact))}">${esc(x.label)}</a>` +
      (x.quote ? `<blockquote lang="vi">“${esc(x.quote)}”</blockquote>` : "") +
      (x.source ? `<div class="kind">${esc(t("source"))}: <a href="${esc(x.source.href)}">${esc(x.source.title || "")}</a></div>` : "") +
      `</div>` : "").join("");
  }

  // --- controls ---------------------------------------------------------------------------

  function fillControls() {
    const select = $("cluster");
    const chosen = state.filters.cluster;
    select.innerHTML = `<option value="">${esc(t("allClusters"))}</option>` +
      state.data.clusters.map((c) => {
        const slug = c.id.split("/").pop();
        return `<option value="${esc(slug)}">${esc(labelOf(c))}</option>`;
      }).join("");
    // The filter may name the cluster by IRI, slug or words: select the one the API resolved.
    const resolved = (state.data.filters.clusters || [])[0];
    select.value = resolved ? resolved.split("/").pop() : chosen;
    const years = state.data.years || [];
    for (const id of ["from", "to"]) {
      const input = $(id);
      input.value = state.filters[id] || "";
      if (years.length) { input.placeholder = String(id === "from" ? years[0] : years[1]); }
    }
    const box = $("types");
    box.innerHTML = `<legend>${esc(t("types"))}</legend>` + state.data.node_types.map((x) => {
      const on = !state.filters.types.length || state.filters.types.includes(x.id);
      return `<label><input type="checkbox" name="type" value="${esc(x.id)}"${on ? " checked" : ""}>` +
        `<span class="swatch" data-color="${esc(x.color)}"></span>${esc(x["label_" + state.lang])}</label>`;
    }).join("");
    paintSwatches(box);
    fillYears();
    const download = $("download");
    const p = apiParams();
    p.set("format", "gexf");
    p.set("lang", state.lang);
    download.href = app.dataset.exportApi + "?" + p.toString();
  }

  function readControls() {
    const all = Array.from(document.querySelectorAll('#types input[name="type"]'));
    const on = all.filter((x) => x.checked).map((x) => x.value);
    state.filters = {
      cluster: $("cluster").value, from: $("from").value.trim(), to: $("to").value.trim(),
      types: on.length === all.length ? [] : on,
    };
  }

  function applyLanguage() {
    app.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    });
    document.querySelectorAll(".lang-switch button").forEach((b) => {
      b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang));
    });
    if (state.graph) {
      state.graph.updateEachNodeAttributes((node, a) =>
        Object.assign(a, { label: a["label_" + state.lang] || a.label_vi }));
      fillControls();
      renderLegend();
      setStatus("ready", statusText(), state.data.count);
    }
    if (state.timeline) renderTimeline();
  }

  function showView(view) {
    state.view = view;
    document.querySelectorAll(".tabs button").forEach((b) => {
      b.setAttribute("aria-selected", String(b.dataset.view === view));
    });
    $("network-view").hidden = view !== "network";
    $("timeline-view").hidden = view !== "timeline";
    writeQuery();
    if (view === "timeline") {
      if (state.data) loadTimeline();
    } else if (state.renderer) {
      state.renderer.resize();
      state.renderer.refresh();
    }
  }

  // --- search -----------------------------------------------------------------------------

  function clearSearch() {
    state.matches = null;
    $("search-results").hidden = true;
    if (state.renderer) state.renderer.refresh({ skipIndexation: true });
  }

  function search(query) {
    const list = $("search-results");
    const q = fold(query.trim());
    if (!q || !state.graph) { clearSearch(); return []; }
    const hits = [];
    state.graph.forEachNode((node, a) => { if (a.search.includes(q)) hits.push(node); });
    hits.sort((x, y) => state.graph.getNodeAttribute(y, "degree") -
      state.graph.getNodeAttribute(x, "degree"));
    state.matches = new Set(hits);
    list.innerHTML = hits.length ? hits.slice(0, 15).map((node) => {
      const a = state.graph.getNodeAttributes(node);
      const kind = (state.data.node_types.find((x) => x.id === a.kind) || {})["label_" + state.lang];
      return `<li><button type="button" data-node="${esc(node)}">${esc(a.label)}` +
        `<span class="kind">${esc(kind || a.kind)}</span></button></li>`;
    }).join("") : `<li><button type="button" disabled>${esc(t("noMatch"))}</button></li>`;
    list.hidden = false;
    state.renderer.refresh({ skipIndexation: true });
    return hits;
  }

  function focusNode(node) {
    const display = state.renderer.getNodeDisplayData(node);
    setFocus(node);
    if (display) {
      state.renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 },
        { duration: 350 }).then(() => showTooltip(node, true));
    }
    $("search-results").hidden = true;
  }

  // --- timeline ---------------------------------------------------------------------------

  async function loadTimeline() {
    const target = $("timeline");
    const cluster = state.filters.cluster;
    $("timeline-view").querySelector(".hint").hidden = !!cluster;
    if (!cluster) { state.timeline = null; target.innerHTML = ""; return; }
    try {
      const response = await fetch(app.dataset.timelineApi + "?cluster=" + encodeURIComponent(cluster));
      const data = await response.json();
      if (!response.ok) throw new Error(data.message || response.statusText);
      state.timeline = data;
    } catch (err) {
      target.innerHTML = `<p class="status" data-state="error">${esc(t("error"))}: ${esc(err.message)}</p>`;
      return;
    }
    renderTimeline();
  }

  function relationLabel(id) {
    const r = ((state.data && state.data.relations) || []).find((x) => x.id === id);
    if (id === "member_of") return t("member");
    return r ? r["label_" + state.lang] : id;
  }

  function renderTimeline() {
    const tl = state.timeline;
    const target = $("timeline");
    if (!tl) { target.innerHTML = ""; return; }
    if (!tl.rows.length) { target.innerHTML = `<p>${esc(t("noTimeline"))}</p>`; return; }
    const head = `<tr><th scope="col">${esc(t("unit"))}</th>` +
      tl.years.map((y) => `<th scope="col">${y}</th>`).join("") + "</tr>";
    const body = tl.rows.map((row) => {
      const cells = tl.years.map((y) => {
        const marks = row.cells[String(y)] || [];
        const shown = marks.filter((m, i) => m.relation !== "member_of" || i === 0);
        return `<td data-year="${y}">` + shown.map((m) =>
          `<span class="mark ${esc(m.relation)}${m.inferred ? " inferred" : ""}" ` +
          `data-relation="${esc(m.relation)}" data-inferred="${m.inferred}" ` +
          `title="${esc(relationLabel(m.relation))}${m.inferred ? " (" + esc(t("inferred")) + ")" : ""}">` +
          `${MARKS[m.relation] || "•"}</span>` +
          (m.inferred ? `<span class="mark-note">${esc(t("inferred"))}</span>` : "")).join(" ") +
          "</td>";
      }).join("");
      return `<tr data-node="${esc(row.node)}"><th scope="row" class="${esc(row.type)}">` +
        `<a href="${esc(row.href)}">${esc(labelOf(row))}</a></th>${cells}</tr>`;
    }).join("");
    const legend = Object.keys(MARKS).map((r) =>
      `<span class="item"><span class="mark ${r}">${MARKS[r]}</span> ${esc(relationLabel(r))}</span>`).join("") +
      `<span class="item"><span class="mark chaired inferred">${MARKS.chaired}</span> ${esc(t("inferred"))}</span>`;
    target.innerHTML = `<table class="timeline-table" data-cluster="${esc(tl.cluster)}" ` +
      `data-rows="${tl.rows.length}"><caption><a href="${esc(tl.href)}">${esc(labelOf(tl))}</a></caption>` +
      `<thead>${head}</thead><tbody>${body}</tbody></table>` +
      `<p class="timeline-legend">${legend}</p>`;
  }

  // --- wiring -----------------------------------------------------------------------------

  function init() {
    readQuery();
    if (window.matchMedia("(max-width: 40em)").matches) {
      // A phone: the graph first; filters and legend open on demand.
      $("filters-box").open = false;
      $("legend-box").open = false;
    }
    applyLanguage();
    showView(state.view);
    $("filters").addEventListener("submit", (event) => {
      event.preventDefault();
      readControls();
      writeQuery();
      load();
    });
    $("reset").addEventListener("click", () => {
      state.filters = { cluster: "", from: "", to: "", types: [] };
      writeQuery();
      load();
    });
    $("cluster").addEventListener("change", () => {
      if (state.view === "timeline") { readControls(); writeQuery(); load(); }
    });
    document.querySelectorAll(".lang-switch button").forEach((b) => b.addEventListener("click", () => {
      state.lang = b.dataset.lang;
      document.cookie = "lang=" + state.lang + "; path=/; max-age=31536000; samesite=lax";
      document.documentElement.lang = state.lang;
      writeQuery();
      applyLanguage();
      if (state.selected) renderPanel(state.selected);
    }));
    document.querySelectorAll(".tabs button").forEach((b) =>
      b.addEventListener("click", () => showView(b.dataset.view)));
    const input = $("search");
    input.addEventListener("input", () => search(input.value));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        const hits = search(input.value);
        if (hits.length) focusNode(hits[0]);
      } else if (event.key === "Escape") {
        input.value = "";
        clearSearch();
      }
    });
    $("search-results").addEventListener("click", (event) => {
      const button = event.target.closest("button[data-node]");
      if (button) focusNode(button.dataset.node);
    });
    $("legend").addEventListener("click", toggleLegend);
    $("year").addEventListener("input", () => {
      stopPlay();
      const v = Number($("year").value);
      setYear(v < Number($("year").min) + 1 ? null : v);
    });
    $("play").addEventListener("click", play);
    $("side-panel-close").addEventListener("click", () => selectNode(null));
    load();
  }

  // For tests and the console: the graph, the renderer, and where a node is on the page.
  window.pbkgExplorer = {
    get graph() { return state.graph; },
    get renderer() { return state.renderer; },
    get data() { return state.data; },
    get selected() { return state.selected; },
    select(node) { selectNode(node); },
    setYear(year) { setYear(year); },
    showEdge(edge) { return showEdge(edge, true); },
    edgeMidpoint(edge) {
      const g = state.graph;
      const s = state.renderer.getNodeDisplayData(g.source(edge));
      const d = state.renderer.getNodeDisplayData(g.target(edge));
      const p = state.renderer.framedGraphToViewport({ x: (s.x + d.x) / 2, y: (s.y + d.y) / 2 });
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    centerOn(node, ratio) { // move the camera (no animation) so the node is at the centre
      const display = state.renderer.getNodeDisplayData(node);
      state.renderer.getCamera().setState({ x: display.x, y: display.y, ratio: ratio || 0.5 });
      state.renderer.refresh();
    },
    nodePosition(node) {
      const a = state.graph.getNodeAttributes(node);
      const p = state.renderer.graphToViewport({ x: a.x, y: a.y });
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
  };

  init();
})();
