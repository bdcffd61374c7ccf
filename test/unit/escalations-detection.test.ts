import { activeCauses } from '../../src/domain/impediments/detect';
import { agendaMarkdown } from '../../src/domain/impediments/agenda-markdown';
import { buildAgenda } from '../../src/domain/impediments/agenda';
import type { ActiveCause, ImpedimentRecord } from '../../src/domain/impediments/model';
import { escalate, reconcileSource } from '../../src/domain/impediments/reconcile';
import { DEFAULT_ESCALATION_SETTINGS, escalationSettingsProblem, type EscalationSettings } from '../../src/domain/impediments/settings';
import { breachesSla, workingDaysBetween } from '../../src/domain/impediments/sla';
import type { SourceFacts } from '../../src/domain/impediments/source-facts';
import { readSignedHeaders, REPLAY_WINDOW_SECONDS } from '../../src/domain/impediments/webhook-request';

const calm: SourceFacts = { id: '100', key: 'PAY-100', flagged: false, priority: 'Medium', labels: [], blockers: [], done: false, planningItem: false };
const settings = DEFAULT_ESCALATION_SETTINGS;
const off = (cause: keyof EscalationSettings['rules']): EscalationSettings => ({ ...settings, rules: { ...settings.rules, [cause]: false } });

describe('detection rules', () => {
  const cases: Array<[string, Partial<SourceFacts>, EscalationSettings, Array<Pick<ActiveCause, 'cause' | 'detail'>>]> = [
    ['nothing on a calm issue', {}, settings, []],
    ['flagged', { flagged: true }, settings, [{ cause: 'FLAGGED', detail: null }]],
    ['flagged, rule off', { flagged: true }, off('FLAGGED'), []],
    ['priority Highest', { priority: 'Highest' }, settings, [{ cause: 'PRIORITY_HIGHEST', detail: null }]],
    ['priority High is not an escalation', { priority: 'High' }, settings, []],
    ['priority Highest, rule off', { priority: 'Highest' }, off('PRIORITY_HIGHEST'), []],
    ['the escalation label', { labels: ['backend', 'escalated'] }, settings, [{ cause: 'LABEL', detail: 'escalated' }]],
    ['labels are case-sensitive, as in Jira', { labels: ['Escalated'] }, settings, []],
    ['a configured label', { labels: ['sos'] }, { ...settings, label: 'sos' }, [{ cause: 'LABEL', detail: 'sos' }]],
    ['the default label once another is configured', { labels: ['escalated'] }, { ...settings, label: 'sos' }, []],
    ['blocked by unresolved issues, one each, sorted', { blockers: [{ key: 'PAY-9', resolved: false }, { key: 'DATA-2', resolved: false }, { key: 'PAY-9', resolved: false }] }, settings, [{ cause: 'BLOCKED_BY', detail: 'DATA-2' }, { cause: 'BLOCKED_BY', detail: 'PAY-9' }]],
    ['a resolved blocker blocks nothing', { blockers: [{ key: 'PAY-9', resolved: true }] }, settings, []],
    ['a feature blocked by another: a planned dependency, not an escalation', { planningItem: true, blockers: [{ key: 'PAY-9', resolved: false }] }, settings, []],
    ['blocked by, rule off', { blockers: [{ key: 'PAY-9', resolved: false }] }, off('BLOCKED_BY'), []],
    ['everything at once', { flagged: true, priority: 'Highest', labels: ['escalated'], blockers: [{ key: 'PAY-9', resolved: false }] }, settings, [
      { cause: 'FLAGGED', detail: null },
      { cause: 'PRIORITY_HIGHEST', detail: null },
      { cause: 'LABEL', detail: 'escalated' },
      { cause: 'BLOCKED_BY', detail: 'PAY-9' },
    ]],
  ];
  it.each(cases)('%s', (_name, facts, s, expected) => {
    expect(activeCauses({ ...calm, ...facts }, s).map(({ cause, detail }) => ({ cause, detail }))).toEqual(expected);
  });
});

