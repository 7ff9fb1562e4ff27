/* aigraph's graph page. Every label reaches the document through textContent,
   setAttribute or vis-network's canvas, never as markup.

   The drawing is placed when the page is built (aigraph.layout): nodes carry x and y,
   physics is off until asked for. What is shown is the view (focus, depth, expanded
   nodes) and the filters; both live in the URL fragment (see README, "The graph page"). */
(function () {
  "use strict";

  var timing = { script: performance.now() };
  var data = JSON.parse(document.getElementById("aigraph-data").textContent);
  timing.parsed = performance.now();
  /* The payload leaves out empty lists and missing values (aigraph.viz): put them back. */
  data.nodes.forEach(function (n) {
    ["facts", "evidence", "records", "alt", "src"].forEach(function (k) { if (!n[k]) { n[k] = []; } });
  });
  data.edges.forEach(function (e) {
    ["evidence", "records", "src"].forEach(function (k) { if (!e[k]) { e[k] = []; } });
  });
  var UI = {
    en: {
      title: "AI summits knowledge graph", search: "Search by name (English or Korean)",
      classes: "Classes", resume: "Resume layout", freeze: "Freeze layout", fit: "Fit to screen",
      counts: " nodes · ", edges: " edges", noMatch: "No match",
      facts: "Facts", namedIn: "Named in", records: "Details", evidence: "Evidence", sources: "Sources",
      vocabulary: "From the project's vocabulary", paragraph: function (n) { return "paragraph " + n; },
      paragraphs: "Paragraphs", supports: "Says", open: "open",
      wikidata: "Wikidata", close: "Close", source: "source", statuses: "Commitment status (edge colour)",
      focusTitle: "Focus", depth: "Depth", expand: "Expand", back: "Back", showAll: "Show all",
      dim: "Show the rest dimmed", relations: "Relations", filters: "Filters", summit: "Summit",
      anySummit: "All summits", time: "Dated between", source1: "Source", anySource: "All sources",
      multi: "Only facts with two or more sources", stories: "Stories…", step: function (k, n) { return "Step " + k + " of " + n; },
      prev: "Previous", next: "Next", endStory: "Close the story", unknown: "Not in this graph: ",
      allRelations: "all", noRelations: "none",
      more: function (n) { return "Show " + n + " more"; }
    },
    ko: {
      title: "AI 정상회의 지식 그래프", search: "이름으로 찾기 (한국어 또는 영어)",
      classes: "분류", resume: "배치 다시 시작", freeze: "배치 멈춤", fit: "화면에 맞추기",
      counts: "개 노드 · ", edges: "개 간선", noMatch: "찾는 항목 없음",
      facts: "사실", namedIn: "언급된 곳", records: "세부 정보", evidence: "근거", sources: "출처",
      vocabulary: "프로젝트 어휘에서", paragraph: function (n) { return n + "문단"; },
      paragraphs: "문단", supports: "전하는 사실", open: "열기",
      wikidata: "위키데이터", close: "닫기", source: "출처", statuses: "약속 이행 상태 (간선 색)",
      focusTitle: "초점", depth: "깊이", expand: "넓히기", back: "뒤로", showAll: "모두 보기",
      dim: "나머지를 흐리게 보기", relations: "관계", filters: "거르기", summit: "정상회의",
      anySummit: "모든 정상회의", time: "날짜 범위", source1: "출처", anySource: "모든 출처",
      multi: "출처가 둘 이상인 사실만", stories: "이야기…", step: function (k, n) { return n + "단계 중 " + k + "단계"; },
      prev: "이전", next: "다음", endStory: "이야기 닫기", unknown: "이 그래프에 없음: ",
      allRelations: "모두", noRelations: "없음",
      more: function (n) { return n + "개 더 보기"; }
    }
  };
  var SHAPE_SYMBOL = {
    dot: "●", square: "■", diamond: "◆", star: "★", triangle: "▲", triangleDown: "▼", hexagon: "⬢"
  };
  /* The node shapes as sub-paths of radius r around (x, y), for nodes drawn too small for
     vis-network's own drawing to matter (see main: large graphs); they are only filled,
     which closes each sub-path. */
  function polygon(corners, turn, inner) {
    var at = [];
    for (var k = 0; k < corners; k++) {
      var angle = turn + 2 * Math.PI * k / corners, d = inner && k % 2 ? inner : 1;
      at.push(d * Math.sin(angle), -d * Math.cos(angle));
    }
    return function (ctx, x, y, r) {
      ctx.moveTo(x + r * at[0], y + r * at[1]);
      for (var k = 2; k < at.length; k += 2) { ctx.lineTo(x + r * at[k], y + r * at[k + 1]); }
    };
  }
  var PATHS = {
    dot: function (ctx, x, y, r) { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI); },
    square: function (ctx, x, y, r) { ctx.rect(x - r, y - r, 2 * r, 2 * r); },
    diamond: polygon(4, 0),
    triangle: polygon(3, 0),
    triangleDown: polygon(3, Math.PI),
    hexagon: polygon(6, Math.PI / 6),
    star: polygon(10, 0, 0.45)
  };
  var QID = /^Q[1-9][0-9]*$/;
  var WEB = /^https?:\/\/[^\s]+$/i;
  var BASE = "https://w3id.org/aigraph/";
  var SUMMIT = BASE + "ontology#Summit";
  var LABELLED = [SUMMIT, BASE + "ontology#Document", BASE + "ontology#Session"];
  var DIM = 0.12;
  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };

  var nodeById = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var edgeById = new Map(data.edges.map(function (e) { return [e.id, e]; }));
  var classByIri = new Map(data.classes.map(function (c) { return [c.iri, c]; }));
  var rules = data.rules || {};
  var stories = data.stories || [];
  var backbone = data.backbone || [];

  function defaultFilters() {
    return { hide: new Set(), rels: null, summit: null, from: "", to: "", source: null, multi: false };
  }
  var state = { lang: UI[data.lang] ? data.lang : "en", frozen: true, stableAt: null, panel: null,
                view: { focus: [], depth: 1, expand: [], dim: false }, filters: defaultFilters(),
                story: null, past: [] };
  state.hidden = state.filters.hide;

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
  function webLink(url, text) {
    /* Only http and https addresses become links; they open in a new tab. */
    if (!url || !WEB.test(url)) { return null; }
    return el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: text || url });
  }

  /* ---- short keys for the URL fragment --------------------------------- */

  function tail(iri) {
    var s = iri.replace(/[#\/]+$/, "");
    return s.slice(Math.max(s.lastIndexOf("/"), s.lastIndexOf("#")) + 1);
  }
  /* Each IRI gets the last part of its path when no other IRI of its kind shares it,
     else its path after the project's base (or the whole IRI). */
  function keyMaps(iris) {
    var count = new Map();
    iris.forEach(function (iri) { var k = tail(iri); count.set(k, (count.get(k) || 0) + 1); });
    var toKey = new Map(), toIri = new Map();
    iris.forEach(function (iri) {
      var k = count.get(tail(iri)) === 1 ? tail(iri) : (iri.indexOf(BASE) === 0 ? iri.slice(BASE.length) : iri);
      toKey.set(iri, k); toIri.set(k, iri);
      toIri.set(iri, iri);
      if (iri.indexOf(BASE) === 0) { toIri.set(iri.slice(BASE.length), iri); }
    });
    return { key: function (iri) { return toKey.get(iri) || iri; },
             iri: function (key) { return toIri.has(key) ? toIri.get(key) : null; } };
  }
  var nodeKeys = keyMaps(data.nodes.map(function (n) { return n.id; }));
  var ruleKeys = keyMaps(Object.keys(rules));
  var classKeys = keyMaps(data.classes.map(function (c) { return c.iri; }));
  var sourceKeys = keyMaps(Object.keys(data.sources));
  var storyById = new Map(stories.map(function (s) { return [s.id, s]; }));

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
  /* Node size: by degree (the number of edges drawn at the node), 8 px plus up to 24 px
     growing with the square root of degree / the largest degree; summits are 42 px.
     Labels: summits, documents, sessions and the most connected nodes get large labels,
     legible at the overview; the others appear as one zooms in (drawThreshold). */
  var large = data.nodes.length > 1000;
  /* Above 1,000 nodes only the large labels are made with the drawing; the others are
     added, for the nodes in view, once the view is zoomed in far enough to show them
     (making and measuring 10^4 labels would take seconds before the first drawing). */
  var lazyLabels = large;
  var withLabel = new Set();
  var maxDegree = data.nodes.reduce(function (m, n) { return Math.max(m, n.degree); }, 1);
  var hubs = new Set(data.nodes.slice().sort(function (a, b) {
    return b.degree - a.degree || (a.id < b.id ? -1 : 1);
  }).slice(0, Math.min(25, Math.ceil(data.nodes.length / 10))).map(function (n) { return n.id; }));
  /* Colour and shape come from the node's class, as a vis-network group: one set of
     options per class rather than per node, so 10^4 nodes are made quickly. */
  var groups = {};
  data.classes.forEach(function (cls) {
    groups[cls.iri] = { shape: cls.shape,
                        color: { background: cls.colour, border: darker(cls.colour),
                                 highlight: { background: cls.colour, border: "#000" },
                                 hover: { background: cls.colour, border: "#000" } } };
  });
  function visNode(n) {
    var cls = classByIri.get(n.cls) || { small: false, labels: {} };
    var item = { id: n.id, x: n.x, y: n.y, title: pick(n.labels) + " · " + pick(cls.labels), group: n.cls };
    var big = n.cls === SUMMIT || hubs.has(n.id) || LABELLED.indexOf(n.cls) >= 0;
    if (!lazyLabels || big || withLabel.has(n.id)) {
      item.label = shortLabel(pick(n.labels), cls.small);
      withLabel.add(n.id);
    }
    if (n.cls === SUMMIT) { item.size = 44; item.font = { size: 46, color: "#8b0000" }; item.borderWidth = 2; item.widthConstraint = { maximum: 700 }; }
    else if (cls.small) { item.size = 7; item.font = { size: 13, color: "#555" }; }
    else {
      item.size = 8 + 24 * Math.sqrt(n.degree / maxDegree);
      if (hubs.has(n.id) || LABELLED.indexOf(n.cls) >= 0) { item.font = { size: 36 }; item.widthConstraint = { maximum: 560 }; }
    }
    if (item.widthConstraint) { bigLabels.set(n.id, { font: item.font, width: item.widthConstraint.maximum }); }
    return item;
  }
  /* The large labels, as made for the overview. Zoomed in (a focused view of a few nodes),
     they are drawn at most BIG_LABEL_MAX px high on screen, or they would cover one
     another: vis-network's scaling.label.maxVisible does not make the text it draws any
     smaller, so capBigLabels makes the font smaller, and its wrapping width with it. */
  var BIG_LABEL_MAX = 20;
  var bigLabels = new Map();
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
  var EDGE_COLOUR = { color: "#b5b5c0", highlight: "#333", hover: "#555" };
  function visEdge(e) {
    /* Above 1,000 nodes edges carry no label on the canvas (their title and the panel name
       them): at that size the labels cannot be read, and measuring them slows every drawing. */
    var v = { id: e.id, from: e.from, to: e.to };
    if (!large) { v.label = v.title = pick(e.labels); }
    if (curves.has(e.id)) { v.smooth = curves.get(e.id); }
    var group = has(edgeGroups, e.relation) ? edgeGroups[e.relation] : null;
    if (group) {
      v.color = { color: group.colour, highlight: group.colour, hover: group.colour };
      v.width = 2.5;
      v.title = pick(e.labels) + " (" + pick(group.labels) + ")";
    }
    return v;
  }

  /* ---- a first drawing of large graphs --------------------------------- */

  /* Above 1,000 nodes vis-network takes seconds to make its objects. Before it starts,
     every node and edge is drawn at its place on a plain canvas (class colours, sizes by
     degree), and the browser shows it; the canvas goes once vis-network has drawn. */
  var container = document.getElementById("network");
  function preview() {
    var canvas = document.createElement("canvas");
    var width = container.clientWidth || 800, height = container.clientHeight || 600;
    var ratio = window.devicePixelRatio || 1;
    canvas.id = "preview";
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.cssText = "position:absolute;left:0;top:0;width:" + width + "px;height:" + height + "px";
    container.appendChild(canvas);
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    data.nodes.forEach(function (n) {
      x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
    });
    var scale = Math.min(width / (x1 - x0 + 180), height / (y1 - y0 + 180), 1.2);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * (width / 2 - scale * (x0 + x1) / 2),
                     ratio * (height / 2 - scale * (y0 + y1) / 2));
    ctx.strokeStyle = "#b5b5c0";
    ctx.lineWidth = 1 / scale;
    ctx.beginPath();
    data.edges.forEach(function (e) {
      var a = nodeById.get(e.from), b = nodeById.get(e.to);
      if (a && b) { ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); }
    });
    ctx.stroke();
    var byColour = new Map();
    data.nodes.forEach(function (n) {
      var colour = (classByIri.get(n.cls) || { colour: "#999999" }).colour;
      if (!byColour.has(colour)) { byColour.set(colour, []); }
      byColour.get(colour).push(n);
    });
    byColour.forEach(function (list, colour) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      list.forEach(function (n) {
        var r = n.cls === SUMMIT ? 44 : 8 + 24 * Math.sqrt(n.degree / maxDegree);
        ctx.moveTo(n.x + r, n.y);
        ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
      });
      ctx.fill();
    });
    timing.preview = performance.now();
    return canvas;
  }
  var previewCanvas = null;
  if (large) {
    previewCanvas = preview();
    document.body.setAttribute("data-layout", "preview");
    /* two frames: the preview is painted before vis-network takes the main thread */
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { timing.previewShown = performance.now(); setTimeout(main, 0); });
    });
  } else {
    main();
  }

  function main() {
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  timing.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    groups: groups,
    layout: { randomSeed: 7, improvedLayout: false },
    nodes: {
      scaling: { label: { enabled: false, drawThreshold: 9 } },
      font: { face: "Noto Sans CJK KR, Noto Sans KR, sans-serif", size: 14, strokeWidth: 4, strokeColor: "#fff" },
      borderWidth: large ? 0 : 1,  // one stroke less per node at 10^4 nodes
      widthConstraint: large ? false : { maximum: 220 }  // splitting 10^4 labels into lines takes seconds
    },
    edges: {
      arrows: { to: { enabled: !large, scaleFactor: 0.45 } },
      color: EDGE_COLOUR,
      font: { face: "Noto Sans CJK KR, Noto Sans KR, sans-serif", size: 11, color: "#666",
              strokeWidth: 3, strokeColor: "#fff", align: "middle" },
      scaling: { label: { drawThreshold: 8 } },
      smooth: false,  // straight edges draw fastest; pairs of edges between two nodes bend apart (curves)
      width: 1
    },
    physics: {
      enabled: false,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -90, centralGravity: 0.015, springLength: 120,
                          springConstant: 0.05, avoidOverlap: 0.5 },
      stabilization: { enabled: false },
      minVelocity: 1.0
    },
    interaction: { hover: !large, tooltipDelay: 250, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                   navigationButtons: false, keyboard: false }
  });

  timing.network = performance.now();

  /* One drawing per action. vis-network answers each change of its items ("_dataUpdated",
     sent by every DataSet update) by re-reading every edge's ends, the clusters and the
     value ranges, then, with physics off, by drawing the whole graph at once, and again
     on the next frame: two or three full drawings per focus or filter, each ~0.1 s at
     10^4 nodes. While the page changes what is shown (quietly), those events are held;
     at the end the page updates the lists of visible items once and asks for one drawing,
     on the next frame. The page adds and removes no items, and uses no clusters or values. */
  var emit = network.body.emitter.emit;
  var holding = 0, held = {};
  var HELD = { _dataUpdated: true, _dataChanged: true, _redraw: true };
  network.body.emitter.emit = function (name) {
    if (holding && HELD[name] === true) { held[name] = true; return; }
    return emit.apply(this, arguments);
  };
  function quietly(change) {
    holding += 1;
    try { return change(); }
    finally {
      holding -= 1;
      if (!holding) {
        var what = held;
        held = {};
        if (what._dataChanged) { emit("_dataChanged"); }
        else if (what._dataUpdated) {
          visibleIndices();
          if (!state.frozen) { emit("startSimulation"); }
        }
        if (what._dataChanged || what._dataUpdated || what._redraw) { emit("_requestRedraw"); }
      }
    }
  }

  /* Above 1,000 nodes edges are straight, without arrows or labels: the ones drawn alike
     (same colour, opacity and width) are drawn as one path, not one path each, with the
     colour worked out once (vis-network works each edge's options out twice per drawing,
     once for its line and once for its arrows). Selected edges (those of the picked node)
     take the highlight colour and the wider line, as vis-network draws them, after the
     others; hovered edges, loops and anything else out of the ordinary are drawn by
     vis-network, last. */
  if (large) {
    network.renderer._drawEdges = function (ctx) {
      var all = network.body.edges, ids = network.body.edgeIndices;
      var plain = new Map(), picked = new Map(), alone = [];
      for (var i = 0; i < ids.length; i++) {
        var e = all[ids[i]];
        if (e.connected !== true) { continue; }
        var o = e.options, c = o.color, look = e.plainLook;
        /* how the edge is drawn, worked out again when its colour, width, label or
           selection changes (the page changes nothing else of an edge) */
        if (!look || look.colour !== c.color || look.opacity !== c.opacity || look.width !== o.width ||
            look.label !== o.label || look.selected !== e.selected) {
          var odd = e.fromId === e.toId || c.inherit !== false || o.smooth.enabled || o.dashes ||
            o.shadow.enabled || o.label !== null && o.label !== undefined ||
            o.arrows.to.enabled || o.arrows.from.enabled || o.arrows.middle.enabled ||
            e.selected && (e.chooser !== true || typeof o.selectionWidth !== "number");
          var colour = e.selected ? c.highlight : c.color;
          var width = e.selected ? o.width + o.selectionWidth : o.width;
          e.plainLook = look = { colour: c.color, opacity: c.opacity, width: o.width, label: o.label,
                                 selected: e.selected, odd: odd, stroke: colour, lineWidth: width,
                                 key: colour + " " + c.opacity + " " + width };
        }
        if (look.odd || e.hover) { alone.push(e); continue; }
        var batches = e.selected ? picked : plain;
        var batch = batches.get(look.key);
        if (!batch) {
          batch = { colour: look.stroke, opacity: look.opacity, width: look.lineWidth, edges: [] };
          batches.set(look.key, batch);
        }
        batch.edges.push(e);
      }
      var scale = network.body.view.scale;
      var stroke = function (batch) {
        ctx.beginPath();
        batch.edges.forEach(function (e) { ctx.moveTo(e.from.x, e.from.y); ctx.lineTo(e.to.x, e.to.y); });
        ctx.strokeStyle = batch.colour;
        ctx.globalAlpha = batch.opacity === undefined ? 1 : batch.opacity;
        ctx.lineWidth = Math.max(batch.width, 0.3 / scale);  // vis-network's thinnest line
        ctx.stroke();
      };
      plain.forEach(stroke);
      picked.forEach(stroke);
      ctx.globalAlpha = 1;
      alone.forEach(function (e) { e.draw(ctx); });
      drawnAlone = alone;
    };
    /* arrows, only for the edges that may have them */
    var drawnAlone = [];
    network.renderer._drawArrows = function (ctx) {
      drawnAlone.forEach(function (e) { e.drawArrows(ctx); });
    };
    /* Nodes drawn under 3 px across and without a label at this zoom (every node of the
       overview) are filled alike too, one path per shape, colour and opacity; vis-network
       draws the others (selected, hovered, bordered, labelled, larger ones). Each node
       drawn here keeps the box vis-network finds it by (clicks), renewed when it moves or
       changes. */
    var drawNodes = network.renderer._drawNodes;
    /* the largest zoom at which a node is drawn here: under 3 px across, its label (if
       any) not shown, and nothing vis-network would add (border, shadow, another shape) */
    var plainUntil = function (node) {
      var o = node.options;
      if (o.borderWidth > 0 || o.shadow.enabled || !has(PATHS, o.shape)) { return 0; }
      var until = 1.5 / o.size;
      if (o.label !== undefined && o.label !== null) {
        until = Math.min(until, (o.scaling.label.drawThreshold - 1) / node.labelModule.fontOptions.size);
      }
      return until;
    };
    network.renderer._drawNodes = function (ctx, always) {
      if (always === true) { return drawNodes.call(network.renderer, ctx, always); }
      var scale = network.body.view.scale, all = network.body.nodes, ids = network.body.nodeIndices;
      var a = network.DOMtoCanvas({ x: -20, y: -20 });
      var b = network.DOMtoCanvas({ x: container.clientWidth + 20, y: container.clientHeight + 20 });
      var area = { top: a.y, left: a.x, bottom: b.y, right: b.x };
      var alike = new Map(), alone = [], selected = [], hovered = [], labels = [];
      for (var i = 0; i < ids.length; i++) {
        var node = all[ids[i]];
        if (node.hover) { hovered.push(node); continue; }
        if (node.selected) { selected.push(node); continue; }
        var o = node.options, box = node.plainBox;
        if (box && box.label === o.label && box.size === o.size && box.opacity === o.opacity && box.until <= scale) {
          box = null;  // drawn by vis-network
        } else if (!box || box.x !== node.x || box.y !== node.y || box.label !== o.label || box.size !== o.size ||
                   box.opacity !== o.opacity) {
          var until = plainUntil(node);
          if (until <= scale) {
            node.plainBox = { x: NaN, label: o.label, size: o.size, opacity: o.opacity, until: until };
            box = null;
          } else {
            /* what vis-network's own drawing leaves behind: the size, the box, the corner */
            node.resize(ctx);
            node.updateBoundingBox(ctx, false);
            node.shape.left = node.x - node.shape.width / 2;
            node.shape.top = node.y - node.shape.height / 2;
            var opacity = o.opacity === undefined || o.opacity === null ? 1 : o.opacity;
            node.plainBox = box = { x: node.x, y: node.y, label: o.label, size: o.size, opacity: o.opacity,
                                    until: until, shape: o.shape, colour: o.color.background, alpha: opacity,
                                    key: o.shape + " " + o.color.background + " " + opacity };
          }
        }
        if (!box) {
          if (node.isBoundingBoxOverlappingWith(area)) { alone.push(node); }
          else { node.updateBoundingBox(ctx, node.selected); }
          continue;
        }
        if (!node.isBoundingBoxOverlappingWith(area)) { continue; }
        var batch = alike.get(box.key);
        if (!batch) {
          batch = { path: PATHS[box.shape], colour: box.colour, alpha: box.alpha, nodes: [] };
          alike.set(box.key, batch);
        }
        batch.nodes.push(node);
      }
      alike.forEach(function (batch) {
        ctx.beginPath();
        batch.nodes.forEach(function (node) { batch.path(ctx, node.x, node.y, node.options.size); });
        ctx.fillStyle = batch.colour;
        ctx.globalAlpha = batch.alpha;
        ctx.fill();
      });
      ctx.globalAlpha = 1;
      alone.concat(selected, hovered).forEach(function (node) {
        var drawn = node.draw(ctx);
        if (drawn && drawn.drawExternalLabel) { labels.push(drawn.drawExternalLabel); }
      });
      return { drawExternalLabels: function () { labels.forEach(function (draw) { draw(); }); } };
    };
  }

  var physicsButton = document.getElementById("physics");
  function freeze() {
    network.setOptions({ physics: { enabled: false } });
    state.frozen = true;
    renderButtons();
  }
  /* Physics is an option: the positions come with the page. Once resumed, dragged nodes
     pull their neighbours until frozen again. */
  function resume() {
    state.frozen = false;
    network.setOptions({ physics: { enabled: true } });
    network.startSimulation();
    renderButtons();
  }
  physicsButton.addEventListener("click", function () { if (state.frozen) { resume(); } else { freeze(); } });
  document.getElementById("fit").addEventListener("click", function () { fitView(); });

  function labelsInView() {
    if (!lazyLabels || network.getScale() < 0.5) { return; }
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    var add = [];
    data.nodes.forEach(function (n) {
      if (withLabel.has(n.id) || n.x < a.x || n.x > b.x || n.y < a.y || n.y > b.y) { return; }
      withLabel.add(n.id);
      add.push({ id: n.id, label: shortLabel(pick(n.labels), (classByIri.get(n.cls) || {}).small) });
    });
    if (add.length) { quietly(function () { nodes.update(add); }); }
  }
  /* Caps the large labels in view (and restores those drawn smaller) for the zoom shown. */
  function capBigLabels() {
    var scale = network.getScale(), change = [];
    var a = network.DOMtoCanvas({ x: -200, y: -200 });
    var b = network.DOMtoCanvas({ x: container.clientWidth + 200, y: container.clientHeight + 200 });
    bigLabels.forEach(function (made, id) {
      var n = nodeById.get(id), now = network.body.nodes[id].options.font.size;
      /* a label drawn as made is left so while out of view */
      if (now === made.font.size && (n.x < a.x || n.x > b.x || n.y < a.y || n.y > b.y)) { return; }
      var size = Math.min(made.font.size, BIG_LABEL_MAX / scale);
      if (size === now) { return; }
      change.push({ id: id, font: Object.assign({}, made.font, { size: size }),
                    widthConstraint: { maximum: made.width * size / made.font.size } });
    });
    if (change.length) { quietly(function () { nodes.update(change); }); }
  }
  network.on("zoom", function () { labelsInView(); capBigLabels(); });
  network.on("dragEnd", function () { labelsInView(); capBigLabels(); });
  network.once("afterDrawing", function () {
    state.stableAt = timing.drawn = performance.now();
    if (previewCanvas) { previewCanvas.remove(); }
    physicsButton.disabled = false;
    document.body.setAttribute("data-layout", "stable");
    renderStatus();
    /* Once the page is drawn, before the first action: what the filters allow, and one
       pass (changing nothing) over what each action goes through, so that the first
       action runs code the browser has already compiled. */
    setTimeout(function () {
      var focusOn = state.view.focus.length > 0 || state.view.expand.length > 0;
      restyle(allowed(), focusOn && state.view.dim);
      visibleIndices();
    }, 0);
  });

  /* ---- what is shown: filters and focus ------------------------------- */

  var adjacency = new Map(data.nodes.map(function (n) { return [n.id, []]; }));
  data.edges.forEach(function (e) {
    if (adjacency.has(e.from)) { adjacency.get(e.from).push(e); }
    if (adjacency.has(e.to)) { adjacency.get(e.to).push(e); }
  });
  function month(date) { return (date || "").slice(0, 7); }
  var months = Array.from(new Set(data.nodes.map(function (n) { return month(n.date); })
    .filter(Boolean))).sort();

  /* The filters, as README "The graph page" defines them:
     class: hides the nodes of a class; relation: draws only edges of the kinds kept, and
     only nodes that keep an edge; summit: the summit's part of the graph (payload
     "summits"); time: dated nodes (events by start, texts by issue) within the months,
     with the undated nodes joined to them; source: what one source says (the nodes it
     names, the edges it gives evidence for); two or more sources: edges whose evidence
     comes from at least two sources, and nodes named by two or more. */
  function filtered() {
    var f = state.filters;
    var timeOn = !!(f.from || f.to);
    var inTime = null;
    if (timeOn) {
      inTime = new Set();
      data.nodes.forEach(function (n) {
        var m = month(n.date);
        if (m && (!f.from || m >= f.from) && (!f.to || m <= f.to)) { inTime.add(n.id); }
      });
      var dated = Array.from(inTime);
      dated.forEach(function (id) {
        adjacency.get(id).forEach(function (e) {
          var other = e.from === id ? e.to : e.from;
          if (!nodeById.get(other).date) { inTime.add(other); }
        });
      });
    }
    var okNode = new Set();
    data.nodes.forEach(function (n) {
      if (f.hide.has(n.cls)) { return; }
      if (f.summit !== null && !(n.summits && n.summits.indexOf(f.summit) >= 0)) { return; }
      if (inTime && !inTime.has(n.id)) { return; }
      okNode.add(n.id);
    });
    var srcOn = f.source !== null || f.multi;
    var edgeOn = srcOn || f.rels !== null;
    function srcOK(list) {
      return (f.source === null || list.indexOf(f.source) >= 0) && (!f.multi || list.length >= 2);
    }
    var okEdge = new Set(), ends = new Set();
    data.edges.forEach(function (e) {
      if (!okNode.has(e.from) || !okNode.has(e.to)) { return; }
      if (f.rels !== null && !f.rels.has(e.rule)) { return; }
      if (srcOn && !srcOK(e.src || [])) { return; }
      okEdge.add(e.id); ends.add(e.from); ends.add(e.to);
    });
    if (edgeOn) {
      okNode.forEach(function (id) {
        if (ends.has(id)) { return; }
        if (srcOn && f.rels === null && srcOK(nodeById.get(id).src || [])) { return; }
        okNode.delete(id);
      });
    }
    return { nodes: okNode, edges: okEdge };
  }
  /* The focus: the focused nodes, the nodes within depth edges of them (either way round,
     through what the filters keep), and the neighbours of each expanded node. */
  function focused(ok) {
    var v = state.view;
    var seen = new Set(v.focus);
    var level = v.focus.slice();
    for (var d = 0; d < v.depth && level.length; d++) {
      var next = [];
      level.forEach(function (id) {
        adjacency.get(id).forEach(function (e) {
          if (!ok.edges.has(e.id)) { return; }
          var other = e.from === id ? e.to : e.from;
          if (!seen.has(other)) { seen.add(other); next.push(other); }
        });
      });
      level = next;
    }
    v.expand.forEach(function (id) {
      seen.add(id);
      adjacency.get(id).forEach(function (e) {
        if (ok.edges.has(e.id)) { seen.add(e.from === id ? e.to : e.from); }
      });
    });
    var shownEdges = new Set();
    seen.forEach(function (id) {
      adjacency.get(id).forEach(function (e) {
        if (ok.edges.has(e.id) && seen.has(e.from) && seen.has(e.to)) { shownEdges.add(e.id); }
      });
    });
    return { nodes: seen, edges: shownEdges };
  }
  var shown = { nodes: new Set(data.nodes.map(function (n) { return n.id; })),
                edges: new Set(data.edges.map(function (e) { return e.id; })) };
  /* The filters' answer is kept until the filters change: focusing, expanding and going
     back reuse it. */
  var allowedFor = null, allowedNow = null;
  function allowed() {
    var f = state.filters, sorted = function (set) { return Array.from(set).sort().join("\u0000"); };
    var key = [sorted(f.hide), f.rels === null ? "*" : sorted(f.rels), f.summit, f.from, f.to, f.source, f.multi]
      .join("\u0001");
    if (key !== allowedFor) { allowedNow = filtered(); allowedFor = key; }
    return allowedNow;
  }
  /* How each node and edge is drawn now, by its place in data.nodes or data.edges, next to
     the network's own item (vis-network's objects, made once and kept). */
  var HIDE = 0, SHOW = 1, DIMMED = 2;
  var nodeLook = new Uint8Array(data.nodes.length).fill(SHOW);
  var edgeLook = new Uint8Array(data.edges.length).fill(SHOW);
  var nodeAt = new Map(data.nodes.map(function (n, i) { return [n.id, i]; }));
  var edgeEnds = data.edges.map(function (e) {
    return [nodeAt.has(e.from) ? nodeAt.get(e.from) : -1, nodeAt.has(e.to) ? nodeAt.get(e.to) : -1];
  });
  var visNodes = data.nodes.map(function (n) { return network.body.nodes[n.id]; });
  var visEdges = data.edges.map(function (e) { return network.body.edges[e.id]; });
  /* vis-network's lists of the items it draws (what its "_updateVisibleIndices" makes, in
     the same order), from the page's own record of what is hidden. */
  function visibleIndices() {
    var nodeIds = [], edgeIds = [];
    for (var i = 0; i < data.nodes.length; i++) {
      if (nodeLook[i] !== HIDE) { nodeIds.push(data.nodes[i].id); }
    }
    for (var j = 0; j < data.edges.length; j++) {
      var ends = edgeEnds[j];
      if (edgeLook[j] !== HIDE && ends[0] >= 0 && ends[1] >= 0 && nodeLook[ends[0]] !== HIDE &&
          nodeLook[ends[1]] !== HIDE) { edgeIds.push(data.edges[j].id); }
    }
    network.body.nodeIndices = nodeIds;
    network.body.edgeIndices = edgeIds;
  }

  /* Hidden, dimmed or shown: set on the network's own items, only for those that change
     (the caller then has what is drawn updated once, quietly); a DataSet update per item
     would re-read every option of every node, seconds for 10^4 nodes. Dimming goes through
     the DataSets (opacity), only for the items that change. Says whether any changed. */
  function restyle(ok, dim) {
    var nodeDim = [], edgeDim = [], changed = false, want, was, i, id;
    for (i = 0; i < data.nodes.length; i++) {
      id = data.nodes[i].id;
      want = shown.nodes.has(id) ? SHOW : dim && ok.nodes.has(id) ? DIMMED : HIDE;
      was = nodeLook[i];
      if (was === want) { continue; }
      nodeLook[i] = want;
      visNodes[i].options.hidden = want === HIDE;
      changed = true;
      if (want === DIMMED || was === DIMMED) { nodeDim.push({ id: id, opacity: want === DIMMED ? DIM : 1 }); }
    }
    for (i = 0; i < data.edges.length; i++) {
      id = data.edges[i].id;
      want = shown.edges.has(id) ? SHOW : dim && ok.edges.has(id) ? DIMMED : HIDE;
      was = edgeLook[i];
      if (was === want) { continue; }
      edgeLook[i] = want;
      visEdges[i].options.hidden = want === HIDE;
      changed = true;
      if (want === DIMMED || was === DIMMED) {
        var base = edges.get(id).color;
        var colour = Object.assign({}, base && base.color ? base : EDGE_COLOUR, { opacity: want === DIMMED ? DIM : 1 });
        edgeDim.push({ id: id, color: colour });
      }
    }
    if (nodeDim.length) { nodes.update(nodeDim); }
    if (edgeDim.length) { edges.update(edgeDim); }
    return changed;
  }

  var labelThreshold = 9;
  function applyView(fit) { quietly(function () { showView(fit); }); }
  function showView(fit) {
    var ok = allowed();
    var focusOn = state.view.focus.length > 0 || state.view.expand.length > 0;
    shown = focusOn ? focused(ok) : ok;
    if (restyle(ok, focusOn && state.view.dim)) { held._dataUpdated = true; }
    /* A focused view of up to 150 nodes labels every node (on graphs of up to 1,000 nodes,
       where changing a global option is quick); the overview labels only the large ones. */
    var threshold = !large && focusOn && shown.nodes.size <= 150 ? 1 : 9;
    if (threshold !== labelThreshold) {
      labelThreshold = threshold;
      network.setOptions({ nodes: { scaling: { label: { drawThreshold: threshold } } } });
    }
    syncControls();
    renderStatus();
    writeHash();
    if (fit) { fitView(); }
  }
  /* Fits the view to the shown nodes from their positions. vis-network's own fit first
     re-measures every node of the graph (label and shape), a second at 10^4 nodes. */
  function fitView() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    shown.nodes.forEach(function (id) {
      var p = network.body.nodes[id];
      if (!p) { return; }
      x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y);
    });
    if (x0 === Infinity) { return; }
    var margin = 90;  // room for the largest nodes and their labels
    var width = container.clientWidth || 800, height = container.clientHeight || 600;
    var scale = Math.min(width / (x1 - x0 + 2 * margin), height / (y1 - y0 + 2 * margin), 1.2);
    network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale, animation: false });
    labelsInView();
    capBigLabels();
  }
  function remember() {
    state.past.push(fragment());
    if (state.past.length > 100) { state.past.shift(); }
  }
  function focusOn(ids, depth) {
    remember();
    state.view.focus = ids.filter(function (id) { return nodeById.has(id); });
    state.view.expand = [];
    if (depth) { state.view.depth = depth; }
    applyView(true);
    if (state.view.focus.length) {
      network.selectNodes([state.view.focus[0]]);
      showNode(state.view.focus[0]);
    }
  }
  function expand(id) {
    if (!nodeById.has(id)) { return; }
    remember();
    if (!state.view.focus.length) { state.view.focus = [id]; }
    else if (state.view.expand.indexOf(id) < 0 && state.view.focus.indexOf(id) < 0) { state.view.expand.push(id); }
    else if (state.view.focus.indexOf(id) >= 0) { state.view.depth = Math.min(3, state.view.depth + 1); }
    applyView(true);
  }
  function back() {
    if (!state.past.length) { return; }
    restore(state.past.pop(), false);
  }
  function showAll() {
    remember();
    state.view.focus = []; state.view.expand = [];
    state.story = null;
    applyView(true);
  }

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

  /* Picking a node (search, click, a link in the panel) focuses its neighbourhood. */
  function focusNode(id) {
    var node = nodeById.get(id);
    if (state.filters.hide.has(node.cls)) { state.filters.hide.delete(node.cls); }
    focusOn([id]);
  }

  /* ---- legend and filters ------------------------------------------------ */

  function setClassHidden(iri, hidden) {
    remember();
    if (hidden) { state.filters.hide.add(iri); } else { state.filters.hide.delete(iri); }
    applyView(false);
  }
  function countBy(items, key) {
    var counts = new Map();
    items.forEach(function (item) { var k = key(item); counts.set(k, (counts.get(k) || 0) + 1); });
    return counts;
  }
  var classCounts = countBy(data.nodes, function (n) { return n.cls; });
  var ruleCounts = countBy(data.edges, function (e) { return e.rule; });
  function renderLegend() {
    var list = document.getElementById("legend-items");
    list.replaceChildren();
    data.classes.forEach(function (cls) {
      var box = el("input", { type: "checkbox", "data-class": cls.iri });
      box.addEventListener("change", function () { setClassHidden(cls.iri, !box.checked); });
      var swatch = el("span", { class: "swatch", text: SHAPE_SYMBOL[cls.shape] || "●" });
      swatch.style.color = cls.colour;
      list.appendChild(el("li", {}, [el("label", {}, [box, swatch, pick(cls.labels),
        el("span", { class: "count", text: String(classCounts.get(cls.iri) || 0) })])]));
    });
    var rels = document.getElementById("rel-items");
    rels.replaceChildren();
    Object.keys(rules).sort(function (a, b) {
      return (ruleCounts.get(b) || 0) - (ruleCounts.get(a) || 0) || (a < b ? -1 : 1);
    }).forEach(function (iri) {
      var box = el("input", { type: "checkbox", "data-rule": iri });
      box.addEventListener("change", function () { setRuleShown(iri, box.checked); });
      rels.appendChild(el("li", {}, [el("label", {}, [box, pick(rules[iri]),
        el("span", { class: "count", text: String(ruleCounts.get(iri) || 0) })])]));
    });
    var summit = document.getElementById("summit");
    summit.replaceChildren(el("option", { value: "", text: t("anySummit") }));
    backbone.forEach(function (iri, i) {
      summit.appendChild(el("option", { value: String(i), text: termLabel(iri) }));
    });
    ["time-from", "time-to"].forEach(function (id) {
      var select = document.getElementById(id);
      select.replaceChildren(el("option", { value: "", text: "…" }));
      months.forEach(function (m) { select.appendChild(el("option", { value: m, text: m })); });
    });
    var source = document.getElementById("source");
    source.replaceChildren(el("option", { value: "", text: t("anySource") }));
    var sourceCounts = new Map();
    data.edges.concat(data.nodes).forEach(function (item) {
      (item.src || []).forEach(function (s) { sourceCounts.set(s, (sourceCounts.get(s) || 0) + 1); });
    });
    Object.keys(data.sources).filter(function (s) { return sourceCounts.has(s); })
      .map(function (s) { return { iri: s, name: sourceName(s) }; })
      .sort(function (a, b) { return a.name.localeCompare(b.name) || (a.iri < b.iri ? -1 : 1); })
      .forEach(function (s) {
        source.appendChild(el("option", { value: s.iri, text: s.name + " (" + sourceCounts.get(s.iri) + ")" }));
      });
    var stories_ = document.getElementById("stories");
    stories_.replaceChildren(el("option", { value: "", text: t("stories") }));
    stories.forEach(function (s) { stories_.appendChild(el("option", { value: s.id, text: pick(s.title) })); });
    stories_.hidden = stories.length === 0;
    renderStatusLegend();
    syncControls();
  }
  function setRuleShown(iri, shownNow) {
    remember();
    var f = state.filters;
    if (f.rels === null) { f.rels = new Set(Object.keys(rules)); }
    if (shownNow) { f.rels.add(iri); } else { f.rels.delete(iri); }
    if (f.rels.size === Object.keys(rules).length) { f.rels = null; }
    applyView(false);
  }
  function syncControls() {
    var f = state.filters;
    document.querySelectorAll("#legend-items input[data-class]").forEach(function (box) {
      box.checked = !f.hide.has(box.getAttribute("data-class"));
    });
    document.querySelectorAll("#rel-items input[data-rule]").forEach(function (box) {
      box.checked = f.rels === null || f.rels.has(box.getAttribute("data-rule"));
    });
    document.getElementById("summit").value = f.summit === null ? "" : String(f.summit);
    document.getElementById("time-from").value = f.from;
    document.getElementById("time-to").value = f.to;
    document.getElementById("source").value = f.source || "";
    document.getElementById("multi").checked = f.multi;
    document.getElementById("depth").value = String(state.view.depth);
    document.getElementById("dim").checked = state.view.dim;
    document.getElementById("back").disabled = state.past.length === 0;
    document.getElementById("show-all").disabled = !state.view.focus.length && !state.view.expand.length;
    document.getElementById("stories").value = state.story ? state.story.id : "";
  }
  function onFilter(id, event, change) {
    document.getElementById(id).addEventListener(event, function (ev) {
      remember(); change(ev.target); applyView(false);
    });
  }
  onFilter("summit", "change", function (s) { state.filters.summit = s.value === "" ? null : Number(s.value); });
  onFilter("time-from", "change", function (s) { state.filters.from = s.value; });
  onFilter("time-to", "change", function (s) { state.filters.to = s.value; });
  onFilter("source", "change", function (s) { state.filters.source = s.value || null; });
  onFilter("multi", "change", function (s) { state.filters.multi = s.checked; });
  onFilter("dim", "change", function (s) { state.view.dim = s.checked; });
  document.getElementById("depth").addEventListener("change", function (ev) {
    remember(); state.view.depth = Number(ev.target.value); applyView(true);
  });
  document.getElementById("expand").addEventListener("click", function () {
    var selected = network.getSelectedNodes();
    var id = selected.length ? selected[0] : state.panel && state.panel.node;
    if (id) { expand(id); }
  });
  document.getElementById("back").addEventListener("click", back);
  document.getElementById("show-all").addEventListener("click", showAll);

  /* The colours of the commitment statuses, with how many edges each colours. */
  function renderStatusLegend() {
    var list = document.getElementById("legend-status");
    var title = document.getElementById("legend-status-title");
    list.replaceChildren();
    var groups = new Map();
    data.edges.forEach(function (e) {
      if (!has(edgeGroups, e.relation)) { return; }
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
    /* An address outside the project's and the vocabularies' names (a framework's PDF, a
       page that a source points to) is a link; a term of a vocabulary is its label. */
    var outside = !/^https?:\/\/(w3id\.org\/aigraph\/|schema\.org\/|www\.w3\.org\/|purl\.org\/|www\.wikidata\.org\/)/.test(fact.iri);
    return (outside && webLink(fact.iri, termLabel(fact.iri))) || document.createTextNode(termLabel(fact.iri));
  }
  function sourceName(iri) {
    var source = data.sources[iri] || {};
    return pick(source.publisher) || pick(source.title) || pick(source.label) || iri;
  }
  /* One panel cites each source once: facts and evidence carry a number [n] that
     points to the panel's list of sources, where the source has its name, date, link
     and the paragraphs and facts it supports. */
  function Citations() { this.order = []; this.bySource = new Map(); }
  Citations.prototype.cite = function (iri, paragraph, what) {
    var entry = this.bySource.get(iri);
    if (!entry) {
      entry = { iri: iri, n: this.order.length + 1, paragraphs: new Set(), says: [] };
      this.bySource.set(iri, entry); this.order.push(entry);
    }
    if (paragraph) { entry.paragraphs.add(paragraph); }
    if (what && entry.says.indexOf(what) < 0) { entry.says.push(what); }
    return entry.n;
  };
  Citations.prototype.list = function () {
    return el("ol", { class: "sources" }, this.order.map(function (entry) {
      var source = data.sources[entry.iri] || {};
      var title = pick(source.title) || pick(source.label) || entry.iri;
      var line = [el("span", { class: "ref", text: "[" + entry.n + "] " }), el("strong", { text: title })];
      var meta = [pick(source.publisher), source.date].filter(Boolean).join(" · ");
      if (meta && meta !== title) { line.push(" · " + meta); }
      var link = webLink(source.url, hostOf(source.url) + " ↗");
      if (link) { line.push(" · ", link); }
      var paragraphs = Array.from(entry.paragraphs).sort(function (a, b) { return a - b; });
      return el("li", { "data-source": entry.iri, value: String(entry.n) }, [
        el("div", {}, line),
        paragraphs.length ? el("div", { class: "src", text: t("paragraphs") + ": " + paragraphs.join(", ") }) : null,
        entry.says.length ? el("div", { class: "src", text: t("supports") + ": " + entry.says.join("; ") }) : null
      ]);
    }));
  };
  function hostOf(url) {
    var m = /^https?:\/\/([^\/?#]+)/i.exec(url || "");
    return m ? m[1].replace(/^www\./, "") : "";
  }
  function refMark(n, paragraph) {
    return el("span", { class: "ref", text: "[" + n + (paragraph ? " ¶" + paragraph : "") + "]" });
  }
  function evidenceList(evidence, cites, what) {
    if (!evidence || !evidence.length) { return el("p", { class: "src", text: t("vocabulary") }); }
    return el("ul", { class: "evidence" }, evidence.map(function (item) {
      var n = cites.cite(item.source, item.paragraph, what);
      var source = data.sources[item.source] || {};
      var text = [sourceName(item.source), source.date].filter(Boolean).join(" · ") +
        (item.paragraph ? " · " + t("paragraph")(item.paragraph) : "");
      var attrs = { "data-source": item.source };
      if (item.paragraph) { attrs["data-paragraph"] = String(item.paragraph); }
      return el("li", attrs, [refMark(n), " " + text]);
    }));
  }
  function factsTable(facts, cites) {
    return el("table", {}, [el("tbody", {}, facts.map(function (fact) {
      var cell = el("td", {}, [valueOf(fact)]);
      (fact.sources || []).forEach(function (s) {
        cell.appendChild(document.createTextNode(" "));
        cell.appendChild(refMark(cites.cite(s, 0, termLabel(fact.p))));
      });
      return el("tr", {}, [el("td", { text: termLabel(fact.p) }), cell]);
    }))]);
  }
  function recordBox(iri, cites) {
    var record = data.records[iri];
    if (!record) { return null; }
    return el("section", { class: "record", "data-record": iri }, [
      el("div", { class: "kind", text: record.cls ? termLabel(record.cls) : "" }),
      el("h4", { text: pick(record.labels) }),
      record.description ? el("p", { text: pick(record.description) }) : null,
      record.facts.length ? factsTable(record.facts, cites) : null,
      evidenceList(record.evidence, cites, pick(record.labels))
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
    var cites = new Citations();
    var parts = heading(node.labels, node.cls);
    if (node.wikidata && QID.test(node.wikidata)) {
      parts.push(el("p", {}, [t("wikidata") + ": ", el("a", {
        href: "https://www.wikidata.org/wiki/" + node.wikidata, target: "_blank", rel: "noopener noreferrer",
        "data-wikidata": node.wikidata, text: node.wikidata })]));
    }
    if (node.description) { parts.push(el("p", { text: pick(node.description) })); }
    if (node.facts.length) { parts.push(el("h3", { text: t("facts") }), factsTable(node.facts, cites)); }
    if (node.evidence.length) { parts.push(el("h3", { text: t("namedIn") }), evidenceList(node.evidence, cites, t("namedIn"))); }
    if (node.records.length) {
      /* A hub names a hundred records or more: the first 30 are written at once, the rest
         on demand, so that picking it stays quick. */
      var all = state.panel && state.panel.node === id && state.panel.all;
      var records = all ? node.records : node.records.slice(0, 30);
      parts.push(el("h3", { text: t("records") + " (" + node.records.length + ")" }));
      records.forEach(function (iri) { parts.push(recordBox(iri, cites)); });
      if (records.length < node.records.length) {
        parts.push(el("button", { type: "button", class: "more", text: t("more")(node.records.length - records.length),
          onclick: function () { state.panel.all = true; showNode(id); } }));
      }
    }
    if (cites.order.length) { parts.push(el("h3", { text: t("sources") }), cites.list()); }
    parts.push(el("p", { class: "iri", text: id }));
    openPanel({ node: id, all: all }, parts);
  }
  function showEdge(id) {
    var edge = edgeById.get(id);
    var cites = new Citations();
    var parts = [el("h2", { text: pick(edge.labels) }), el("p", {}, [
      valueOf({ iri: edge.from }), " → ", valueOf({ iri: edge.to })])];
    parts.push(el("h3", { text: edge.records.length ? t("records") : t("evidence") }));
    if (edge.records.length) { edge.records.forEach(function (iri) { parts.push(recordBox(iri, cites)); }); }
    else { parts.push(evidenceList(edge.evidence, cites, pick(edge.labels))); }
    if (cites.order.length) { parts.push(el("h3", { text: t("sources") }), cites.list()); }
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
    if (params.nodes.length) { focusNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { expand(params.nodes[0]); }
  });

  /* ---- stories ---------------------------------------------------------- */

  var storyBox = document.getElementById("story");
  function playStory(id, step, record) {
    var story = storyById.get(id);
    if (!story || !story.steps.length) { return; }
    if (record) { remember(); }
    var k = Math.max(1, Math.min(story.steps.length, step || 1));
    var s = story.steps[k - 1];
    state.story = { id: id, step: k };
    state.filters = defaultFilters();
    state.hidden = state.filters.hide;
    if (s.view) { readFilters(parseFragment(s.view)); }
    state.view = { focus: (s.focus || []).filter(function (n) { return nodeById.has(n); }),
                   depth: s.depth || 1, expand: [], dim: state.view.dim };
    applyView(true);
    renderStory();
    if (state.view.focus.length) {
      network.selectNodes([state.view.focus[0]]);
      showNode(state.view.focus[0]);
    }
  }
  function renderStory() {
    var playing = state.story && storyById.get(state.story.id);
    storyBox.hidden = !playing;
    if (!playing) { return; }
    var k = state.story.step, n = playing.steps.length;
    document.getElementById("story-title").textContent = pick(playing.title);
    document.getElementById("story-count").textContent = t("step")(k, n);
    document.getElementById("story-text").textContent = pick(playing.steps[k - 1].text);
    /* What the step says comes from these sources (each fact of the step is in the graph). */
    var seen = new Set(), items = [];
    (playing.steps[k - 1].facts || []).forEach(function (fact) {
      fact.sources.forEach(function (iri) {
        if (seen.has(iri)) { return; }
        seen.add(iri);
        var source = data.sources[iri] || {};
        var name = has(data.sources, iri) ? sourceName(iri) : hostOf(iri) || iri;
        items.push(el("li", { "data-source": iri }, [webLink(source.url, name) || name]));
      });
    });
    document.getElementById("story-sources-title").textContent = t("sources");
    document.getElementById("story-sources").replaceChildren.apply(document.getElementById("story-sources"), items);
    document.getElementById("story-prev").disabled = k <= 1;
    document.getElementById("story-next").disabled = k >= n;
    storyBox.setAttribute("data-story", playing.id);
    storyBox.setAttribute("data-step", String(k));
  }
  document.getElementById("stories").addEventListener("change", function (ev) {
    if (ev.target.value) { playStory(ev.target.value, 1, true); }
  });
  document.getElementById("story-prev").addEventListener("click", function () {
    if (state.story) { playStory(state.story.id, state.story.step - 1, true); }
  });
  document.getElementById("story-next").addEventListener("click", function () {
    if (state.story) { playStory(state.story.id, state.story.step + 1, true); }
  });
  document.getElementById("story-close").addEventListener("click", function () {
    remember(); state.story = null; renderStory(); applyView(false);
  });

  /* ---- the URL fragment ------------------------------------------------- */

  function parseFragment(text) {
    var params = new Map();
    (text || "").replace(/^#/, "").split("&").forEach(function (part) {
      if (!part) { return; }
      var i = part.indexOf("=");
      var key = i < 0 ? part : part.slice(0, i);
      var value = i < 0 ? "" : part.slice(i + 1);
      try { params.set(decodeURIComponent(key), value); } catch (e) { /* a broken escape is ignored */ }
    });
    return params;
  }
  function listOf(value) {
    return (value || "").split(",").filter(Boolean).map(function (v) {
      try { return decodeURIComponent(v); } catch (e) { return ""; }
    });
  }
  function one(value) { return listOf(value)[0] || ""; }
  function readFilters(params) {
    var f = state.filters;
    if (params.has("hide")) {
      listOf(params.get("hide")).forEach(function (k) { var iri = classKeys.iri(k); if (iri) { f.hide.add(iri); } });
    }
    if (params.has("rel")) {
      f.rels = new Set(listOf(params.get("rel")).map(ruleKeys.iri).filter(Boolean));
    }
    if (params.has("summit")) {
      var s = nodeKeys.iri(one(params.get("summit")));
      f.summit = s !== null && backbone.indexOf(s) >= 0 ? backbone.indexOf(s) : null;
    }
    if (params.has("from")) { f.from = one(params.get("from")).slice(0, 7); }
    if (params.has("to")) { f.to = one(params.get("to")).slice(0, 7); }
    if (params.has("source")) { f.source = sourceKeys.iri(one(params.get("source"))); }
    if (params.has("multi")) { f.multi = params.get("multi") === "1"; }
  }
  /* Restores the state a fragment names: the language, the filters, then a story's step
     or a focus. Unknown names are reported in the status line and left out. */
  function restore(text, record) {
    var params = parseFragment(text);
    if (record) { remember(); }
    if (params.has("lang") && UI[one(params.get("lang"))] && one(params.get("lang")) !== state.lang) {
      setLang(one(params.get("lang")), true);
    }
    var story = params.has("story") ? one(params.get("story")) : "";
    if (story && storyById.has(story)) {
      playStory(story, parseInt(one(params.get("step")), 10) || 1, false);
      return;
    }
    state.story = null;
    renderStory();
    state.filters = defaultFilters();
    state.hidden = state.filters.hide;
    readFilters(params);
    var missing = [];
    function nodesOf(key) {
      return listOf(params.get(key)).map(function (k) {
        var iri = nodeKeys.iri(k);
        if (iri === null) { missing.push(k); }
        return iri;
      }).filter(Boolean);
    }
    var depth = parseInt(one(params.get("depth")), 10);
    state.view = { focus: nodesOf("focus"), depth: depth >= 1 && depth <= 3 ? depth : 1,
                   expand: nodesOf("expand"), dim: params.get("dim") === "1" };
    applyView(true);
    if (state.view.focus.length) {
      network.selectNodes([state.view.focus[0]]);
      showNode(state.view.focus[0]);
    } else if (!state.panel) {
      network.unselectAll();
    }
    if (missing.length) { document.getElementById("status").textContent = t("unknown") + missing.join(", "); }
  }
  function enc(values) { return values.map(encodeURIComponent).join(","); }
  function fragment() {
    var parts = [], f = state.filters, v = state.view;
    if (state.story) {
      parts.push("story=" + enc([state.story.id]), "step=" + state.story.step);
    } else {
      if (v.focus.length) { parts.push("focus=" + enc(v.focus.map(nodeKeys.key)), "depth=" + v.depth); }
      if (v.expand.length) { parts.push("expand=" + enc(v.expand.map(nodeKeys.key))); }
      if (v.dim) { parts.push("dim=1"); }
      if (f.hide.size) { parts.push("hide=" + enc(Array.from(f.hide).map(classKeys.key).sort())); }
      if (f.rels !== null) { parts.push("rel=" + enc(Array.from(f.rels).map(ruleKeys.key).sort())); }
      if (f.summit !== null) { parts.push("summit=" + enc([nodeKeys.key(backbone[f.summit])])); }
      if (f.from) { parts.push("from=" + enc([f.from])); }
      if (f.to) { parts.push("to=" + enc([f.to])); }
      if (f.source) { parts.push("source=" + enc([sourceKeys.key(f.source)])); }
      if (f.multi) { parts.push("multi=1"); }
    }
    parts.push("lang=" + state.lang);
    return parts.join("&");
  }
  var written = null;
  var ready = false;  // the fragment is written only once the page has read its own
  function writeHash() {
    if (!ready) { return; }
    var text = fragment();
    if (location.hash.replace(/^#/, "") === text) { written = text; return; }
    written = text;
    try { history.replaceState(null, "", "#" + text); }
    catch (e) { location.replace("#" + text); }
  }
  window.addEventListener("hashchange", function () {
    var text = location.hash.replace(/^#/, "");
    if (text !== written) { written = text; restore(text, true); }
  });

  /* ---- language and status --------------------------------------------- */

  function renderButtons() {
    physicsButton.textContent = state.frozen ? t("resume") : t("freeze");
  }
  function renderStatus() {
    document.getElementById("status").textContent = shown.nodes.size + t("counts") + shown.edges.size + t("edges");
  }
  var TEXTS = {
    "legend-title": "classes", "fit": "fit", "focus-title": "focusTitle", "depth-label": "depth",
    "expand": "expand", "back": "back", "show-all": "showAll", "dim-label": "dim", "rel-title": "relations",
    "filters-title": "filters", "summit-label": "summit", "time-label": "time", "source-label": "source1",
    "multi-label": "multi", "story-prev": "prev", "story-next": "next", "story-close": "endStory"
  };
  function setLang(lang, quiet, initial) {
    state.lang = lang;
    document.documentElement.lang = lang;
    document.title = t("title");
    document.getElementById("page-title").textContent = t("title");
    Object.keys(TEXTS).forEach(function (id) { document.getElementById(id).textContent = t(TEXTS[id]); });
    document.getElementById("panel-close").setAttribute("aria-label", t("close"));
    searchBox.placeholder = t("search");
    searchBox.setAttribute("aria-label", t("search"));
    ["en", "ko"].forEach(function (l) {
      document.getElementById("lang-" + l).setAttribute("aria-pressed", l === lang ? "true" : "false");
    });
    if (!initial) {  // the first drawing already has its labels in this language
      quietly(function () {
        nodes.update(data.nodes.filter(function (n) { return withLabel.has(n.id) || !lazyLabels; })
          .map(function (n) { var v = visNode(n); return { id: v.id, label: v.label, title: v.title }; }));
        edges.update(data.edges.map(function (e) { var v = visEdge(e); return { id: v.id, label: v.label, title: v.title }; }));
      });
    }
    renderLegend();
    renderButtons();
    renderStatus();
    renderStory();
    if (state.panel && state.panel.node) { showNode(state.panel.node); }
    if (state.panel && state.panel.edge) { showEdge(state.panel.edge); }
    if (!resultsList.hidden) { renderResults(); }
    if (!quiet) { writeHash(); }
  }
  ["en", "ko"].forEach(function (l) {
    document.getElementById("lang-" + l).addEventListener("click", function () { setLang(l); });
  });
  setLang(state.lang, true, true);
  if (location.hash.length > 1) {
    written = location.hash.slice(1);
    restore(written, false);
  }
  ready = true;
  timing.ready = performance.now();

  window.aigraph = { timing: timing, network: network, nodes: nodes, edges: edges, data: data, state: state,
                     focusNode: focusNode, focusOn: focusOn, expand: expand, back: back, showAll: showAll,
                     setLang: setLang, setClassHidden: setClassHidden, playStory: playStory,
                     restore: restore, fragment: fragment,
                     shown: function () { return { nodes: Array.from(shown.nodes).sort(), edges: Array.from(shown.edges).sort() }; } };
  }
}());
