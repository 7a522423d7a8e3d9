/* archmodel map behaviour: search, page-type toggles and cluster drill-down.
 *
 * Runs once per HTML file, after Plotly has been given every figure. Each map is a
 * `.am-map` element holding a Plotly div, an options JSON block and, for aggregated site maps,
 * a gzip+base64 payload. Crawl-sourced text only ever reaches the DOM through textContent, and
 * Plotly receives hover strings that Python already escaped.
 */
(function () {
  "use strict";

  function whenPlotted(gd, fn) {
    if (gd && gd._fullLayout && gd._fullData) { fn(); return; }
    setTimeout(function () { whenPlotted(gd, fn); }, 40);
  }

  function b64bytes(text) {
    var raw = atob(text), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function typed(text, Kind) {
    var bytes = b64bytes(text);
    return new Kind(bytes.buffer, 0, bytes.byteLength / Kind.BYTES_PER_ELEMENT);
  }

  /* Layout coordinates travel as uint16 over [-range, range]. */
  function coords(text, range) {
    var q = typed(text, Uint16Array), out = new Float32Array(q.length);
    for (var i = 0; i < q.length; i++) out[i] = q[i] / 65535 * 2 * range - range;
    return out;
  }

  function gunzipJSON(text) {
    var stream = new Blob([b64bytes(text)]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  /* Hover text is escaped HTML-like text: its first line, as plain text, labels a result. */
  function plainLabel(hover) {
    var first = String(hover).split("<br>")[0].replace(/<\/?b>/g, "");
    var url = String(hover).split("<br>")[1] || "";
    return decode(first) + " \u2014 " + decode(url);
  }
  function decode(text) {
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }
  function encode(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* Title and URL of a hover text, lower-cased, still escaped (queries are escaped alike). */
  function headOf(hover) {
    return String(hover).split("<br>").slice(0, 2).join(" ").replace(/<\/?b>/g, "").toLowerCase();
  }

  /* A data column of trace i as an array: base64 typed-array specs are decoded only in
   * _fullData, so read columns from there. */
  function column(gd, i, key) {
    for (var f = 0; f < gd._fullData.length; f++) {
      if (gd._fullData[f].index === i) return gd._fullData[f][key] || [];
    }
    return gd.data[i][key] || [];
  }

  function traceIndex(gd, role) {
    for (var i = 0; i < gd.data.length; i++) {
      if (gd.data[i].meta && gd.data[i].meta.role === role) return i;
    }
    return -1;
  }

  /* Matches among the page traces of the figure currently shown. */
  function findInFigure(gd, query) {
    var hits = [];
    gd.data.forEach(function (trace, t) {
      if (!trace.meta || trace.meta.role !== "pages" || !trace.hovertext) return;
      for (var p = 0; p < trace.hovertext.length; p++) {
        var head = headOf(trace.hovertext[p]);
        if (head.indexOf(query) >= 0) hits.push({trace: t, point: p, hover: trace.hovertext[p]});
      }
    });
    return hits;
  }

  function highlight(gd, hits) {
    var s = traceIndex(gd, "search");
    if (s < 0) return;
    var xs = [], ys = [];
    hits.slice(0, 200).forEach(function (h) {
      xs.push(column(gd, h.trace, "x")[h.point]);
      ys.push(column(gd, h.trace, "y")[h.point]);
    });
    Plotly.restyle(gd, {x: [xs], y: [ys]}, [s]);
    if (hits.length === 1) {
      Plotly.relayout(gd, {
        "xaxis.range": [xs[0] - 6, xs[0] + 6],
        "yaxis.range": [ys[0] - 6, ys[0] + 6]
      });
    }
  }

  function showResults(list, status, hits, onPick, total) {
    list.textContent = "";
    status.textContent = total === 0 ? "No page matches." :
      total + " page" + (total === 1 ? "" : "s") + " found" + (total > hits.length ? ", first " + hits.length + " listed" : "") + ".";
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = (hit.cluster ? hit.cluster + ": " : "") + plainLabel(hit.hover);
      button.addEventListener("click", function () { onPick(hit); });
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  /* Page-type legend entries (legend2) hide that type's points in every page trace. */
  function setupTypeToggle(gd) {
    var hidden = {};
    var original = {};
    gd.on("plotly_legendclick", function (ev) {
      var trace = gd.data[ev.curveNumber];
      if (!trace.meta || trace.meta.role !== "type") return true;
      var code = trace.meta.code;
      hidden[code] = !hidden[code];
      var indices = [], xs = [], ys = [];
      gd.data.forEach(function (t, i) {
        if (!t.meta || t.meta.role !== "pages") return;
        if (!original[i]) {
          original[i] = {x: Float32Array.from(column(gd, i, "x")), y: Float32Array.from(column(gd, i, "y")),
                         types: Array.from(column(gd, i, "customdata"))};
        }
        var x = Float32Array.from(original[i].x), y = Float32Array.from(original[i].y);
        for (var p = 0; p < x.length; p++) {
          if (hidden[original[i].types[p]]) { x[p] = NaN; y[p] = NaN; }
        }
        indices.push(i); xs.push(x); ys.push(y);
      });
      Plotly.restyle(gd, {x: xs, y: ys}, indices);
      Plotly.restyle(gd, {visible: hidden[code] ? "legendonly" : true}, [ev.curveNumber]);
      return false;
    });
    gd.on("plotly_legenddoubleclick", function (ev) {
      var trace = gd.data[ev.curveNumber];
      return !(trace.meta && trace.meta.role === "type");
    });
  }

  /* Aggregated site map: draw one cluster's precomputed pages on request. */
  function drillFigure(doc, c, baseLayout) {
    var cl = doc.clusters[c];
    var x = coords(cl.x, doc.coordRange), y = coords(cl.y, doc.coordRange);
    var size = typed(cl.size, Uint8Array), high = typed(cl.high, Uint8Array);
    var type = doc.typeWide ? typed(cl.type, Uint16Array) : typed(cl.type, Uint8Array);
    var edges = cl.edgeWide ? typed(cl.edges, Uint32Array) : typed(cl.edges, Uint16Array);
    var m = edges.length / 2, ex = new Float32Array(3 * m), ey = new Float32Array(3 * m);
    for (var e = 0; e < m; e++) {
      var a = edges[2 * e], b = edges[2 * e + 1];
      ex[3 * e] = x[a]; ex[3 * e + 1] = x[b]; ex[3 * e + 2] = NaN;
      ey[3 * e] = y[a]; ey[3 * e + 1] = y[b]; ey[3 * e + 2] = NaN;
    }
    var edgeName = "Body links (" + cl.edgeTotal.toLocaleString("en") + (m < cl.edgeTotal ? ", " + m.toLocaleString("en") + " drawn" : "") + ")";
    var data = [{type: "scattergl", mode: "lines", x: ex, y: ey, name: edgeName, hoverinfo: "skip",
                 line: {color: "rgba(90,90,90,0.35)", width: 1}}];
    var byType = {};
    for (var p = 0; p < x.length; p++) (byType[type[p]] = byType[type[p]] || []).push(p);
    Object.keys(byType).map(Number).sort(function (a, b) { return a - b; }).forEach(function (t) {
      var idx = byType[t];
      data.push({
        type: "scattergl", mode: "markers", name: doc.types[t] + " (" + idx.length.toLocaleString("en") + ")",
        x: Float32Array.from(idx, function (i) { return x[i]; }),
        y: Float32Array.from(idx, function (i) { return y[i]; }),
        hovertext: idx.map(function (i) { return cl.hover[i]; }), hoverinfo: "text",
        meta: {role: "pages"},
        marker: {symbol: doc.symbols[t], color: doc.typeColours[t],
                 size: Float32Array.from(idx, function (i) { return size[i]; }),
                 line: {width: 0.5, color: "white"}}
      });
    });
    var flagged = [];
    for (var q = 0; q < x.length; q++) if (high[q]) flagged.push(q);
    data.push({type: "scattergl", mode: "markers", name: "High-severity findings (" + flagged.length + " pages)",
               x: flagged.map(function (i) { return x[i]; }), y: flagged.map(function (i) { return y[i]; }),
               hoverinfo: "skip", marker: {symbol: "circle-open", size: 18, color: "#D55E00", line: {width: 2, color: "#D55E00"}}});
    data.push({type: "scattergl", mode: "markers", x: [], y: [], name: "Search result", showlegend: false,
               hoverinfo: "skip", meta: {role: "search"},
               marker: {symbol: "circle-open", size: 26, color: "#000", line: {width: 3, color: "#000"}}});
    var layout = JSON.parse(JSON.stringify(baseLayout));
    layout.title = {text: "Cluster: " + cl.name + " \u2014 " + x.length.toLocaleString("en") + " pages (shape and colour: page type)", x: 0.01, xanchor: "left"};
    layout.showlegend = true;
    layout.legend = {title: {text: "Page types (click to hide)"}, itemsizing: "constant", x: 1, xanchor: "left", y: 1};
    delete layout.xaxis.range; delete layout.yaxis.range;
    layout.xaxis.autorange = true; layout.yaxis.autorange = true;
    return {data: data, layout: layout};
  }

  function setupMap(root) {
    var gd = root.querySelector(".plotly-graph-div");
    var optionsNode = root.querySelector("script.am-options");
    var options = optionsNode ? JSON.parse(optionsNode.textContent) : {};
    whenPlotted(gd, function () {
      var overview = {data: gd.data.slice(), layout: JSON.parse(JSON.stringify(gd.layout))};
      var select = root.querySelector("select.am-drill");
      var payloadNode = root.querySelector("script.am-payload");
      var docPromise = null;
      function payload() {
        if (!docPromise) docPromise = gunzipJSON(payloadNode.textContent);
        return docPromise;
      }
      function show(cluster) {
        if (cluster < 0) {
          return Plotly.react(gd, overview.data, JSON.parse(JSON.stringify(overview.layout)));
        }
        return payload().then(function (doc) {
          var fig = drillFigure(doc, cluster, overview.layout);
          return Plotly.react(gd, fig.data, fig.layout);
        });
      }
      if (options.typeToggle) setupTypeToggle(gd);
      if (select && payloadNode) {
        select.addEventListener("change", function () { show(Number(select.value)); });
        gd.on("plotly_click", function (ev) {
          var point = ev.points && ev.points[0];
          if (!point || !point.data.meta || point.data.meta.role !== "clusters") return;
          select.value = String(point.customdata);
          show(Number(point.customdata));
        });
      }
      var form = root.querySelector("form.am-search");
      if (!form || !options.search) return;
      var input = form.querySelector("input");
      var list = root.querySelector("ol.am-results");
      var status = root.querySelector(".am-status");
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var query = encode(input.value.trim().toLowerCase());
        if (!query) return;
        if (!(select && payloadNode)) {
          var hits = findInFigure(gd, query);
          highlight(gd, hits);
          showResults(list, status, hits.slice(0, 20), function (hit) { highlight(gd, [hit]); }, hits.length);
          return;
        }
        payload().then(function (doc) {
          var found = [];
          doc.clusters.forEach(function (cl, c) {
            if (!cl.heads) cl.heads = cl.hover.map(headOf);
            for (var p = 0; p < cl.heads.length; p++) {
              if (cl.heads[p].indexOf(query) >= 0) found.push({cluster: decode(cl.name), c: c, hover: cl.hover[p]});
            }
          });
          function pick(hit) {
            select.value = String(hit.c);
            show(hit.c).then(function () { highlight(gd, findInFigure(gd, headOf(hit.hover))); });
          }
          showResults(list, status, found.slice(0, 20), pick, found.length);
          if (found.length) pick(found[0]);
        });
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".am-map"), setupMap);

  /* Figures are drawn while the page is still being parsed; fit each to its final box. */
  window.addEventListener("load", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".js-plotly-plot"), function (gd) {
      whenPlotted(gd, function () { Plotly.Plots.resize(gd); });
    });
  });
})();
