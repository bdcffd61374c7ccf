/**
 * Jira Automation smart values in action inputs: `{{issue.key}}`, `{{issue.summary}}` (a field, read from
 * `issue.fields` when the issue has no such top-level member), `{{issue.status.name}}`, `{{initiator.accountId}}`,
 * `{{webhookData.x}}`, `{{now}}`. An unknown smart value renders empty, as in Jira.
 * @see https://support.atlassian.com/cloud-automation/docs/jira-smart-values-issues/
 */
export type SmartScope = Record<string, unknown>;

function lookup(scope: SmartScope, path: string[]): unknown {
  let value: unknown = scope;
  for (const [i, part] of path.entries()) {
    if (value === null || typeof value !== 'object') return undefined;
    const object = value as Record<string, unknown>;
    const fields = object.fields as Record<string, unknown> | undefined;
    // issue.summary is issue.fields.summary
    value = Object.hasOwn(object, part) ? object[part] : i > 0 && fields && Object.hasOwn(fields, part) ? fields[part] : undefined;
  }
  return value;
}

const display = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(display).join(', ');
  if (typeof value === 'object') {
    const named = value as { name?: unknown; value?: unknown; displayName?: unknown };
    return display(named.name ?? named.displayName ?? named.value ?? JSON.stringify(value));
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
};

export function renderSmartValues(template: string, scope: SmartScope): string {
  return template.replace(/\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}\}/g, (_m, path: string) => display(lookup(scope, path.split('.'))));
}
