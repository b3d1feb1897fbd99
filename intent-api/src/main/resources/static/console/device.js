// A device as intended and as observed, side by side: its facts (hostname, serial, firmware, running config,
// management address, reachability) and every port (state, cable and far end, addresses). Rows where the auditor
// finds drift are marked with the drift types, so this page and the drift events never disagree. Refreshes every
// DEVICE_POLL_MS while shown: the collector's picture changes with every poll.
const DEVICE_POLL_MS = 5000;
const devicePage = { id: null, timer: null };

async function showDevice(device) {
  devicePage.id = device.id;
  document.getElementById('device').hidden = false;
  document.getElementById('device-title').textContent = `${device.hostname} — intended and observed`;
  refreshDevice();
}

async function refreshDevice() {
  clearTimeout(devicePage.timer);
  const id = devicePage.id;
  const error = document.getElementById('device-error');
  try {
    const answer = await api(`/api/v1/devices/${id}/comparison`);
    if (id !== devicePage.id) return;
    error.textContent = '';
    document.getElementById('device-age').textContent =
      `observed ${time(answer.observedAt)} (${answer.ageSeconds} s ago) · ${answer.comparison.drift.length} drift`;
    renderFacts(answer.comparison.device);
    renderPorts(answer.comparison.ports);
  } catch (e) {
    if (id !== devicePage.id) return;
    error.textContent = e.message;
    document.getElementById('fact-rows').replaceChildren();
    document.getElementById('port-rows').replaceChildren();
  }
  if (!document.getElementById('device').hidden && !document.getElementById('sites-page').hidden) {
    devicePage.timer = setTimeout(refreshDevice, DEVICE_POLL_MS);
  }
}

function driftRow(tr, drift) {
  if (drift.length) tr.classList.add('drift');
  cell(tr, drift.join(', '), drift.length ? 'drift' : '');
}

function renderFacts(facts) {
  const rows = document.getElementById('fact-rows');
  rows.replaceChildren(...facts.map(f => {
    const tr = document.createElement('tr');
    tr.dataset.fact = f.attribute;
    [f.attribute, f.intended ?? '—', f.observed ?? '—'].forEach(v => cell(tr, v));
    driftRow(tr, f.drift);
    return tr;
  }));
}

function renderPorts(ports) {
  const rows = document.getElementById('port-rows');
  const list = values => values == null ? '—' : values.join(', ');
  rows.replaceChildren(...ports.map(p => {
    const tr = document.createElement('tr');
    tr.dataset.port = p.port;
    [p.port, p.cable ?? '', p.intendedState, p.observedState ?? '—', p.intendedFarEnd ?? '',
      p.observedFarEnd ?? '—', list(p.intendedAddresses), list(p.observedAddresses)].forEach(v => cell(tr, v));
    driftRow(tr, p.drift);
    return tr;
  }));
}
