// The exchange kill switch page (#kill): its state, the scopes of this node's kill plan (each exchange and
// kill-switch group, and everything) with an engage behind a typed confirmation, every link's status followed live,
// and release with approval by a second operator. Operators see the buttons; everyone else reads.
const KILL_POLL_MS = 1000;
const killPage = { timer: null, scope: null };

async function showKillSwitch() {
  const operator = await may('operator');
  document.getElementById('release-button').hidden = !operator;
  document.getElementById('release-reason').hidden = !operator;
  prepareEngageForm();
  try {
    const plan = await api('/api/v1/kill-switch/plan');
    const scopes = [{ kind: 'all', value: null, label: 'everything', links: plan.links }];
    Object.entries(plan.byExchange).forEach(([code, n]) => scopes.push({ kind: 'exchange', value: code,
      label: `exchange ${code}`, links: n }));
    Object.entries(plan.byGroup).forEach(([group, n]) => scopes.push({ kind: 'group', value: group,
      label: `group ${group}`, links: n }));
    document.getElementById('scope-rows').replaceChildren(...scopes.map(scope => {
      const tr = document.createElement('tr');
      tr.dataset.scope = scope.label;
      cell(tr, scope.label);
      cell(tr, scope.links);
      const td = cell(tr, '');
      if (operator) {
        const button = element('button', 'Engage…');
        button.type = 'button';
        button.onclick = () => askEngage(scope);
        td.appendChild(button);
      }
      return tr;
    }));
  } catch (e) {
    document.getElementById('kill-error').textContent = e.message;
  }
  refreshKillSwitch();
}

function prepareEngageForm() {
  const form = document.getElementById('engage-form');
  if (form.dataset.ready) return;
  form.dataset.ready = 'yes';
  const confirm = document.getElementById('engage-confirm');
  confirm.oninput = () => {
    document.getElementById('engage-button').disabled = killPage.scope == null
      || confirm.value.trim() !== killPage.scope.label;
  };
  document.getElementById('engage-cancel').onclick = () => { form.hidden = true; killPage.scope = null; };
  form.onsubmit = async event => {
    event.preventDefault();
    const scope = killPage.scope;
    const reason = document.getElementById('engage-reason').value;
    document.getElementById('engage-button').disabled = true;
    try {
      await apiPost('/api/v1/kill-switch/engage', { scope: { kind: scope.kind, value: scope.value }, reason });
      form.hidden = true;
      document.getElementById('kill-error').textContent = '';
    } catch (e) {
      document.getElementById('kill-error').textContent = e.message;
    }
    refreshKillSwitch();
  };
  document.getElementById('release-button').onclick = async () => {
    const message = document.getElementById('release-message');
    try {
      const request = await apiPost('/api/v1/kill-switch/release-requests',
        { reason: document.getElementById('release-reason').value });
      message.textContent = `release request ${request.id}: another operator approves it`;
    } catch (e) {
      message.textContent = e.message;
    }
    refreshKillSwitch();
  };
}

function askEngage(scope) {
  killPage.scope = scope;
  document.getElementById('engage-scope').textContent = `${scope.label} (${scope.links} links)`;
  document.getElementById('engage-confirm').value = '';
  document.getElementById('engage-button').disabled = true;
  document.getElementById('engage-form').hidden = false;
}

async function refreshKillSwitch() {
  clearTimeout(killPage.timer);
  try {
    const [status, requests] = await Promise.all([api('/api/v1/kill-switch'),
      api('/api/v1/kill-switch/release-requests')]);
    const state = document.getElementById('kill-state');
    state.className = `kill-state ${status.state}`;
    const counts = Object.entries(status.counts || {}).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`);
    state.textContent = status.state === 'released' && !status.id ? 'Released: nothing is engaged'
      : `${status.state}${status.scopes.length ? ': ' + status.scopes.join(', ') : ''}`
        + `${status.actor ? ' by ' + status.actor : ''}${status.reason ? ' (' + status.reason + ')' : ''}`
        + `${counts.length ? ' — ' + counts.join(', ') : ''}`;
    document.getElementById('kill-link-rows').replaceChildren(...status.links.map(l => {
      const tr = document.createElement('tr');
      tr.dataset.link = `${l.device}:${l.port}`;
      [l.device, l.port, l.circuitId, l.exchange].forEach(v => cell(tr, v));
      cell(tr, l.state, `state ${l.state}`);
      [l.channel ?? '', l.millis, l.reason ?? ''].forEach(v => cell(tr, v));
      return tr;
    }));
    const operator = await may('operator');
    const me_ = (await me).username;
    document.getElementById('release-rows').replaceChildren(...requests.map(r => {
      const tr = document.createElement('tr');
      tr.dataset.request = r.id;
      [r.id, r.requestedBy, r.reason, r.state, r.approvedBy ?? ''].forEach(v => cell(tr, v));
      const td = cell(tr, '');
      if (operator && r.state === 'pending' && r.requestedBy !== me_) {
        const approve = element('button', 'Approve release');
        approve.type = 'button';
        approve.onclick = async () => {
          try {
            await apiPost(`/api/v1/kill-switch/release-requests/${r.id}/approve`);
          } catch (e) {
            document.getElementById('kill-error').textContent = e.message;
          }
          refreshKillSwitch();
        };
        td.appendChild(approve);
      }
      return tr;
    }));
  } catch (e) {
    document.getElementById('kill-error').textContent = e.message;
  }
  if (!document.getElementById('kill-page').hidden) {
    killPage.timer = setTimeout(refreshKillSwitch, KILL_POLL_MS);
  }
}
