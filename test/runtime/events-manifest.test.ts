import { validate } from '@forge/manifest';
import { join } from 'node:path';
import { loadManifest } from '../../local/runtime/manifest';
import { compileFilterExpression, ExpressionEvaluationError, UnsupportedExpressionError } from '../../local/runtime/events/filter-expression';
import { EVENTS_APP } from '../support/events-site';

/** The background modules read from manifest.yml, and the filter expressions the runtime evaluates or refuses. */
const MANIFEST = join(EVENTS_APP, 'manifest.yml');

describe("the events fixture's manifest.yml", () => {
  it('passes @forge/manifest FULL validation, so the modules are shaped as Forge expects', async () => {
    const result = await validate(false, MANIFEST);
    expect(result.errors ?? []).toEqual([]);
  });

  it('yields its triggers, scheduled trigger, web trigger, consumer and offered action', () => {
    const { events } = loadManifest(MANIFEST);
    expect(events.triggers.map((t) => [t.key, t.filter.ignoreSelf])).toEqual([
      ['issue-trigger', true],
      ['epic-trigger', false],
      ['every-property-trigger', false],
      ['retry-trigger', false],
      ['receive-on-error-trigger', false],
      ['ignore-on-error-trigger', false],
    ]);
    expect(events.scheduledTriggers).toEqual([{ key: 'daily-sweep', function: 'on-schedule', interval: 'day' }]);
    expect(events.webTriggers).toEqual([{ key: 'inbound-hook', function: 'on-web' }]);
    expect(events.consumers).toEqual([
      { key: 'fixture-consumer', queue: 'fixture-queue', function: 'on-queue', resolverMethod: null },
      { key: 'fixture-resolver-consumer', queue: 'fixture-resolver-queue', function: 'on-queue-resolver', resolverMethod: 'queue-listener' },
    ]);
    expect(events.actions.map((a) => [a.key, Object.keys(a.inputs)])).toEqual([['escalate-action', ['issueKey', 'reason']]]);
    expect(events.functionTimeouts).toEqual({ 'on-queue': 120 });
  });
});

describe('trigger filter expressions', () => {
  const event = { eventType: 'avi:jira:updated:issue', issue: { key: 'PAY-1', fields: { issuetype: { name: 'Epic' }, labels: ['risk'], assignee: null } }, changelog: { items: [{ field: 'Flagged' }] } };
  const matches = (source: string): boolean => compileFilterExpression(source).matches(event);

  it('compares members, indexes and literals with boolean operators', () => {
    expect(matches("event.issue.fields.issuetype.name == 'Epic'")).toBe(true);
    expect(matches("event.issue.fields.issuetype.name != 'Epic' || event.changelog.items[0].field == 'Flagged'")).toBe(true);
    expect(matches("!(event.issue.key == 'PAY-1') && true")).toBe(false);
    expect(matches("event.issue.fields['labels'].includes('risk')")).toBe(true);
    expect(matches('event.issue.fields.assignee == null')).toBe(true);
    expect(matches('event.changelog.items.length == 1')).toBe(true);
    expect(matches('event.issue.fields.duedate == null')).toBe(true); // an absent field reads as null
  });

  it('reports an evaluation error (the filter then applies onError) for a property of null', () => {
    expect(() => matches('event.issue.fields.assignee.accountId == "x"')).toThrow(ExpressionEvaluationError);
  });

  it('refuses what it cannot evaluate, naming the expression', () => {
    expect(() => compileFilterExpression('event.issue.fields.labels.map(l => l.length) == 1')).toThrow(UnsupportedExpressionError);
    expect(() => compileFilterExpression('event.issue.fields.labels.map(l => l.length) == 1')).toThrow(/cannot evaluate the trigger filter expression "event.issue.fields.labels.map/);
    expect(() => compileFilterExpression('event.issue + 1')).toThrow(UnsupportedExpressionError);
  });
});
