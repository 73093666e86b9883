// Line charts (Chart.js) of the series embedded next to each <canvas>; Arabic pages get Chart.js'
// right-to-left legend and tooltips and Arabic-Indic digits.
(function () {
  "use strict";
  var COLOURS = ["#0b5cad", "#8a3b12", "#2a7a3b", "#7b3fa0", "#b5520b", "#00727a", "#6b5d00"];
  var lang = document.documentElement.lang;
  var rtl = document.documentElement.dir === "rtl";
  var locale = lang === "ar" ? "ar-u-nu-arab" : lang;
  var fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  var yearFmt = new Intl.NumberFormat(locale, { useGrouping: false });
  document.querySelectorAll("figure.chart canvas").forEach(function (canvas) {
    var data = JSON.parse(document.getElementById(canvas.id + "-data").textContent);
    new Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels.map(function (y) { return yearFmt.format(y); }),
        datasets: data.series.map(function (s, i) {
          return { label: s.label, data: s.values, borderColor: COLOURS[i % COLOURS.length],
                   backgroundColor: COLOURS[i % COLOURS.length], spanGaps: true, tension: 0.1 };
        })
      },
      options: {
        locale: locale, animation: false, responsive: true, maintainAspectRatio: false,
        layout: { padding: { left: 16, right: 16 } },
        plugins: { legend: { rtl: rtl, position: "bottom" }, tooltip: { rtl: rtl } },
        scales: { x: { reverse: rtl }, y: { position: rtl ? "right" : "left",
                  ticks: { callback: function (v) { return fmt.format(v); } } } }
      }
    });
    canvas.setAttribute("data-ready", "true");
  });
})();
