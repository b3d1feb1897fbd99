// The servers page: each server of a site with its provisioning state (enrolled … active, deploy-failed), the
// images it should have and has, and a deploy's bytes written. It polls every 2 s while a server is mid-deploy, and
// every 5 s otherwise (a run started elsewhere shows up by itself).
const SERVERS_POLL_MS = 2000;
const SERVERS_IDLE_POLL_MS = 5000;
const DEPLOYING = ['deploying', 'rebuilding', 'wait-callback', 'verifying', 'cleaning'];
const serversPage = { site: null, timer: null, generation: 0, sitesLoaded: false };

async function showServers(site) {
  const select = document.getElementById('servers-site');
  if (!serversPage.sitesLoaded) {
    serversPage.sitesLoaded = true;
    const sites = await api('/api/v1/sites?size=1000');
    for (const s of (sites.items || sites)) select.append(new Option(s.code, s.code));
    select.addEventListener('change', () => { location.hash = `servers/${encodeURIComponent(select.value)}`; });
  }
  serversPage.site = site || select.value;
  select.value = serversPage.site;
  refreshServers();
}

async function refreshServers() {
  const generation = ++serversPage.generation;
  clearTimeout(serversPage.timer);
  const rows = document.getElementById('server-rows');
  let live = false;
  try {
    const servers = serversPage.site ? await api(`/api/v1/servers?site=${encodeURIComponent(serversPage.site)}`) : [];
    if (generation !== serversPage.generation) return;
    rows.replaceChildren();
    for (const s of servers) {
      const row = rows.insertRow();
      row.dataset.server = s.hostname;
      cell(row, s.hostname);
      cell(row, s.state, `state ${s.state}`);
      cell(row, s.desiredImage || '');
      cell(row, s.installedImage || '');
      cell(row, s.bytesTotal ? `${(s.bytesWritten / 1e6).toFixed(1)} / ${(s.bytesTotal / 1e6).toFixed(1)} MB` : '');
      cell(row, s.reportedImage ? `${s.reportedImage} ${time(s.reportedAt)}` : '');
      cell(row, s.state === 'deploy-failed' ? `${s.failureReason}: ${s.failureDetail || ''}` : '');
      const run = row.insertCell();
      if (s.runId) {
        const link = element('a', `#${s.runId}`);
        link.href = `#runs/${s.runId}`;
        run.append(link);
      }
    }
    if (servers.length === 0) errorRow(rows, 8, { message: 'No servers in this site are enrolled yet.' });
    const counts = {};
    servers.forEach(s => { counts[s.state] = (counts[s.state] || 0) + 1; });
    document.getElementById('servers-summary').textContent =
      Object.entries(counts).map(([state, n]) => `${n} ${state}`).join(' · ');
    document.getElementById('servers-error').textContent = '';
    live = servers.some(s => DEPLOYING.includes(s.state));
  } catch (e) {
    if (generation !== serversPage.generation) return;
    document.getElementById('servers-error').textContent = e.message;
    live = true;
  }
  if (generation === serversPage.generation && !document.getElementById('servers-page').hidden) {
    serversPage.timer = setTimeout(refreshServers, live ? SERVERS_POLL_MS : SERVERS_IDLE_POLL_MS);
  }
}
