/* aigraph's graph page. Every label reaches the document through textContent,
   setAttribute or vis-network's canvas, never as markup. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("aigraph-data").textContent);
  var UI = {
    en: {
      title: "AI summits knowledge graph", search: "Search by name (English or Korean)",
      classes: "Classes", resume: "Resume layout", freeze: "Freeze layout", fit: "Fit to screen",
      laying: "Laying out… ", counts: " nodes · ", edges: " edges", noMatch: "No match",
      facts: "Facts", namedIn: "Named in", records: "Details", evidence: "Evidence",
      vocabulary: "From the project's vocabulary", paragraph: function (n) { return "paragraph " + n; },
      wikidata: "Wikidata", close: "Close", source: "source", statuses: "Commitment status (edge colour)"
    },
    ko: {
      title: "AI 정상회의 지식 그래프", search: "이름으로 찾기 (한국어 또는 영어)",
      classes: "분류", resume: "배치 다시 시작", freeze: "배치 멈춤", fit: "화면에 맞추기",
      laying: "배치 중… ", counts: "개 노드 · ", edges: "개 간선", noMatch: "찾는 항목 없음",
      facts: "사실", namedIn: "언급된 곳", records: "세부 정보", evidence: "근거",
      vocabulary: "프로젝트 어휘에서", paragraph: function (n) { return n + "문단"; },
      wikidata: "위키데이터", close: "닫기", source: "출처", statuses: "약속 이행 상태 (간선 색)"
    }
  };
  var SHAPE_SYMBOL = {
    dot: "●", square: "■", diamond: "◆", star: "★", triangle: "▲", triangleDown: "▼", hexagon: "⬢"
  };
  var QID = /^Q[1-9][0-9]*$/;

  var state = { lang: UI[data.lang] ? data.lang : "en", hidden: new Set(), frozen: false,
                stableAt: null, panel: null };
  var nodeById = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var edgeById = new Map(data.edges.map(function (e) { return [e.id, e]; }));
  var classByIri = new Map(data.classes.map(function (c) { return [c.iri, c]; }));

  function t(key) { return UI[state.lang][key]; }
  function pick(texts) {
    if (!texts) { return ""; }
    return texts[state.lang] || texts[""] || texts.en || texts.ko || "";
  }
  function termLabel(iri) {
    var node = nodeById.get(iri);
    if (node) { return pick(node.labels); }
    return data.terms[iri] ? pick(data.terms[iri]) : iri;
  }
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (key === "text") { node.textContent = value; }
      else if (key === "class") { node.className = value; }
      else if (key.slice(0, 2) === "on") { node.addEventListener(key.slice(2), value); }
      else { node.setAttribute(key, value); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* ---- the network ---------------------------------------------------- */

  function darker(hex) {
    var n = parseInt(hex.slice(1), 16);
    var f = function (shift) { return Math.round(((n >> shift) & 255) * 0.7); };
    return "rgb(" + f(16) + "," + f(8) + "," + f(0) + ")";
  }
  function shortLabel(text, small) {
    /* Small nodes (statements) carry sentences: the canvas shows their start, the panel all. */
    return small && text.length > 28 ? text.slice(0, 26).trimEnd() + "…" : text;
  }
  function visNode(n) {
    var cls = classByIri.get(n.cls) || { colour: "#999999", shape: "dot", small: false, labels: {} };
    var item = {
      id: n.id, label: shortLabel(pick(n.labels), cls.small), title: pick(n.labels) + " · " + pick(cls.labels),
      shape: cls.shape, hidden: state.hidden.has(n.cls),
      color: { background: cls.colour, border: darker(cls.colour),
               highlight: { background: cls.colour, border: "#000" },
               hover: { background: cls.colour, border: "#000" } }
    };
    if (cls.small) { item.size = 7; item.font = { size: 13, color: "#555" }; }
    else { item.value = n.degree; }
    return item;
  }
  var large = data.nodes.length > 1000;
  /* Edges that join the same two nodes (a document's several kinds of commitment to one
     principle) bend apart, alternately to either side, so that each label can be read. */
  var curves = new Map();
  (function () {
    var pairs = new Map();
    data.edges.forEach(function (e) {
      var key = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
      if (!pairs.has(key)) { pairs.set(key, []); }
      pairs.get(key).push(e);
    });
    pairs.forEach(function (group) {
      if (group.length < 2 || large) { return; }
      group.forEach(function (e, k) {
        var clockwise = (k % 2 === 0) === (e.from < e.to);
        curves.set(e.id, { enabled: true, type: clockwise ? "curvedCW" : "curvedCCW",
                           roundness: 0.25 * (Math.floor(k / 2) + 1) });
      });
    });
  })();
  /* An edge labelled by a fulfilment status takes its status group's colour (ontology:
     aig:graphColour on the status scheme's top concepts). */
  var edgeGroups = data.edgeGroups || {};
  function visEdge(e) {
    var v = { id: e.id, from: e.from, to: e.to, label: pick(e.labels), title: pick(e.labels) };
    if (curves.has(e.id)) { v.smooth = curves.get(e.id); }
    var group = Object.prototype.hasOwnProperty.call(edgeGroups, e.relation) ? edgeGroups[e.relation] : null;
    if (group) {
      v.color = { color: group.colour, highlight: group.colour, hover: group.colour };
      v.width = 2.5;
      v.title = pick(e.labels) + " (" + pick(group.labels) + ")";
    }
    return v;
  }

  /* Fewer layout iterations as the graph grows, so a 2,000-node page settles in seconds. */
  var iterations = data.nodes.length <= 1000 ? 800 : data.nodes.length <= 5000 ? 200 : 100;
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: data.nodes.length <= 150 },
    nodes: {
      scaling: { min: 9, max: 34, label: { enabled: true, min: 14, max: 20, drawThreshold: 5 } },
      font: { face: "Noto Sans CJK KR, Noto Sans KR, sans-serif", size: 15, strokeWidth: 3, strokeColor: "#fff" },
      borderWidth: 1,
      widthConstraint: { maximum: 150 }
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      color: { color: "#b5b5c0", highlight: "#333", hover: "#555" },
      font: { face: "Noto Sans CJK KR, Noto Sans KR, sans-serif", size: 11, color: "#666",
              strokeWidth: 3, strokeColor: "#fff", align: "middle" },
      smooth: large ? false : { enabled: true, type: "continuous", roundness: 0.2 },
      width: 1
    },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -90, centralGravity: 0.015, springLength: 120,
                          springConstant: 0.05, avoidOverlap: 0.5 },
      stabilization: { enabled: true, iterations: iterations, updateInterval: 20, fit: true },
      minVelocity: 1.0
    },
    interaction: { hover: !large, tooltipDelay: 250, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                   navigationButtons: false, keyboard: false }
  });

  var physicsButton = document.getElementById("physics");
  function freeze() {
    network.setOptions({ physics: { enabled: false } });
    state.frozen = true;
    physicsButton.disabled = false;
    renderStatus();
    renderButtons();
  }
  /* Physics stays on after a resume (dragged nodes pull their neighbours) until frozen again. */
  function resume() {
    state.frozen = false;
    network.setOptions({ physics: { enabled: true } });
    network.startSimulation();
    renderButtons();
  }
  physicsButton.addEventListener("click", function () { if (state.frozen) { resume(); } else { freeze(); } });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });

  network.on("stabilizationProgress", function (p) {
    document.getElementById("status").textContent = t("laying") + Math.round(100 * p.iterations / p.total) + "%";
  });
  function settled() {
    if (state.stableAt !== null) { return; }
    state.stableAt = performance.now();
    freeze();
    document.body.setAttribute("data-layout", "stable");
  }
  network.once("stabilizationIterationsDone", settled);
  if (data.nodes.length === 0) { settled(); }

  /* ---- search --------------------------------------------------------- */

  function norm(text) { return (text || "").normalize("NFKC").toLocaleLowerCase(); }
  var index = data.nodes.map(function (n) {
    return { id: n.id, keys: [n.labels.en, n.labels.ko].concat(n.alt || []).map(norm) };
  });
  function search(query) {
    var q = norm(query.trim());
    if (!q) { return []; }
    var hits = [];
    index.forEach(function (entry) {
      var rank = 9;
      entry.keys.forEach(function (key) {
        if (key === q) { rank = Math.min(rank, 0); }
        else if (key.indexOf(q) === 0) { rank = Math.min(rank, 1); }
        else if (key.indexOf(" " + q) >= 0) { rank = Math.min(rank, 2); }
        else if (key.indexOf(q) > 0) { rank = Math.min(rank, 3); }
      });
      if (rank < 9) { hits.push({ id: entry.id, rank: rank, label: pick(nodeById.get(entry.id).labels) }); }
    });
    hits.sort(function (a, b) { return a.rank - b.rank || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1); });
    return hits.slice(0, 15);
  }
  var searchBox = document.getElementById("search");
  var resultsList = document.getElementById("search-results");
  var hits = [];
  function renderResults() {
    hits = search(searchBox.value);
    resultsList.replaceChildren();
    if (!searchBox.value.trim()) { resultsList.hidden = true; return; }
    if (!hits.length) { resultsList.appendChild(el("li", { text: t("noMatch") })); }
    hits.forEach(function (hit, i) {
      var node = nodeById.get(hit.id);
      resultsList.appendChild(el("li", {
        role: "option", "aria-selected": i === 0 ? "true" : "false", "data-id": hit.id,
        onmousedown: function (event) { event.preventDefault(); choose(hit.id); }
      }, [hit.label, el("span", { class: "cls", text: pick((classByIri.get(node.cls) || {}).labels) })]));
    });
    resultsList.hidden = false;
  }
  function choose(id) {
    resultsList.hidden = true;
    searchBox.value = pick(nodeById.get(id).labels);
    focusNode(id);
  }
  searchBox.addEventListener("input", renderResults);
  searchBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && hits.length) { event.preventDefault(); choose(hits[0].id); }
    if (event.key === "Escape") { resultsList.hidden = true; }
  });
  searchBox.addEventListener("blur", function () { resultsList.hidden = true; });

  function focusNode(id) {
    var node = nodeById.get(id);
    if (state.hidden.has(node.cls)) { setClassHidden(node.cls, false); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: false });
    showNode(id);
  }

  /* ---- legend and class filter ---------------------------------------- */

  function setClassHidden(iri, hidden) {
    if (hidden) { state.hidden.add(iri); } else { state.hidden.delete(iri); }
    var changes = data.nodes.filter(function (n) { return n.cls === iri; })
      .map(function (n) { return { id: n.id, hidden: hidden }; });
    nodes.update(changes);
    var box = document.querySelector('#legend-items input[data-class="' + CSS.escape(iri) + '"]');
    if (box) { box.checked = !hidden; }
    renderStatus();
  }
  function renderLegend() {
    var list = document.getElementById("legend-items");
    list.replaceChildren();
    data.classes.forEach(function (cls) {
      var count = data.nodes.filter(function (n) { return n.cls === cls.iri; }).length;
      var box = el("input", { type: "checkbox", "data-class": cls.iri });
      box.checked = !state.hidden.has(cls.iri);
      box.addEventListener("change", function () { setClassHidden(cls.iri, !box.checked); });
      var swatch = el("span", { class: "swatch", text: SHAPE_SYMBOL[cls.shape] || "●" });
      swatch.style.color = cls.colour;
      list.appendChild(el("li", {}, [el("label", {}, [box, swatch, pick(cls.labels),
        el("span", { class: "count", text: String(count) })])]));
    });
    renderStatusLegend();
  }
  /* The colours of the commitment statuses, with how many edges each colours. */
  function renderStatusLegend() {
    var list = document.getElementById("legend-status");
    var title = document.getElementById("legend-status-title");
    list.replaceChildren();
    var groups = new Map();
    data.edges.forEach(function (e) {
      if (!Object.prototype.hasOwnProperty.call(edgeGroups, e.relation)) { return; }
      var g = edgeGroups[e.relation];
      var entry = groups.get(g.group) || { group: g, count: 0 };
      entry.count += 1;
      groups.set(g.group, entry);
    });
    var entries = Array.from(groups.values()).sort(function (a, b) { return a.group.order - b.group.order; });
    title.hidden = list.hidden = entries.length === 0;
    title.textContent = t("statuses");
    entries.forEach(function (entry) {
      var swatch = el("span", { class: "swatch line", text: "━" });
      swatch.style.color = entry.group.colour;
      list.appendChild(el("li", { "data-status": entry.group.group }, [swatch, pick(entry.group.labels),
        el("span", { class: "count", text: String(entry.count) })]));
    });
  }

  /* ---- the side panel -------------------------------------------------- */

  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true; state.panel = null; network.unselectAll();
  });

  function valueOf(fact) {
    if (fact.iri === undefined) { return document.createTextNode(pick(fact.text)); }
    if (nodeById.has(fact.iri)) {
      return el("button", { type: "button", class: "link", "data-node": fact.iri, text: termLabel(fact.iri),
                            onclick: function () { focusNode(fact.iri); } });
    }
    return document.createTextNode(termLabel(fact.iri));
  }
  function sourceText(iri) {
    var source = data.sources[iri] || {};
    var parts = [pick(source.title), pick(source.publisher), source.date, source.url].filter(Boolean);
    return (parts.length ? parts : [pick(source.label) || iri]).join(" · ");
  }
  function evidenceList(evidence) {
    if (!evidence || !evidence.length) { return el("p", { class: "src", text: t("vocabulary") }); }
    return el("ul", { class: "evidence" }, evidence.map(function (item) {
      var text = sourceText(item.source) + (item.paragraph ? " · " + t("paragraph")(item.paragraph) : "");
      var attrs = { "data-source": item.source, text: text };
      if (item.paragraph) { attrs["data-paragraph"] = String(item.paragraph); }
      return el("li", attrs);
    }));
  }
  function factsTable(facts, withSources) {
    return el("table", {}, [el("tbody", {}, facts.map(function (fact) {
      var cell = el("td", {}, [valueOf(fact)]);
      if (withSources && fact.sources && fact.sources.length) {
        cell.appendChild(el("div", { class: "src", text: fact.sources.map(sourceText).join("; ") }));
      }
      return el("tr", {}, [el("td", { text: termLabel(fact.p) }), cell]);
    }))]);
  }
  function recordBox(iri) {
    var record = data.records[iri];
    if (!record) { return null; }
    return el("section", { class: "record", "data-record": iri }, [
      el("div", { class: "kind", text: record.cls ? termLabel(record.cls) : "" }),
      el("h4", { text: pick(record.labels) }),
      record.description ? el("p", { text: pick(record.description) }) : null,
      record.facts.length ? factsTable(record.facts, false) : null,
      evidenceList(record.evidence)
    ]);
  }
  function heading(labels, clsIri) {
    var cls = classByIri.get(clsIri);
    var other = state.lang === "en" ? labels.ko : labels.en;
    var badge = null;
    if (cls) {
      badge = el("span", { class: "badge", text: pick(cls.labels) });
      badge.style.background = cls.colour;
    }
    return [el("h2", { text: pick(labels) }), other && other !== pick(labels) ? el("p", { class: "other", text: other }) : null, badge];
  }
  function showNode(id) {
    var node = nodeById.get(id);
    var parts = heading(node.labels, node.cls);
    if (node.wikidata && QID.test(node.wikidata)) {
      parts.push(el("p", {}, [t("wikidata") + ": ", el("a", {
        href: "https://www.wikidata.org/wiki/" + node.wikidata, target: "_blank", rel: "noopener noreferrer",
        "data-wikidata": node.wikidata, text: node.wikidata })]));
    }
    if (node.description) { parts.push(el("p", { text: pick(node.description) })); }
    if (node.facts.length) { parts.push(el("h3", { text: t("facts") }), factsTable(node.facts, true)); }
    if (node.evidence.length) { parts.push(el("h3", { text: t("namedIn") }), evidenceList(node.evidence)); }
    if (node.records.length) {
      parts.push(el("h3", { text: t("records") }));
      node.records.forEach(function (iri) { parts.push(recordBox(iri)); });
    }
    parts.push(el("p", { class: "iri", text: id }));
    openPanel({ node: id }, parts);
  }
  function showEdge(id) {
    var edge = edgeById.get(id);
    var parts = [el("h2", { text: pick(edge.labels) }), el("p", {}, [
      valueOf({ iri: edge.from }), " → ", valueOf({ iri: edge.to })])];
    parts.push(el("h3", { text: edge.records.length ? t("records") : t("evidence") }));
    if (edge.records.length) { edge.records.forEach(function (iri) { parts.push(recordBox(iri)); }); }
    else { parts.push(evidenceList(edge.evidence)); }
    parts.push(el("p", { class: "iri", text: edge.relation }));
    openPanel({ edge: id }, parts);
  }
  function openPanel(what, parts) {
    state.panel = what;
    panelBody.replaceChildren.apply(panelBody, parts.filter(Boolean));
    panel.setAttribute("data-shows", what.node || what.edge);
    panel.hidden = false;
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  /* ---- language and status --------------------------------------------- */

  function renderButtons() {
    physicsButton.textContent = state.frozen ? t("resume") : t("freeze");
  }
  function visibleCounts() {
    var shown = data.nodes.filter(function (n) { return !state.hidden.has(n.cls); });
    var ids = new Set(shown.map(function (n) { return n.id; }));
    var links = data.edges.filter(function (e) { return ids.has(e.from) && ids.has(e.to); });
    return { nodes: shown.length, edges: links.length };
  }
  function renderStatus() {
    if (state.stableAt === null) { return; }
    var counts = visibleCounts();
    document.getElementById("status").textContent = counts.nodes + t("counts") + counts.edges + t("edges");
  }
  function setLang(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    document.title = t("title");
    document.getElementById("page-title").textContent = t("title");
    document.getElementById("legend-title").textContent = t("classes");
    document.getElementById("fit").textContent = t("fit");
    document.getElementById("panel-close").setAttribute("aria-label", t("close"));
    searchBox.placeholder = t("search");
    searchBox.setAttribute("aria-label", t("search"));
    ["en", "ko"].forEach(function (l) {
      document.getElementById("lang-" + l).setAttribute("aria-pressed", l === lang ? "true" : "false");
    });
    nodes.update(data.nodes.map(function (n) { var v = visNode(n); return { id: v.id, label: v.label, title: v.title }; }));
    edges.update(data.edges.map(function (e) { var v = visEdge(e); return { id: v.id, label: v.label, title: v.title }; }));
    renderLegend();
    renderButtons();
    renderStatus();
    if (state.panel && state.panel.node) { showNode(state.panel.node); }
    if (state.panel && state.panel.edge) { showEdge(state.panel.edge); }
    if (!resultsList.hidden) { renderResults(); }
  }
  ["en", "ko"].forEach(function (l) {
    document.getElementById("lang-" + l).addEventListener("click", function () { setLang(l); });
  });
  setLang(state.lang);

  window.aigraph = { network: network, nodes: nodes, edges: edges, data: data, state: state,
                     focusNode: focusNode, setLang: setLang, setClassHidden: setClassHidden };
}());
