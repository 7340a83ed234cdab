// The gateway's dashboard: live readings per device (uPlot), the MQTT connection state, and commands with
// their round trip. Everything arrives as Server-Sent Events from the gateway's API.
(() => {
  'use strict';

  const MAX_POINTS = 600;
  const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

  const devices = [];          // device ids, in the order their series were added
  const times = [];            // x values (seconds), shared by all series
  const values = [];           // one array per device, aligned with times (null where the device had no reading)
  let plotted = 0;
  let chart = null;
  let sentCommandId = null;

  const el = (id) => document.getElementById(id);

  function newChart() {
    const series = [{}].concat(devices.map((id, i) => ({
      label: id, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: true,
    })));
    if (chart) {
      chart.destroy();
    }
    chart = new uPlot({
      width: Math.min(900, window.innerWidth - 60), height: 320, series,
      scales: { x: { time: true } },
    }, [times].concat(values), el('chart'));
  }

  function addDevice(id) {
    devices.push(id);
    values.push(times.map(() => null));
    const option = document.createElement('option');
    option.value = id;
    option.textContent = id;
    el('command-device').appendChild(option);
    newChart();
  }

  function onReading(reading) {
    if (!devices.includes(reading.deviceId)) {
      addDevice(reading.deviceId);
    }
    times.push(Date.parse(reading.timestamp) / 1000);
    devices.forEach((id, i) => values[i].push(id === reading.deviceId ? reading.temperature : null));
    if (times.length > MAX_POINTS) {
      times.shift();
      values.forEach((series) => series.shift());
    }
    plotted++;
    chart.setData([times].concat(values));
    el('point-count').textContent = String(plotted);
    showLatest(reading);
  }

  function showLatest(reading) {
    let row = document.querySelector(`#latest tr[data-device="${reading.deviceId}"]`);
    if (!row) {
      row = document.createElement('tr');
      row.dataset.device = reading.deviceId;
      row.innerHTML = '<td></td><td class="temperature"></td><td class="humidity"></td><td class="time"></td>';
      row.cells[0].textContent = reading.deviceId;
      document.querySelector('#latest tbody').appendChild(row);
    }
    row.cells[1].textContent = reading.temperature.toFixed(2);
    row.cells[2].textContent = reading.humidity.toFixed(2);
    row.cells[3].textContent = reading.timestamp;
  }

  function showState(state) {
    const target = el('connection-state');
    target.textContent = state;
    target.className = state;
  }

  async function refreshStatus() {
    try {
      const status = await (await fetch('/api/status')).json();
      el('broker').textContent = status.broker ? `broker ${status.broker}` : '';
    } catch (e) {
      el('broker').textContent = '';
    }
  }

  async function sendCommand(event) {
    event.preventDefault();
    const device = el('command-device').value;
    const body = { action: el('command-action').value, value: el('command-value').value || null };
    el('command-ack').textContent = 'sending…';
    el('command-result').textContent = 'waiting…';
    const response = await fetch(`/api/devices/${encodeURIComponent(device)}/commands`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (response.status === 202) {
      sentCommandId = answer.commandId;
      el('command-ack').textContent = `${response.status}: ${answer.reasonCode} on ${answer.topic} (command ${answer.commandId})`;
      // The device's answer may have arrived on the event stream before this response did.
      const early = recentResults.get(answer.commandId);
      if (early) {
        showCommandResult(early);
      }
    } else {
      el('command-ack').textContent = `${response.status}: ${answer.error || answer.title || ''} ${answer.detail || ''}`;
      el('command-result').textContent = '–';
    }
  }

  // The last few answers by command id, for an answer that arrives before the 202 that names its command.
  const recentResults = new Map();
  const RECENT_RESULTS = 32;

  function onCommandResult(result) {
    recentResults.set(result.commandId, result);
    if (recentResults.size > RECENT_RESULTS) {
      recentResults.delete(recentResults.keys().next().value);
    }
    if (result.commandId === sentCommandId) {
      showCommandResult(result);
    }
  }

  function showCommandResult(result) {
    el('command-result').textContent =
      `${result.status}: ${result.deviceId} did "${result.action}" at ${result.completedAt} (command ${result.commandId})`;
  }

  newChart();
  new EventSource('/api/telemetry').onmessage = (e) => onReading(JSON.parse(e.data));
  new EventSource('/api/command-results').onmessage = (e) => onCommandResult(JSON.parse(e.data));
  const states = new EventSource('/api/status/stream');
  states.onmessage = (e) => showState(e.data.replace(/"/g, ''));
  states.onerror = () => showState('UNREACHABLE');
  el('command-form').addEventListener('submit', sendCommand);
  refreshStatus();
})();
