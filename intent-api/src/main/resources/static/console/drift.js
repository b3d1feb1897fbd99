// The drift page (#drift): unresolved drift events, newest first, kept current by the live feed
// (Server-Sent Events from /api/v1/drift-events/stream): a new event appears, a resolved one leaves, a moved one
// changes in place and flashes. Operators acknowledge, or accept with a reason and an expiry (the event re-opens by
// itself when the acceptance runs out).
const driftPage = { source: null, events: new Map(), filters: { site: '', severity: '' } };
const DRIFT_STATES = ['open', 'acknowledged', 'accepted', 'reopened', 'resolved'];

async function showDrift() {
  prepareDriftFilters();
  await loadDrift();
  followDrift();
}

function prepareDriftFilters() {
  const form = document.getElementById('drift-filters');
  if (form.dataset.ready) return;
  form.dataset.ready = 'yes';
  api('/api/v1/sites?size=1000').then(sites => {
    document.getElementById('drift-site').append(...sites.items.map(s => {
      const option = element('option', s.code);
      option.value = s.code;
      return option;
    }));
  }).catch(() => {});
  form.onchange = () => {
    driftPage.filters.site = document.getElementById('drift-site').value;
    driftPage.filters.severity = document.getElementById('drift-severity').value;
    loadDrift();
  };
}

async function loadDrift() {
  const query = new URLSearchParams({ limit: '1000' });
  if (driftPage.filters.site) query.set('site', driftPage.filters.site);
  if (driftPage.filters.severity) query.set('severity', driftPage.filters.severity);
  try {
    const events = await api(`/api/v1/drift-events?${query}`);
    driftPage.events = new Map(events.filter(e => e.state !== 'resolved').map(e => [e.id, e]));
    document.getElementById('drift-error').textContent = '';
  } catch (e) {
    document.getElementById('drift-error').textContent = e.message;
  }
  renderDrift();
}

function followDrift() {
  if (driftPage.source) return;
  const source = new EventSource(new URL('/api/v1/drift-events/stream', location.origin));
  driftPage.source = source;
  const live = document.getElementById('drift-live');
  source.onopen = () => { live.textContent = 'live'; live.className = 'live on'; };
  source.onerror = () => { live.textContent = 'reconnecting…'; live.className = 'live off'; };
  DRIFT_STATES.forEach(state => source.addEventListener(state, message => {
    const event = JSON.parse(message.data);
    if (!matchesDriftFilters(event)) return;
    if (event.state === 'resolved') {
      driftPage.events.delete(event.id);
    } else {
      driftPage.events.set(event.id, event);
    }
    renderDrift(event.id);
    appendDriftFeed(event);
  }));
}

function matchesDriftFilters(event) {
  const f = driftPage.filters;
  return (!f.site || event.site === f.site) && (!f.severity || event.severity === f.severity);
}

function appendDriftFeed(event) {
  const feed = document.getElementById('drift-feed');
  const li = element('li', `${new Date().toLocaleTimeString()} ${event.state}: ${event.type} on ${event.device}`
    + `${event.object === '-' ? '' : ' ' + event.object}`);
  li.className = `severity ${event.severity}`;
  feed.prepend(li);
  while (feed.children.length > 50) feed.lastChild.remove();
}

async function renderDrift(changed) {
  const operator = await may('operator');
  const events = [...driftPage.events.values()].sort((a, b) => b.id - a.id);
  const counts = { critical: 0, major: 0, minor: 0 };
  events.forEach(e => { counts[e.severity] += 1; });
  document.getElementById('drift-summary').textContent = events.length === 0 ? 'No unresolved drift.'
    : `${events.length} unresolved: ${counts.critical} critical, ${counts.major} major, ${counts.minor} minor`;
  document.getElementById('drift-rows').replaceChildren(...events.map(e => {
    const tr = document.createElement('tr');
    tr.dataset.event = e.id;
    tr.dataset.fingerprint = `${e.device}|${e.type}|${e.object}`;
    if (e.id === changed) tr.classList.add('flash');
    cell(tr, e.severity, `severity ${e.severity}`);
    [e.site, e.device, e.type, e.object, e.expected ?? '', e.observed ?? ''].forEach(v => cell(tr, v));
    const state = cell(tr, e.state, `drift-state ${e.state}`);
    if (e.state === 'acknowledged' && e.acknowledgedBy) state.title = `by ${e.acknowledgedBy}`;
    if (e.state === 'accepted') {
      state.textContent = `accepted until ${time(e.acceptedUntil)} by ${e.acceptedBy}: ${e.acceptedReason}`;
    }
    cell(tr, e.occurrences);
    cell(tr, time(e.lastSeen));
    const actions = cell(tr, '');
    if (operator) {
      if (e.state === 'open' || e.state === 'reopened') {
        const ack = element('button', 'Acknowledge');
        ack.type = 'button';
        ack.className = 'acknowledge';
        ack.onclick = () => driftAction(`/api/v1/drift-events/${e.id}/acknowledge`);
        actions.appendChild(ack);
      }
      if (e.state !== 'accepted') {
        const accept = element('button', 'Accept…');
        accept.type = 'button';
        accept.className = 'accept';
        accept.onclick = () => askAccept(e);
        actions.appendChild(accept);
      }
    }
    return tr;
  }));
}

async function driftAction(path, body) {
  try {
    await apiPost(path, body);
    document.getElementById('drift-error').textContent = '';
  } catch (e) {
    document.getElementById('drift-error').textContent = e.message;
  }
}

function askAccept(event) {
  const form = document.getElementById('accept-form');
  document.getElementById('accept-what').textContent = `${event.type} on ${event.device}`
    + `${event.object === '-' ? '' : ' ' + event.object}`;
  document.getElementById('accept-reason').value = '';
  form.hidden = false;
  document.getElementById('accept-cancel').onclick = () => { form.hidden = true; };
  form.onsubmit = async submitted => {
    submitted.preventDefault();
    const hours = Number(document.getElementById('accept-hours').value);
    const until = new Date(Date.now() + hours * 3600 * 1000).toISOString();
    await driftAction(`/api/v1/drift-events/${event.id}/accept`,
      { reason: document.getElementById('accept-reason').value, until });
    form.hidden = true;
  };
}
