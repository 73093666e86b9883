// Maps of the observatory, drawn from bundled data only: US states from the us-atlas TopoJSON
// (pre-projected Albers USA, 975 × 610) and other regions (Algerian wilayas) as circles at their
// representative point. Colours: number of strong clusters in the latest year.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var RAMP = ["#e8eef5", "#c3d5ea", "#8fb3d9", "#5b8fc5", "#2c6aa9", "#0d4a86"];

  function colour(value, max, point) {
    if (!value || !max) return point ? "#6b7785" : RAMP[0];
    return RAMP[Math.min(RAMP.length - 1, 1 + Math.floor((value / max) * (RAMP.length - 2)))];
  }

  function el(name, attrs) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function linked(item, lang, shape) {
    // Each region is a link reachable by keyboard and named for screen readers.
    var a = el("a", { href: "/regions/" + item.id + "?lang=" + lang,
                      "aria-label": item.name + " — " + item.value });
    var title = el("title");
    title.textContent = item.name + " — " + item.value;
    shape.appendChild(title);
    a.appendChild(shape);
    return a;
  }

  function drawUS(container, data) {
    var svg = el("svg", { viewBox: "0 0 975 610", width: 640, height: 400, role: "presentation" });
    container.appendChild(svg);
    var byCode = {};
    data.us.forEach(function (r) { byCode[r.code] = r; });
    return fetch(data.topology).then(function (r) { return r.json(); }).then(function (topo) {
      var path = d3.geoPath();
      var states = topojson.feature(topo, topo.objects.states).features;
      states.forEach(function (f) {
        var item = byCode[f.id];
        if (!item) return;
        var p = el("path", { d: path(f), fill: colour(item.value, data.max),
                             "class": "state" + (item.highlight ? " hl" : "") });
        svg.appendChild(linked(item, data.lang, p));
      });
      svg.setAttribute("data-drawn", String(states.length));
    });
  }

  function drawPoints(container, data) {
    var svg = el("svg", { viewBox: "0 0 400 400", width: 360, height: 360, role: "presentation" });
    container.appendChild(svg);
    var geo = { type: "MultiPoint", coordinates: data.dz.map(function (p) { return [p.lon, p.lat]; }) };
    var projection = d3.geoMercator().fitExtent([[20, 20], [380, 380]], geo);
    data.dz.forEach(function (p) {
      var xy = projection([p.lon, p.lat]);
      var c = el("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: p.highlight ? 9 : 6,
                             fill: colour(p.value, data.max, true), "class": "point" + (p.highlight ? " hl" : "") });
      svg.appendChild(linked(p, data.lang, c));
    });
    svg.setAttribute("data-drawn", String(data.dz.length));
  }

  document.querySelectorAll("[data-map]").forEach(function (container) {
    var data = JSON.parse(document.getElementById(container.getAttribute("data-map")).textContent);
    var jobs = [];
    if (data.us.length) jobs.push(drawUS(container, data));
    if (data.dz.length) drawPoints(container, data);
    Promise.all(jobs).then(function () { container.setAttribute("data-ready", "true"); });
  });
})();
