// Reports plugin: export progress (rows written while the CSV streams), background job polling, dashboard charts.
(function () {
  'use strict';

  function format(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d+)\}/g, function (_, i) { return args[+i]; });
  }

  function params(form, names) {
    var data = new FormData(form), query = new URLSearchParams();
    names.forEach(function (name) { var v = data.get(name); if (v) { query.set(name, v); } });
    return query;
  }

  // Counts CSV records in a stream: newlines outside quotes (RFC 4180 fields may hold newlines).
  function recordCounter() {
    var quoted = false, records = 0;
    return function (text) {
      for (var i = 0; i < text.length; i++) {
        var c = text.charCodeAt(i);
        if (c === 34) { quoted = !quoted; } else if (c === 10 && !quoted) { records++; }
      }
      return records;
    };
  }

  function setupExport(form) {
    var progress = document.getElementById('export-progress');
    var bar = progress.querySelector('progress');
    var text = progress.querySelector('.export-progress-text');
    var background = document.getElementById('background-form');
    var d = progress.dataset;

    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      var dataset = new FormData(form).get('dataset');
      var query = params(form, ['from', 'to', 'channelId', 'agentId']);
      progress.hidden = false; bar.value = 0; text.textContent = d.textCounting;
      try {
        var count = await (await fetch(d.api + '/exports/' + dataset + '/count?' + query, { credentials: 'same-origin' })).json();
        if (count.background) {
          text.textContent = format(d.textToobig, count.rows.toLocaleString());
          ['dataset', 'from', 'to', 'channelId', 'agentId'].forEach(function (name) {
            background.elements[name].value = name === 'dataset' ? dataset : (query.get(name) || '');
          });
          background.submit();
          return;
        }
        var response = await fetch(d.api + '/exports/' + dataset + '.csv?' + query, { credentials: 'same-origin' });
        if (!response.ok) { throw new Error(response.status); }
        var total = +(response.headers.get('X-Export-Rows') || count.rows), reader = response.body.getReader();
        var decoder = new TextDecoder(), count_ = recordCounter(), chunks = [], rows = 0;
        for (;;) {
          var part = await reader.read();
          if (part.done) { break; }
          chunks.push(part.value);
          rows = Math.max(0, count_(decoder.decode(part.value, { stream: true })) - 1);
          bar.value = total ? Math.min(100, rows * 100 / total) : 0;
          text.textContent = format(d.textProgress, rows.toLocaleString(), total.toLocaleString());
        }
        var name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
        var link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob(chunks, { type: 'text/csv' }));
        link.download = name ? name[1] : dataset + '.csv';
        document.body.appendChild(link); link.click(); link.remove();
        bar.value = 100; text.textContent = format(d.textDone, total.toLocaleString());
      } catch (e) {
        text.textContent = d.textFailed;
      }
    });
  }

  function pollJob(item) {
    var status = item.dataset.status;
    if (status === 'done' || status === 'failed') { return; }
    setTimeout(async function () {
      try {
        var job = await (await fetch(item.dataset.job, { credentials: 'same-origin' })).json();
        item.dataset.status = job.status;
        item.querySelector('progress').value = job.percent;
        item.querySelector('.job-rows').textContent = format(item.dataset.textRows, job.rowsWritten.toLocaleString(), job.totalRows.toLocaleString());
        var label = item.dataset['textStatus' + job.status.charAt(0).toUpperCase() + job.status.slice(1)];
        if (label) { item.querySelector('.job-status').textContent = label; }
        item.querySelector('.job-download').hidden = job.status !== 'done';
      } catch (e) { /* try again on the next tick */ }
      pollJob(item);
    }, 1000);
  }

  function setupCharts() {
    var source = document.getElementById('report-data');
    if (!source || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(source.textContent);
    var common = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } };
    new Chart(document.getElementById('chart-days'), {
      type: 'bar',
      data: { labels: data.days.map(function (d) { return d.slice(5); }), datasets: [
        { label: data.labels.opened, data: data.opened, backgroundColor: '#1f3a5f' },
        { label: data.labels.resolved, data: data.resolved, backgroundColor: '#3fa37a' } ] },
      options: Object.assign({}, common, { scales: { x: { ticks: { autoSkip: true, maxRotation: 0 } }, y: { beginAtZero: true, ticks: { precision: 0 } } } })
    });
    new Chart(document.getElementById('chart-durations'), {
      type: 'bar',
      data: { labels: [data.labels.firstResponse, data.labels.resolution], datasets: [
        { label: data.labels.median + ' (' + data.labels.minutes + ')', data: data.durations.map(function (x) { return x[0]; }), backgroundColor: '#1f3a5f' },
        { label: data.labels.p90 + ' (' + data.labels.minutes + ')', data: data.durations.map(function (x) { return x[1]; }), backgroundColor: '#e0a030' } ] },
      options: Object.assign({}, common, { indexAxis: 'y', scales: { x: { beginAtZero: true } } })
    });
    document.body.dataset.chartsReady = 'true';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('export-form');
    if (form) { setupExport(form); }
    document.querySelectorAll('.export-job').forEach(pollJob);
    setupCharts();
  });
})();
