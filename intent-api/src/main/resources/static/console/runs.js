// The pipeline runs page: recent runs with their progress, one run's devices followed live, a device's diff and
// timeline. While what is shown is not final, the page polls every POLL_MS; it stops once everything is final.
const POLL_MS = 1500;
const FINAL_RUN = ['done', 'failed', 'halted', 'cancelled'];
const BAR = ['done', 'unchanged', 'failed', 'skipped', 'cancelled']; // progress bar segments, in this order

const runsPage = { runId: null, device: null, taskSeen: null, generation: 0, timer: null, formReady: false };
// What each part of the page last showed, as JSON: an unchanged answer leaves the DOM alone, so rows are not
// replaced under a click in progress.
const lastShown = new Map();

function changed(part, data) {
  const json = JSON.stringify(data);
  if (lastShown.get(part) === json) return false;
  lastShown.set(part, json);
  return true;
}

async function showRuns(runId) {
  if (runId !== runsPage.runId) {
    runsPage.runId = runId;
    runsPage.device = null;
    document.getElementById('task').hidden = true;
  }
  document.getElementById('run').hidden = runId == null;
  if (!runsPage.formReady) {
    runsPage.formReady = true;
    prepareControls();
  }
  refreshRuns();
}

// One refresh at a time: a newer call (a click, a started run) makes any older one drop its answer and its timer.
async function refreshRuns() {
  const generation = ++runsPage.generation;
  clearTimeout(runsPage.timer);
  const runId = runsPage.runId;
  let live;
  try {
    const [list, detail] = await Promise.all([api('/api/v1/pipeline-runs?limit=50'),
      runId == null ? null : api(`/api/v1/pipeline-runs/${runId}`)]);
    if (generation !== runsPage.generation) return;
    if (changed('list', [list.items, runId])) renderRunList(list.items);
    if (detail && changed('run', [detail, runsPage.device])) await renderRun(detail);
    document.getElementById('run-error').textContent = '';
    live = detail ? !FINAL_RUN.includes(detail.run.state) : list.items.some(r => !FINAL_RUN.includes(r.state));
  } catch (e) {
    if (generation !== runsPage.generation) return;
    lastShown.clear();
    if (runId == null) errorRow(document.getElementById('run-rows'), 8, e);
    document.getElementById('run-error').textContent = e.message;
    live = true; // try again: a server restarting comes back
  }
  // a click may have started a newer refresh while this one rendered: that one owns the timer now
  if (live && generation === runsPage.generation && !document.getElementById('runs-page').hidden) {
    runsPage.timer = setTimeout(refreshRuns, POLL_MS);
  }
}

function renderRunList(runs) {
  const rows = document.getElementById('run-rows');
  rows.replaceChildren(...runs.map(run => {
    const tr = document.createElement('tr');
    tr.className = run.id === runsPage.runId ? 'clickable selected' : 'clickable';
    tr.dataset.run = run.id;
    cell(tr, `#${run.id}`);
    cell(tr, run.options.dryRun ? `${run.kind} (dry run)` : run.kind);
    cell(tr, targetText(run.target));
    cell(tr, run.state, `state ${run.state}`);
    cell(tr, run.actor);
    tr.appendChild(progress(run.counts));
    cell(tr, time(run.startedAt));
    cell(tr, time(run.finishedAt));
    tr.onclick = () => { location.hash = `#runs/${run.id}`; };
    return tr;
  }));
  if (runs.length === 0) errorRow(rows, 8, { message: 'No pipeline runs yet.' });
}

function targetText(target) {
  if (target.devices && target.devices.length) return target.devices.join(', ');
  return [target.site, target.role && `role ${target.role}`, target.rack && `rack ${target.rack}`,
    target.tag && `tag ${target.tag}`].filter(Boolean).join(' · ');
}

function progress(counts) {
  const td = document.createElement('td');
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const bar = element('div', '', 'bar');
  for (const state of BAR.filter(s => counts[s] > 0)) {
    const segment = element('span', '', `segment ${state}`);
    segment.style.width = `${(100 * counts[state]) / total}%`;
    segment.title = `${counts[state]} ${state}`;
    bar.appendChild(segment);
  }
  const shown = BAR.filter(s => s !== 'cancelled' || counts[s] > 0).map(s => `${counts[s]} ${s}`);
  td.append(bar, element('div', `${shown.join(' · ')} of ${total}`, 'counts'));
  return td;
}

