import { AsyncLocalStorage } from 'node:async_hooks';
import type { JiraEmulator } from '../../jira/api';
import type { SiteChange } from '../../jira/changes';
import type { SiteData } from '../../jira/model';
import { invokeFunction, TIME_LIMIT_SECONDS, type AppFunctions } from '../../runtime/events/app-functions';
import type { ActionModule } from '../../runtime/events/manifest-modules';
import type { AuditStatus, Rule, RuleBook, RuleTrigger } from './rules';
import { renderSmartValues, type SmartScope } from './smart-values';

/**
 * Runs the local Automation rules: listens to the emulator's changes (and to incoming webhooks), checks the
 * rule's JQL condition as the rule's user, then runs its action as that user, and writes the audit log.
 * As in Jira, a change made by a rule's own action does not trigger rules again (no rule chaining).
 */
export interface RunnerDeps {
  rules: RuleBook;
  jira: JiraEmulator;
  site: () => SiteData;
  actions: ActionModule[];
  app: AppFunctions;
}

interface Outcome {
  status: AuditStatus;
  message: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function matches(trigger: RuleTrigger, change: SiteChange): boolean {
  if (change.type === 'issue:created') return trigger.kind === 'issue-created';
  if (change.type === 'issuelink:created') return trigger.kind === 'issue-linked';
  if (change.type !== 'issue:updated') return false;
  switch (trigger.kind) {
    case 'issue-updated':
      return true;
    case 'field-changed':
      return change.items.some((i) => i.field.toLowerCase() === trigger.field.toLowerCase() || i.fieldId === trigger.field);
    case 'issue-flagged':
      return change.items.some((i) => i.field === 'Flagged' && i.to !== null);
    case 'issue-transitioned':
      return change.items.some((i) => i.field === 'status' && (trigger.toStatus === null || i.toString === trigger.toStatus));
    default:
      return false;
  }
}

function issueIdOf(change: SiteChange): string | null {
  if (change.type === 'issuelink:created') return change.link.inwardIssueId;
  return change.type === 'issue:created' || change.type === 'issue:updated' ? change.issueId : null;
}

export class RuleRunner {
  private readonly executing = new AsyncLocalStorage<string>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: RunnerDeps) {}

  /** Listens to the site's changes; returns the function that stops listening. */
  start(): () => void {
    return this.deps.jira.changes.subscribe((change) => {
      if (this.executing.getStore()) return; // made by a rule: no chaining
      const issueId = issueIdOf(change);
      for (const rule of this.deps.rules.list()) {
        if (rule.enabled && matches(rule.trigger, change)) this.schedule(rule, issueId, { initiator: { accountId: change.actor.accountId } });
      }
    });
  }

  /** Starts a rule from its incoming webhook: once per issue key in `issues`, or once without an issue. */
  webhook(rule: Rule, body: { issues?: unknown; data?: unknown }): number {
    const keys = Array.isArray(body.issues) ? body.issues.filter((k): k is string => typeof k === 'string') : [];
    const ids = keys.map((k) => this.deps.site().issues.find((i) => i.key === k.toUpperCase() || i.id === k)?.id ?? `unknown:${k}`);
    for (const id of ids.length > 0 ? ids : [null]) this.schedule(rule, id, { webhookData: body.data ?? body });
    return Math.max(ids.length, 1);
  }