describe('reconciling a record with the current state', () => {
  const ctx = { now: new Date('2026-11-23T10:00:00Z'), actor: 'acc-dev', techLead: 'acc-lead' };
  const later = { ...ctx, now: new Date('2026-11-24T10:00:00Z') };
  const flagged = activeCauses({ ...calm, flagged: true }, settings);

  it('raises once for the same state, however often it is applied (a redelivered event)', () => {
    const first = reconcileSource({ impediments: [] }, calm, flagged, ctx);
    expect(first.raised).toHaveLength(1);
    expect(first.raised[0]).toMatchObject({ cause: 'FLAGGED', source: { key: 'PAY-100' }, raisedBy: 'acc-dev', owner: 'acc-lead', status: 'OPEN' });
    const again = reconcileSource(first.record, calm, flagged, later);
    expect(again).toEqual({ record: first.record, raised: [], resolved: [] });
  });

  it('resolves when the cause goes away, with its time to resolve, and a reordered old event changes nothing more', () => {
    const raised = reconcileSource({ impediments: [] }, calm, flagged, ctx).record;
    const cleared = reconcileSource(raised, calm, [], later);
    expect(cleared.resolved).toEqual([expect.objectContaining({ status: 'RESOLVED', resolvedAt: later.now.toISOString() })]);
    // Detection reads the current state, not the event: an old "flagged" event arriving late sees it unflagged.
    expect(reconcileSource(cleared.record, calm, [], { ...later, now: new Date('2026-11-25T00:00:00Z') }).record).toEqual(cleared.record);
  });

  it('leaves other sources and explicit escalations alone, and resolves an escalation when its source is done', () => {
    const other = reconcileSource({ impediments: [] }, { ...calm, id: '200', key: 'PAY-200' }, flagged, ctx).record;
    const withEscalation = escalate(other, calm, { reason: 'No test environment', severity: 'CRITICAL' }, ctx).record;
    expect(reconcileSource(withEscalation, calm, [], later).resolved).toEqual([]);
    const done = reconcileSource(withEscalation, { ...calm, done: true }, [], later);
    expect(done.resolved.map((i) => i.cause)).toEqual(['ESCALATED']);
    expect(done.record.impediments.filter((i) => i.status === 'OPEN').map((i) => i.source.key)).toEqual(['PAY-200']);
  });

  it('escalates an issue once while its escalation is open', () => {
    const once = escalate({ impediments: [] }, calm, { reason: 'r', severity: 'HIGH' }, ctx);
    expect(escalate(once.record, calm, { reason: 'again', severity: 'LOW' }, later)).toEqual({ record: once.record, raised: [], resolved: [] });
  });
});

describe('the SLA in working days', () => {
  it.each([
    ['2026-11-20T15:00:00Z', '2026-11-23T16:00:00Z', 1], // Friday -> Monday
    ['2026-11-23T10:00:00Z', '2026-11-23T18:00:00Z', 0],
    ['2026-11-23T10:00:00Z', '2026-11-26T10:00:00Z', 3],
    ['2026-11-21T10:00:00Z', '2026-11-23T09:00:00Z', 0], // Saturday -> Monday morning
  ])('from %s to %s: %i', (from, to, days) => {
    expect(workingDaysBetween(new Date(from), new Date(to))).toBe(days);
  });
  it('breaches only beyond the SLA', () => {
    expect(breachesSla('2026-11-23T10:00:00Z', new Date('2026-11-25T11:00:00Z'), 2)).toBe(false);
    expect(breachesSla('2026-11-23T10:00:00Z', new Date('2026-11-26T11:00:00Z'), 2)).toBe(true);
  });
});

