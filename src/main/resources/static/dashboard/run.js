// The run page: plots from the summary the server embedded, and live progress while the run is going.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('run-data').textContent);
  var run = data.run;
  var FINISHED = ['COMPLETED', 'FAILED', 'CANCELLED'];
  var charts = [];

  function num(v) { return typeof v === 'number' ? v : NaN; }

  // Points of a strip plot: x is the condition's index plus a small deterministic jitter.
  function strip(conditions, perCondition) {
    var points = [];
    conditions.forEach(function (c, i) {
      var s = perCondition[c];
      if (!s) { return; }
      s.sample.forEach(function (v, k) {
        points.push([i + (((k * 0.618034) % 1) - 0.5) * 0.5, v]);
      });
    });
    return points;
  }

  function metricChart(el, metric) {
    var perCondition = data.plots[metric];
    var conditions = run.conditions.filter(function (c) { return perCondition[c] && perCondition[c].n > 0; });
    var chart = echarts.init(el, null, {renderer: 'svg'});
    chart.setOption({
      animation: false,
      grid: {left: 60, right: 20, top: 20, bottom: 40},
      tooltip: {trigger: 'item'},
      // Boxes on a category axis (one band per condition); points on a hidden value axis over the same bands,
      // so each point can sit a little beside its band's centre.
      xAxis: [{type: 'category', data: conditions, axisLine: {onZero: false}},
        {type: 'value', min: -0.5, max: conditions.length - 0.5, show: false}],
      yAxis: {type: 'value', scale: true, name: metric, axisLine: {onZero: false}},
      series: [
        {type: 'custom', name: 'quartiles', renderItem: function (params, api) {
            var i = api.value(0), w = api.size([0.6, 0])[0];
            var lo = api.coord([i, api.value(1)]), q1 = api.coord([i, api.value(2)]), md = api.coord([i, api.value(3)]),
                q3 = api.coord([i, api.value(4)]), hi = api.coord([i, api.value(5)]);
            var style = {stroke: '#1f4e79', fill: 'rgba(31,78,121,0.12)', lineWidth: 1.5};
            return {type: 'group', children: [
              {type: 'line', shape: {x1: lo[0], y1: lo[1], x2: q1[0], y2: q1[1]}, style: style},
              {type: 'line', shape: {x1: q3[0], y1: q3[1], x2: hi[0], y2: hi[1]}, style: style},
              {type: 'rect', shape: {x: q3[0] - w / 2, y: q3[1], width: w, height: q1[1] - q3[1]}, style: style},
              {type: 'line', shape: {x1: md[0] - w / 2, y1: md[1], x2: md[0] + w / 2, y2: md[1]},
                style: {stroke: '#1f4e79', lineWidth: 2.5}}]};
          },
          data: conditions.map(function (c, i) {
            var s = perCondition[c];
            return [i, num(s.min), num(s.q1), num(s.median), num(s.q3), num(s.max)];
          }), z: 1},
        {type: 'scatter', name: 'values', symbolSize: 4, itemStyle: {color: 'rgba(192,80,0,0.55)'},
          xAxisIndex: 1, data: strip(conditions, perCondition), z: 2}
      ]
    });
    el.setAttribute('data-points', String(strip(conditions, perCondition).length));
    charts.push(chart);
  }

  function forestChart(el) {
    var rows = data.hypotheses.filter(function (h) { return typeof h.diff === 'number'; });
    if (!rows.length) { return; }
    var labels = rows.map(function (h) { return h.hypothesis + ': ' + h.treatment + (h.group === null ? '' : ' #' + h.group); });
    el.style.height = Math.max(160, 48 * rows.length + 60) + 'px';
    var chart = echarts.init(el, null, {renderer: 'svg'});
    chart.setOption({
      animation: false,
      grid: {left: 180, right: 30, top: 20, bottom: 40},
      tooltip: {trigger: 'item'},
      xAxis: {type: 'value', scale: true, name: 'difference', axisLine: {onZero: false}},
      yAxis: {type: 'category', data: labels, inverse: true},
      series: [
        {type: 'custom', name: 'interval', renderItem: function (params, api) {
            var lo = api.coord([api.value(1), api.value(0)]), hi = api.coord([api.value(2), api.value(0)]);
            return {type: 'line', shape: {x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1]},
              style: {stroke: '#1f4e79', lineWidth: 2}};
          },
          data: rows.map(function (h, i) { return [i, num(h.ciLow), num(h.ciHigh)]; })},
        {type: 'scatter', name: 'difference', symbolSize: 10, itemStyle: {color: '#c05000'},
          data: rows.map(function (h, i) { return [h.diff, i]; }),
          markLine: {silent: true, symbol: 'none', lineStyle: {color: '#777', type: 'dashed'}, data: [{xAxis: 0}]}}
      ]
    });
    charts.push(chart);
  }

  document.querySelectorAll('.metric-chart').forEach(function (el) { metricChart(el, el.getAttribute('data-metric')); });
  var forest = document.getElementById('forest');
  if (forest) { forestChart(forest); }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.body.setAttribute('data-drawn-ms', String(Math.round(performance.now())));
  document.body.setAttribute('data-charts-drawn', String(charts.length));

  // Live progress: the run's event stream when the server has one, else polling the run with its ETag.
  function show(view) {
    var p = view.progress;
    document.getElementById('completed').textContent = p.completedUnits;
    document.getElementById('failed').textContent = p.failedUnits;
    document.getElementById('skipped').textContent = p.skippedUnits;
    document.getElementById('total').textContent = p.totalUnits;
    var bar = document.getElementById('progress-bar');
    bar.max = p.totalUnits;
    bar.value = p.completedUnits + p.failedUnits + (p.skippedUnits || 0);
    if (view.status) {
      var status = document.getElementById('status');
      status.textContent = view.status;
      status.className = 'status ' + view.status.toLowerCase();
    }
  }

  function finished() { window.setTimeout(function () { window.location.reload(); }, 300); }

  function poll() {
    var etag = null;
    function tick() {
      var headers = {'Accept': 'application/json'};
      if (etag) { headers['If-None-Match'] = etag; }
      fetch('/api/runs/' + run.id, {headers: headers, credentials: 'same-origin'}).then(function (r) {
        if (r.status === 304) { return null; }
        if (!r.ok) { throw new Error('status ' + r.status); }
        etag = r.headers.get('ETag');
        return r.json();
      }).then(function (view) {
        if (view) {
          show(view);
          if (FINISHED.indexOf(view.status) >= 0) { finished(); return; }
        }
        window.setTimeout(tick, 1000);
      }).catch(function () { window.setTimeout(tick, 3000); });
    }
    tick();
  }

  function follow() {
    if (!window.EventSource) { poll(); return; }
    var source = new EventSource('/api/runs/' + run.id + '/events', {withCredentials: true});
    var opened = false;
    source.onopen = function () { opened = true; };
    source.addEventListener('progress', function (e) { show({progress: JSON.parse(e.data)}); });
    source.addEventListener('status', function (e) { show(JSON.parse(e.data)); });
    source.addEventListener('finished', function (e) { show(JSON.parse(e.data)); source.close(); finished(); });
    source.onerror = function () {
      if (!opened) { source.close(); poll(); }
    };
  }

  if (FINISHED.indexOf(run.status) < 0) { follow(); }
})();
