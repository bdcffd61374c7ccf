import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteFile } from './host-context';
import { isJson, readBody, sendJson } from './http';
import { sendShellPage } from './shell-page';
import { automationPage } from './automation/automation-page';
import { parseNewRule } from './automation/rule-input';
import { hasProjectPermission } from '../jira/permissions';

/**
 * Local Automation's routes: the rules page, the JSON API it uses (project administrators only, JSON bodies
 * only), and each rule's incoming webhook (`POST /__automation/webhook/<rule>/<secret>`, body
 * `{ "issues": ["PAY-1"], "data": {...} }` as Jira's incoming webhook takes it).
 */
export const automationRoutes: RouteFile = (router, { automation, sessions, store }) => {
  const siteUrl = (): string => store.data.siteUrl;

  /** The signed-in administrator's accountId, or null after answering 401/403/415 itself. */
  const administrator = (req: IncomingMessage, res: ServerResponse): string | null => {
    const principal = sessions.principalOf(req);
    const refusal =
      principal.kind !== 'user'
        ? { status: 401, message: 'Sign in to manage Automation rules.' }
        : !store.data.projects.some((p) => hasProjectPermission(principal, p, 'ADMINISTER_PROJECTS'))
          ? { status: 403, message: 'Only project administrators manage Automation rules.' }
          : !isJson(req)
            ? { status: 415, message: 'Send JSON.' }
            : null;
    if (refusal) sendJson(res, refusal.status, { message: refusal.message });
    return refusal || principal.kind !== 'user' ? null : principal.accountId;
  };

  router.add('GET', '/__local/automation', ({ req, res, url }) => sendShellPage(req, res, url, { sessions, store }, 'Automation', automationPage(automation, store.data, siteUrl())));

  router.add('GET', '/__local/automation/rules', ({ res }) => sendJson(res, 200, { rules: automation.rules.list(), audit: automation.rules.auditLog() }));

  router.add('POST', '/__local/automation/rules', async ({ req, res }) => {
    const actor = administrator(req, res);
    if (!actor) return;
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return sendJson(res, 400, { message: 'The body must be JSON.' });
    }
    const rule = parseNewRule(body, automation.actions, actor);
    if (typeof rule === 'string') return sendJson(res, 400, { message: rule });
    sendJson(res, 201, automation.rules.add(rule));
  });

  router.add('POST', /^\/__local\/automation\/rules\/([\w-]+)\/enabled$/, async ({ req, res, params }) => {
    if (!administrator(req, res)) return;
    const enabled = (JSON.parse((await readBody(req)) || '{}') as { enabled?: unknown }).enabled;
    if (typeof enabled !== 'boolean') return sendJson(res, 400, { message: 'Send { "enabled": true | false }.' });
    const rule = automation.rules.setEnabled(params[0]!, enabled);
    if (!rule) return sendJson(res, 404, { message: 'No such rule.' });
    sendJson(res, 200, rule);
  });

  router.add('POST', /^\/__automation\/webhook\/([\w-]+)\/([a-f0-9]+)$/, async ({ req, res, params }) => {
    const rule = automation.rules.get(params[0]!);
    if (!rule || rule.webhookToken !== params[1]) return sendJson(res, 404, { message: 'No rule has this webhook URL.' });
    if (rule.trigger.kind !== 'incoming-webhook' || !rule.enabled) return sendJson(res, 400, { message: 'This rule is not an enabled incoming-webhook rule.' });
    let body: { issues?: unknown; data?: unknown };
    try {
      body = JSON.parse((await readBody(req)) || '{}') as typeof body;
    } catch {
      return sendJson(res, 400, { message: 'The body must be JSON.' });
    }
    sendJson(res, 200, { executions: automation.runner.webhook(rule, body ?? {}) });
  });
};