async function renderRun({ run, tasks }) {
  const options = run.options;
  document.getElementById('run-title').textContent =
    `Run #${run.id}: ${run.kind}${options.dryRun ? ' (dry run)' : ''} on ${targetText(run.target)}`;
  document.getElementById('run-summary').textContent = [`state ${run.state}`, `by ${run.actor}`,
    `concurrency ${options.concurrency}`, `canary ${options.canary}`, `failure budget ${options.failureBudget}`,
    `over ${options.channel}`, run.haltReason && `halted: ${run.haltReason}`].filter(Boolean).join(' · ');
  const engineer = await may('network-engineer');
  document.getElementById('cancel-run').hidden = !engineer || FINAL_RUN.includes(run.state);
  document.getElementById('retry-run').hidden = !engineer || !FINAL_RUN.includes(run.state) || !run.counts.failed;

  document.getElementById('task-rows').replaceChildren(...tasks.map(task => {
    const tr = document.createElement('tr');
    tr.className = task.device === runsPage.device ? 'clickable selected' : 'clickable';
    tr.dataset.device = task.device;
    cell(tr, task.device);
    cell(tr, task.wave);
    cell(tr, task.state, `state ${task.state}`);
    cell(tr, task.step);
    cell(tr, task.attempts);
    cell(tr, task.failureReason);
    cell(tr, task.failureDetail);
    cell(tr, task.hasDiff ? 'diff' : '');
    tr.onclick = () => {
      runsPage.device = task.device;
      runsPage.taskSeen = null;
      refreshRuns();
    };
    return tr;
  }));
  // the selected device's diff and timeline are read again only when its task moved on
  const selected = tasks.find(t => t.device === runsPage.device);
  const seen = selected && [selected.state, selected.step, selected.hasDiff, selected.attempts].join('|');
  if (selected && seen !== runsPage.taskSeen) {
    await showTask(run.id, selected);
    runsPage.taskSeen = seen;
  }
}

async function showTask(runId, task) {
  const base = `/api/v1/pipeline-runs/${runId}/tasks/${encodeURIComponent(task.device)}`;
  const [diff, timeline] = await Promise.all([apiText(`${base}/diff`), api(`${base}/timeline`)]);
  document.getElementById('task').hidden = false;
  document.getElementById('task-title').textContent = `${task.device} (${task.address}): ${task.state}`;
  document.getElementById('diff').replaceChildren(...diff.replace(/\n$/, '').split('\n').map(line => element('span', `${line}\n`,
    diffClass(line))));
  document.getElementById('timeline-rows').replaceChildren(...timeline.map(event => {
    const tr = document.createElement('tr');
    [time(event.at), event.step, event.state, event.detail].forEach(v => cell(tr, v));
    return tr;
  }));
}

function diffClass(line) {
  if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('#')) return 'meta';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'del';
  return '';
}

async function runAction(button, action) {
  const message = document.getElementById('run-message');
  button.disabled = true;
  try {
    await apiPost(`/api/v1/pipeline-runs/${runsPage.runId}/${action}`);
    message.textContent = '';
  } catch (e) {
    message.className = 'message error';
    message.textContent = e.message;
  } finally {
    button.disabled = false;
  }
  refreshRuns();
}

async function prepareControls() {
  const cancel = document.getElementById('cancel-run');
  const retry = document.getElementById('retry-run');
  cancel.onclick = () => runAction(cancel, 'cancel');
  retry.onclick = () => runAction(retry, 'retry-failed');
  if (!(await may('network-engineer'))) return;
  const form = document.getElementById('start-run');
  const sites = await api('/api/v1/sites?size=1000').catch(() => ({ items: [] }));
  if (sites.items.length === 0) return; // nothing to run on (or the sites could not be read)
  document.getElementById('start-site').replaceChildren(...sites.items.map(site => {
    const option = element('option', `${site.code} — ${site.name}`);
    option.value = site.code;
    return option;
  }));
  form.hidden = false;
  form.onsubmit = event => {
    event.preventDefault();
    startRun(form);
  };
}

async function startRun(form) {
  const number = name => (form.elements[name].value === '' ? undefined : Number(form.elements[name].value));
  const site = form.elements.site.value;
  const dryRun = form.elements.dryRun.checked;
  const message = document.getElementById('start-message');
  if (!dryRun && !confirm(`Push the rendered config to every device of ${site}?`)) return;
  message.className = 'message';
  message.textContent = 'Starting…';
  try {
    const started = await apiPost('/api/v1/pipeline-runs', { kind: 'config', target: { site }, dryRun,
      concurrency: number('concurrency'), canary: number('canary'), failureBudget: number('failureBudget') });
    message.textContent = `Run #${started.run.id} started.`;
    location.hash = `#runs/${started.run.id}`;
  } catch (e) {
    message.className = 'message error';
    message.textContent = e.message;
  }
}
