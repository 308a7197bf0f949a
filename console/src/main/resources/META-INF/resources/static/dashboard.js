// Draws each chart of the leadership dashboard from its JSON (an ECharts option built by the console
// from the suite's API answers). The charts load at once (one after another, the page waited for
// the sum of their times); body[data-charts-done] says when every one is drawn (or has failed).
(function () {
  "use strict";
  async function draw(element) {
    const notice = document.getElementById(element.id.replace("chart-", "notice-"));
    const response = await fetch(element.dataset.src, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      notice.textContent = response.status + " " + response.statusText;
      notice.hidden = false;
      element.hidden = true;
      return;
    }
    const chart = await response.json();
    if (!chart.option) {
      notice.textContent = chart.notice;
      notice.hidden = false;
      element.hidden = true;
      return;
    }
    echarts.init(element, null, { renderer: "canvas" }).setOption(chart.option);
    element.dataset.drawn = "true";
  }
  window.addEventListener("DOMContentLoaded", async function () {
    const charts = Array.from(document.querySelectorAll(".chart[data-src]"));
    await Promise.all(charts.map(function (element) {
      return draw(element).catch(function () {
        element.dataset.drawn = "failed";
      });
    }));
    document.body.dataset.chartsDone = "true";
  });
  window.addEventListener("resize", function () {
    document.querySelectorAll(".chart").forEach(function (element) {
      const instance = echarts.getInstanceByDom(element);
      if (instance) instance.resize();
    });
  });
})();
