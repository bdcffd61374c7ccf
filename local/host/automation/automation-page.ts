import type { SiteData } from '../../jira/model';
import { esc } from '../pages';
import type { Automation } from './automation';
import type { Rule, RuleAction, RuleTrigger } from './rules';

/** The host's Automation page: the rules with their switches and audit logs, and a form to create a rule. */
const describeTrigger = (t: RuleTrigger): string =>
  ({
    'issue-created': 'Issue created',
    'issue-updated': 'Issue updated',
    'field-changed': `Field value changed: ${'field' in t ? t.field : ''}`,
    'issue-flagged': 'Issue flagged',
    'issue-transitioned': `Issue transitioned${'toStatus' in t && t.toStatus ? ` to ${t.toStatus}` : ''}`,
    'issue-linked': 'Issue linked',
    'incoming-webhook': 'Incoming webhook',
  })[t.kind];

function describeAction(automation: Automation, a: RuleAction): string {
  if (a.kind === 'web-request') return `Send web request: ${a.method} ${a.url}`;
  const name = automation.actions.find((x) => x.key === a.actionKey)?.name ?? a.actionKey;
  return `${name} (${Object.entries(a.inputs).map(([k, v]) => `${k} = ${v}`).join(', ')})`;
}

function ruleRow(automation: Automation, site: SiteData, siteUrl: string, rule: Rule): string {
  const actor = site.users.find((u) => u.accountId === rule.actorAccountId)?.displayName ?? rule.actorAccountId;
  const audit = automation.rules
    .auditLog(rule.id)
    .slice(0, 20)
    .map((e) => `<tr><td>${esc(e.at)}</td><td>${esc(e.issueKey ?? '')}</td><td><span class="lozenge ${e.status === 'SUCCESS' ? 'cat-done' : e.status === 'FAILURE' ? 'cat-indeterminate' : 'cat-new'}">${esc(e.status)}</span></td><td>${esc(e.message)}</td></tr>`)
    .join('');
  const webhook = rule.trigger.kind === 'incoming-webhook' ? `<p>Webhook URL: <code data-testid="rule-webhook">${esc(`${siteUrl}/__automation/webhook/${rule.id}/${rule.webhookToken}`)}</code></p>` : '';
  return `<tr data-testid="rule-${esc(rule.id)}">
  <td><strong>${esc(rule.name)}</strong>${webhook}</td>
  <td>${esc(describeTrigger(rule.trigger))}</td>
  <td>${rule.jql ? `<code>${esc(rule.jql)}</code>` : 'Any issue'}</td>
  <td>${esc(describeAction(automation, rule.action))}</td>
  <td>${esc(actor)}</td>
  <td><button type="button" data-toggle="${esc(rule.id)}" data-enabled="${rule.enabled}">${rule.enabled ? 'Enabled: disable' : 'Disabled: enable'}</button></td>
</tr>
<tr><td colspan="6"><details><summary>Audit log</summary><table class="list"><tbody>${audit || '<tr><td>No executions yet</td></tr>'}</tbody></table></details></td></tr>`;
}

function form(automation: Automation): string {
  const actionOptions = automation.actions.map((a) => `<option value="app:${esc(a.key)}">${esc(a.name)} (app action)</option>`).join('');
  const inputs = automation.actions
    .map((a) =>
      Object.entries(a.inputs)
        .map(([name, def]) => `<label data-action="${esc(a.key)}">${esc(def.title)}${def.required ? ' *' : ''} <input name="input:${esc(a.key)}:${esc(name)}" placeholder="${esc(def.description)}"></label>`)
        .join(''),
    )
    .join('');
  return `<h2>Create rule</h2>
<form id="new-rule" class="rule-form">
  <label>Name <input name="name" required value="When an issue is flagged, escalate to technical leadership"></label>
  <label>When <select name="trigger">
    <option value="issue-flagged">Issue flagged</option><option value="issue-created">Issue created</option><option value="issue-updated">Issue updated</option>
    <option value="field-changed">Field value changed</option><option value="issue-transitioned">Issue transitioned</option><option value="issue-linked">Issue linked</option>
    <option value="incoming-webhook">Incoming webhook</option></select></label>
  <label>Field or status <input name="field" placeholder="priority, Flagged, Done..."></label>
  <label>If the issue matches JQL <input name="jql" placeholder="project = PAY AND issuetype = Feature"></label>
  <label>Then <select name="action">${actionOptions}<option value="web-request">Send web request</option></select></label>
  ${inputs}
  <label data-action="web-request">URL <input name="url" placeholder="http://localhost:9000/hook"></label>
  <label data-action="web-request">Body <input name="body" value='{"issue":"{{issue.key}}"}'></label>
  <button type="submit">Create rule</button>
  <p id="rule-error" role="alert"></p>
</form>`;
}

const SCRIPT = `
var form = document.getElementById('new-rule');
function showInputs() {
  var chosen = form.action.value.replace(/^app:/, '');
  form.querySelectorAll('[data-action]').forEach(function (l) { l.hidden = l.dataset.action !== chosen; });
}
form.action.addEventListener('change', showInputs); showInputs();
function post(url, body) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
form.addEventListener('submit', function (e) {
  e.preventDefault();
  var kind = form.trigger.value, field = form.field.value.trim();
  var trigger = kind === 'field-changed' ? { kind: kind, field: field } : kind === 'issue-transitioned' ? { kind: kind, toStatus: field || null } : { kind: kind };
  var action;
  if (form.action.value === 'web-request') action = { kind: 'web-request', method: 'POST', url: form.url.value, body: form.body.value };
  else {
    var key = form.action.value.slice(4), inputs = {};
    form.querySelectorAll('input[name^="input:' + key + ':"]').forEach(function (i) { if (i.value) inputs[i.name.split(':')[2]] = i.value; });
    action = { kind: 'app-action', actionKey: key, inputs: inputs };
  }
  post('/__local/automation/rules', { name: form.name.value, trigger: trigger, jql: form.jql.value, action: action }).then(function (r) {
    if (r.ok) window.location.reload(); else r.json().then(function (b) { document.getElementById('rule-error').textContent = b.message; });
  });
});
document.querySelectorAll('button[data-toggle]').forEach(function (b) {
  b.addEventListener('click', function () {
    post('/__local/automation/rules/' + b.dataset.toggle + '/enabled', { enabled: b.dataset.enabled !== 'true' }).then(function () { window.location.reload(); });
  });
});`;

export function automationPage(automation: Automation, site: SiteData, siteUrl: string): string {
  const rows = automation.rules.list().map((r) => ruleRow(automation, site, siteUrl, r)).join('');
  return `<style>.rule-form { display: grid; gap: 8px; max-width: 640px; } .rule-form label { display: grid; gap: 4px; } .rule-form input { font: inherit; padding: 4px 8px; }</style>
<h1>Automation</h1>
<p>Rules run on this offline site as Jira Automation does: when something happens to an issue, if it matches the JQL, then the app's action (or a web request to a local URL) runs as the rule's actor.</p>
<table class="list" data-testid="rules"><thead><tr><th>Rule</th><th>When</th><th>If</th><th>Then</th><th>Actor</th><th>Status</th></tr></thead><tbody>${rows || '<tr><td colspan="6">No rules yet</td></tr>'}</tbody></table>
${form(automation)}
<script>${SCRIPT}</script>`;
}