  /** Resolves when no rule is running (tests, and the page after a manual start). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private schedule(rule: Rule, issueId: string | null, extra: SmartScope): void {
    // Automation runs after the write has answered, like Jira's asynchronous rule execution.
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.executing.run(rule.id, () => this.execute(rule, issueId, extra)))
      .then((outcome) => this.audit(rule, issueId, outcome))
      .catch((e: unknown) => this.audit(rule, issueId, { status: 'FAILURE', message: e instanceof Error ? e.message : String(e) }))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private audit(rule: Rule, issueId: string | null, outcome: Outcome): void {
    const issueKey = issueId ? (this.deps.site().issues.find((i) => i.id === issueId)?.key ?? null) : null;
    this.deps.rules.log({ ruleId: rule.id, at: new Date().toISOString(), issueKey, ...outcome });
  }

  private async asActor(rule: Rule, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const r = await this.deps.jira.handle(method, path, body === undefined ? undefined : JSON.stringify(body), { kind: 'user', accountId: rule.actorAccountId });
    return { status: r.status, json: r.body ? (JSON.parse(r.body) as unknown) : null };
  }

  private async execute(rule: Rule, issueId: string | null, extra: SmartScope): Promise<Outcome> {
    const scope: SmartScope = { ...extra, now: new Date().toISOString() };
    if (issueId) {
      const issue = await this.asActor(rule, 'GET', `/rest/api/3/issue/${encodeURIComponent(issueId)}`);
      if (issue.status !== 200) return { status: 'NO_ACTIONS_PERFORMED', message: 'The issue does not exist or the rule actor cannot see it.' };
      scope.issue = issue.json;
      if (rule.jql) {
        const key = (issue.json as { key: string }).key;
        const found = await this.asActor(rule, 'POST', '/rest/api/3/search/jql', { jql: `issuekey = ${key} AND (${rule.jql})`, fields: ['key'] });
        if (found.status !== 200) return { status: 'FAILURE', message: `The JQL condition is not valid: ${JSON.stringify(found.json)}` };
        if ((found.json as { issues: unknown[] }).issues.length === 0) return { status: 'NO_ACTIONS_PERFORMED', message: `The issue does not match the condition: ${rule.jql}` };
      }
    }
    return rule.action.kind === 'app-action' ? this.appAction(rule, rule.action, scope) : this.webRequest(rule.action, scope);
  }

  private async appAction(rule: Rule, action: Extract<Rule['action'], { kind: 'app-action' }>, scope: SmartScope): Promise<Outcome> {
    const module = this.deps.actions.find((a) => a.key === action.actionKey);
    if (!module) return { status: 'FAILURE', message: `The app offers no action '${action.actionKey}'.` };
    const inputs: Record<string, string> = {};
    for (const [name, template] of Object.entries(action.inputs)) if (Object.hasOwn(module.inputs, name)) inputs[name] = renderSmartValues(template, scope);
    const missing = Object.entries(module.inputs).filter(([name, def]) => def.required && !inputs[name]);
    if (missing.length > 0) return { status: 'FAILURE', message: `Missing required input: ${missing.map(([, def]) => def.title).join(', ')}` };
    const call = { functionKey: module.function, moduleKey: module.key, accountId: rule.actorAccountId, timeLimitSeconds: TIME_LIMIT_SECONDS.default };
    const result = (await invokeFunction(this.deps.app, call, { ...inputs, context: { cloudId: this.deps.app.cloudId, moduleKey: module.key } })) as { errors?: unknown } | null;
    const errors = Array.isArray(result?.errors) ? (result.errors as Array<{ message?: unknown }>) : [];
    if (errors.length > 0) return { status: 'FAILURE', message: errors.map((e) => (typeof e.message === 'string' ? e.message : JSON.stringify(e))).join('; ') };
    return { status: 'SUCCESS', message: `${module.name}: ${JSON.stringify(inputs)}` };
  }

  private async webRequest(action: Extract<Rule['action'], { kind: 'web-request' }>, scope: SmartScope): Promise<Outcome> {
    const url = new URL(renderSmartValues(action.url, scope));
    if (!LOOPBACK_HOSTS.has(url.hostname)) return { status: 'FAILURE', message: `The offline runtime sends web requests to loopback addresses only, not ${url.hostname}.` };
    const response = await fetch(url, { method: action.method, ...(action.method === 'GET' ? {} : { body: renderSmartValues(action.body, scope), headers: { 'content-type': 'application/json' } }) });
    if (!response.ok) return { status: 'FAILURE', message: `${action.method} ${url.href} answered ${response.status}` };
    return { status: 'SUCCESS', message: `${action.method} ${url.href} answered ${response.status}` };
  }
}
