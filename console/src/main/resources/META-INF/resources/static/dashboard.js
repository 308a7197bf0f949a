// Draws each chart of the leadership dashboard from its JSON (an ECharts option built by the console
// from the suite's API answers). Charts load one after another to spare the gateway.
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
    for (const element of document.querySelectorAll(".chart[data-src]")) {
      try {
        await draw(element);
      } catch (e) {
        element.dataset.drawn = "failed";
      }
    }
    document.body.dataset.chartsDone = "true";
  });
  window.addEventListener("resize", function () {
    document.querySelectorAll(".chart").forEach(function (element) {
      const instance = echarts.getInstanceByDom(element);
      if (instance) instance.resize();
    });
  });
})();