describe('settings validation', () => {
  it.each([
    [{}, null],
    [{ label: 'two words' }, 'Escalation label'],
    [{ slaWorkingDays: 0 }, 'SLA'],
    [{ slaWorkingDays: 1.5 }, 'SLA'],
    [{ fieldSignal: 'LABEL', signalLabel: 'escalated' }, 'Signal label'],
  ] as Array<[Partial<EscalationSettings>, string | null]>)('%o', (change, problem) => {
    const found = escalationSettingsProblem({ ...settings, ...change });
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('signed web trigger headers', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const ts = String(now.getTime() / 1000);
  const sig = `sha256=${'a'.repeat(64)}`;
  const headers = (h: Record<string, string>) => (name: string) => h[name];
  it('reads a fresh, well-formed request', () => {
    expect(readSignedHeaders(headers({ 'x-escalation-timestamp': ts, 'x-escalation-signature': sig }), now)).toEqual({ ok: true, timestamp: ts, signature: 'a'.repeat(64) });
  });
  it.each([
    ['a missing signature', { 'x-escalation-timestamp': ts }, 'MISSING_SIGNATURE'],
    ['a missing timestamp', { 'x-escalation-signature': sig }, 'MISSING_SIGNATURE'],
    ['a malformed signature', { 'x-escalation-timestamp': ts, 'x-escalation-signature': 'md5=abc' }, 'MALFORMED_SIGNATURE'],
    ['a stale timestamp', { 'x-escalation-timestamp': String(Number(ts) - REPLAY_WINDOW_SECONDS - 1), 'x-escalation-signature': sig }, 'STALE_REQUEST'],
    ['a timestamp from the future', { 'x-escalation-timestamp': String(Number(ts) + REPLAY_WINDOW_SECONDS + 1), 'x-escalation-signature': sig }, 'STALE_REQUEST'],
  ])('refuses %s', (_name, h, code) => {
    const r = readSignedHeaders(headers(h), now);
    expect(r.ok ? null : r.problem.code).toBe(code);
  });
});

describe('the agenda', () => {
  const ctx = { now: new Date('2026-11-18T10:00:00Z'), actor: null, techLead: 'acc-lead' };
  const flaggedRecord: ImpedimentRecord = reconcileSource({ impediments: [] }, calm, activeCauses({ ...calm, flagged: true }, settings), ctx).record;
  // Another source: raised on Wednesday 18th, resolved on Monday 23rd (after the last meeting), 3 working days.
  const other = { ...calm, id: '300', key: 'PAY-300' };
  const raisedOther = reconcileSource(flaggedRecord, other, activeCauses({ ...other, priority: 'Highest' }, settings), ctx).record;
  const record = reconcileSource(raisedOther, other, [], { ...ctx, now: new Date('2026-11-23T12:00:00Z') }).record;
  const agenda = buildAgenda({
    items: [
      { key: 'PAY-2', summary: 'Ledger | posting', lateDependencies: 2, riskLevel: 4, impediments: record.impediments },
      { key: 'PAY-3', summary: 'Old news', lateDependencies: 1, riskLevel: 4, impediments: [] },
    ],
    sourceSummaries: new Map(),
    now: new Date('2026-11-25T10:00:00Z'),
    slaWorkingDays: 2,
    lastMeetingAt: '2026-11-20T10:00:00Z',
    seenAtLastMeeting: { late: new Set(['PAY-3']), critical: new Set(['PAY-3']) },
  });
  it('lists open impediments with age and SLA breach, and only what is new since the last meeting', () => {
    expect(agenda.impediments).toEqual([expect.objectContaining({ ageWorkingDays: 5, slaBreached: true, sourceSummary: null })]);
    expect(agenda.lateDependencies.map((i) => i.key)).toEqual(['PAY-2']);
    expect(agenda.criticalRisks.map((i) => i.key)).toEqual(['PAY-2']);
    expect(agenda.resolved).toEqual([expect.objectContaining({ item: { key: 'PAY-2', summary: 'Ledger | posting' }, workingDaysToResolve: 3 })]);
  });
  it('exports Markdown, escaping table cells, showing only the key of a source the reader cannot see', () => {
    const md = agendaMarkdown(agenda, 'Scrum of Scrums', new Map([['acc-lead', 'Lena Lead']]));
    expect(md).toContain('| PAY-2 Ledger \\| posting | PAY-100 | Flagged | 5 | **BREACHED** | Lena Lead |  |');
    expect(md).toContain('- PAY-2 Ledger \\| posting: 2 late');
    expect(md).toContain('- PAY-2: PAY-300 Priority raised to Highest, resolved in 3 working days');
  });
});
