// A console over the REST API: the browser's Basic login is reused for every call. Pages: sites (#sites, a
// device's intended and observed state in device.js), pipeline runs (#runs, #runs/<id>, in runs.js), drift
// (#drift, drift.js) and the kill switch (#kill, kill.js). Text from the API only ever reaches the DOM as textContent.
const EXPORTS = [
  ['build-pack-pdf', 'Build pack (PDF)'], ['cable-schedule-xlsx', 'Cable schedule (XLSX)'],
  ['cable-schedule-csv', 'Cable schedule (CSV)'], ['labels-pdf', 'Labels (PDF)'], ['bom-csv', 'Bill of materials'],
  ['port-map-csv', 'Port map'], ['rack-elevation-svg', 'Elevations (SVG)'], ['prometheus-sd', 'Prometheus SD'],
  ['dns-zone', 'DNS zone'], ['dhcp-kea', 'Kea DHCP'], ['ansible-inventory', 'Ansible inventory'],
];

// Absolute URLs from the origin: a page opened as http://user:pass@host/ must not pass its credentials to fetch.
async function request(path, init) {
  const response = await fetch(new URL(path, location.origin), init);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${path}: ${response.status} ${problem.detail || response.statusText}`);
  }
  return response;
}

async function api(path) {
  return (await request(path, { headers: { Accept: 'application/json' } })).json();
}

async function apiText(path) {
  return (await request(path)).text();
}

async function apiPost(path, body) {
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  return (await request(path, { method: 'POST', headers, body: JSON.stringify(body ?? {}) })).json();
}

// Who is signed in, with every role they hold directly or by implication: pages show only the actions allowed.
const me = api('/api/v1/users/me').catch(() => ({ username: '?', effectiveRoles: [] }));

async function may(role) {
  return (await me).effectiveRoles.includes(role);
}

function element(tag, text, className) {
  const e = document.createElement(tag);
  e.textContent = text ?? '';
  if (className) e.className = className;
  return e;
}

function cell(row, text, className) {
  const td = element('td', text, className);
  row.appendChild(td);
  return td;
}

function errorRow(rows, columns, error) {
  const tr = document.createElement('tr');
  cell(tr, error.message, 'error').colSpan = columns;
  rows.replaceChildren(tr);
}

function time(instant) {
  return instant == null ? '' : new Date(instant).toLocaleString();
}

async function showSites() {
  const rows = document.getElementById('site-rows');
  try {
    const sites = await api('/api/v1/sites?size=1000');
    rows.replaceChildren();
    for (const site of sites.items) {
      const tr = document.createElement('tr');
      tr.className = 'clickable';
      [site.code, site.name, site.status, site.timezone].forEach(v => cell(tr, v));
      tr.onclick = () => showSite(site);
      rows.appendChild(tr);
    }
    if (sites.items.length === 1) showSite(sites.items[0]);
  } catch (e) {
    errorRow(rows, 4, e);
  }
}

async function showSite(site) {
  document.getElementById('site').hidden = false;
  document.getElementById('site-title').textContent = `${site.code} — ${site.name}`;
  const base = `${location.origin}/api/v1/sites/${encodeURIComponent(site.code)}/exports/`;
  document.getElementById('exports').replaceChildren(...EXPORTS.map(([kind, label]) => {
    const a = document.createElement('a');
    a.href = base + kind;
    a.textContent = label;
    return a;
  }));
  const racks = await api(`/api/v1/racks?site=${encodeURIComponent(site.code)}&size=1000`);
  document.getElementById('racks').replaceChildren(...racks.items.map(rack => {
    const figure = document.createElement('figure');
    const img = document.createElement('img');
    img.alt = `elevation of ${rack.name}`;
    img.src = `${base}rack-elevation-svg?rack=${encodeURIComponent(rack.name)}`;
    const caption = document.createElement('figcaption');
    caption.textContent = `${rack.name} · ${rack.heightU}U · ${rack.powerBudgetW} W`;
    figure.append(img, caption);
    return figure;
  }));
  const devices = await api(`/api/v1/devices?site=${encodeURIComponent(site.code)}&size=1000`);
  const rows = document.getElementById('device-rows');
  rows.replaceChildren();
  for (const d of devices.items) {
    const tr = document.createElement('tr');
    [d.hostname, d.role, d.deviceType, d.rack, d.positionU, d.serial, d.status].forEach(v => cell(tr, v));
    tr.className = 'clickable';
    tr.onclick = () => {
      rows.querySelectorAll('tr.selected').forEach(r => r.classList.remove('selected'));
      tr.classList.add('selected');
      showDevice(d);
    };
    rows.appendChild(tr);
  }
}

let sitesShown = false;

function route() {
  const [page, id] = location.hash.slice(1).split('/');
  const runs = page === 'runs';
  const kill = page === 'kill';
  const drift = page === 'drift';
  const servers = page === 'servers';
  document.getElementById('sites-page').hidden = runs || kill || drift || servers;
  document.getElementById('servers-page').hidden = !servers;
  document.getElementById('drift-page').hidden = !drift;
  document.getElementById('runs-page').hidden = !runs;
  document.getElementById('kill-page').hidden = !kill;
  if (runs) {
    showRuns(id ? Number(id) : null);
  } else if (kill) {
    showKillSwitch();
  } else if (drift) {
    showDrift();
  } else if (servers) {
    showServers(id ? decodeURIComponent(id) : null);
  } else if (!sitesShown) {
    sitesShown = true;
    showSites();
  }
}

me.then(user => {
  document.getElementById('me').textContent = `${user.username} (${(user.roles || []).join(', ')})`;
});
window.addEventListener('hashchange', route);
document.addEventListener('DOMContentLoaded', route);
