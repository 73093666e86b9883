// Charts (Chart.js) of the data embedded next to each <canvas> as <script type="application/json">:
// line charts of series by year (default), the diamond's radar (data-kind="radar") and one small
// chart per KPI with its target line (data-kind="kpi"). Arabic pages get Chart.js' right-to-left
// legend and tooltips and time flowing from right to left. Numbers are written with
// Intl.NumberFormat in the locale the server formats with (grappe.formats.INTL_LOCALES, given on
// <meta name="grappe-number-locale">): Latin digits on Arabic pages, as in the Maghreb.
(function () {
  "use strict";
  var COLOURS = ["#0b5cad", "#8a3b12", "#2a7a3b", "#7b3fa0", "#b5520b", "#00727a", "#6b5d00"];
  var lang = document.documentElement.lang;
  var rtl = document.documentElement.dir === "rtl";
  var given = document.querySelector('meta[name="grappe-number-locale"]');
  var locale = given ? given.getAttribute("content") : lang;
  var fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  var yearFmt = new Intl.NumberFormat(locale, { useGrouping: false });
  var base = { locale: locale, animation: false, responsive: true, maintainAspectRatio: false };

  function tick(v) { return fmt.format(v); }

  function line(data) {
    return {
      type: "line",
      data: {
        labels: data.labels.map(function (y) { return yearFmt.format(y); }),
        datasets: data.series.map(function (s, i) {
          return { label: s.label, data: s.values, borderColor: COLOURS[i % COLOURS.length],
                   backgroundColor: COLOURS[i % COLOURS.length], spanGaps: true, tension: 0.1 };
        })
      },
      options: Object.assign({}, base, {
        layout: { padding: { left: 16, right: 16 } },
        plugins: { legend: { rtl: rtl, position: "bottom" }, tooltip: { rtl: rtl } },
        scales: { x: { reverse: rtl }, y: { position: rtl ? "right" : "left",
                  ticks: { callback: tick } } }
      })
    };
  }

  function radar(data) {
    return {
      type: "radar",
      data: {
        labels: data.labels,
        datasets: [{ label: data.label, data: data.values, borderColor: COLOURS[0],
                     backgroundColor: "rgba(11, 92, 173, 0.2)", pointBackgroundColor: COLOURS[0],
                     spanGaps: true }]
      },
      options: Object.assign({}, base, {
        plugins: { legend: { display: false }, tooltip: { rtl: rtl } },
        scales: { r: { min: 0, max: data.high, ticks: { stepSize: 1, callback: tick } } }
      })
    };
  }

  function kpi(data) {
    var datasets = [{ label: data.value_label, data: data.values, borderColor: COLOURS[0],
                      backgroundColor: COLOURS[0], spanGaps: true, tension: 0.1 }];
    if (data.targets.some(function (t) { return t !== null; })) {
      datasets.push({ label: data.target_label, data: data.targets, borderColor: COLOURS[1],
                      backgroundColor: COLOURS[1], borderDash: [6, 4], pointStyle: "line",
                      spanGaps: true, stepped: "middle" });
    }
    // A period (2024-Q1) reads left to right in every language: isolated, as <bdi> does in HTML.
    var labels = data.labels.map(function (p) { return "\u2066" + p + "\u2069"; });
    return {
      type: "line",
      data: { labels: labels, datasets: datasets },
      options: Object.assign({}, base, {
        layout: { padding: { left: 8, right: 8 } },
        plugins: { legend: { rtl: rtl, position: "bottom" }, tooltip: { rtl: rtl } },
        scales: { x: { reverse: rtl, offset: true, ticks: { maxRotation: 0 } },
                  y: { position: rtl ? "right" : "left",
                  ticks: { callback: tick } } }
      })
    };
  }

  var KINDS = { radar: radar, kpi: kpi };
  document.querySelectorAll("figure.chart canvas").forEach(function (canvas) {
    var data = JSON.parse(document.getElementById(canvas.id + "-data").textContent);
    var build = KINDS[canvas.getAttribute("data-kind")] || line;
    new Chart(canvas, build(data));
    canvas.setAttribute("data-ready", "true");
  });
})();
