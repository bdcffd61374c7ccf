import { applyOperation, type PlanningOperation } from '../../src/domain/planning-record/operations';
import { emptyPlanningRecord, type PersonRef, type PlanningRecord, type SpecSectionKey } from '../../src/domain/planning-record/model';
import type { SiteData, StoredIssue } from './model';
import { DEMO_USERS } from './seed-users';

/**
 * Planning records for the demo: specs in every state (draft, in review, approved, approved then edited),
 * estimates that agree with the stories and estimates that diverge, and items not started. They are built with
 * the app's own operations, so they are valid records by construction.
 */
const PROPERTY = 'planning-readiness';
const lead: PersonRef = { accountId: DEMO_USERS.lead.accountId, displayName: DEMO_USERS.lead.name };
const architect: PersonRef = { accountId: DEMO_USERS.architect.accountId, displayName: DEMO_USERS.architect.name };

const SPEC: Partial<Record<SpecSectionKey, string>> = {
  context: 'The current implementation cannot meet the release goals: it is batch based and owned by a single team.',
  approach: 'Introduce an event-driven service behind the existing API gateway; migrate consumers one by one behind a feature flag.',
  components: 'API gateway routes, the new service, the shared event bus, consumer adapters in two teams.',
  nfrs: 'p95 latency < 200 ms; 99.95% availability; audit trail for every change.',
  acceptance: 'Consumers switched over with no change in error rates; old path removed.',
  openQuestions: 'Who owns the event schema registry after go-live?',
  enablers: 'Spike on the event bus throughput; test environment with production-like data.',
};

function stories(site: SiteData, key: string): StoredIssue[] {
  const item = site.issues.find((i) => i.key === key)!;
  const below = (id: string): StoredIssue[] => site.issues.filter((i) => i.parentId === id).flatMap((c) => [c, ...below(c.id)]);
  return below(item.id).filter((i) => i.issueTypeId === '10002' || i.issueTypeId === '10003');
}

function build(ops: Array<[PersonRef, PlanningOperation]>, startMinute: number): PlanningRecord {
  let record = emptyPlanningRecord();
  let n = 0;
  for (const [actor, op] of ops) {
    const result = applyOperation(record, op, {
      actor,
      now: new Date(Date.UTC(2026, 10, 2, 9, startMinute + n * 7)).toISOString(),
      baseRev: record.rev,
      canApprove: actor === architect,
      newId: () => `demo${startMinute}${n}`,
    });
    if (!result.ok) throw new Error(`demo planning record: ${result.error.message}`);
    record = result.record;
    n += 1;
  }
  return record;
}

const fullSpec = (): Array<[PersonRef, PlanningOperation]> =>
  (Object.keys(SPEC) as SpecSectionKey[]).map((section) => [lead, { type: 'spec.editSection', section, text: SPEC[section]! }]);

export function addDemoPlanningRecords(site: SiteData): void {
  const points = (key: string): number => stories(site, key).reduce((s, i) => s + (i.storyPoints ?? 0), 0);
  const within = (key: string): PlanningOperation => {
    const sum = points(key);
    return { type: 'estimate.set', value: { kind: 'points', low: Math.floor(sum * 0.8), high: Math.ceil(sum * 1.2) }, confidence: 4, assumptions: 'Teams stay stable through the release.' };
  };
  const diverging = (key: string): PlanningOperation => ({
    type: 'estimate.set',
    value: { kind: 'points', low: 1, high: Math.max(1, Math.floor(points(key) / 3)) },
    confidence: 2,
    assumptions: 'Estimated before the stories were written.',
  });
  const link: PlanningOperation = { type: 'spec.addLink', url: 'https://wiki.example.com/architecture/ledger', title: 'Ledger architecture overview' };

  const records: Record<string, Array<[PersonRef, PlanningOperation]>> = {
    // Approved specs with estimates that agree with the stories.
    'PAY-1': [...fullSpec(), [lead, link], [lead, { type: 'spec.submitForReview' }], [architect, { type: 'spec.approve' }], [lead, within('PAY-1')]],
    'PAY-2': [...fullSpec(), [lead, { type: 'spec.submitForReview' }], [architect, { type: 'spec.approve' }], [lead, within('PAY-2')]],
    // In review, estimated too low: the stories diverge.
    'PAY-7': [...fullSpec(), [lead, { type: 'spec.submitForReview' }], [lead, diverging('PAY-7')]],
    // A draft under way, no estimate yet.
    'PAY-12': [[lead, { type: 'spec.editSection', section: 'context', text: SPEC.context! }]],
    // A T-shirt estimate on an epic whose spec is a draft.
    'PAY-17': [
      [lead, { type: 'spec.editSection', section: 'context', text: 'Regulation requires strong customer authentication for all card-not-present payments.' }],
      [lead, { type: 'estimate.set', value: { kind: 'tshirt', size: 'XL' }, confidence: 3, assumptions: 'Passkeys are supported by 80% of devices.' }],
    ],
    'DATA-1': [...fullSpec(), [lead, { type: 'spec.submitForReview' }], [lead, within('DATA-1')]],
    // Approved, then edited: back in review, as the history shows.
    'DATA-2': [...fullSpec(), [lead, { type: 'spec.submitForReview' }], [architect, { type: 'spec.approve' }], [lead, { type: 'spec.editSection', section: 'nfrs', text: 'p95 latency < 150 ms after the capacity review.' }]],
    'DATA-7': [[lead, { type: 'spec.editSection', section: 'context', text: SPEC.context! }], [lead, diverging('DATA-7')]],
  };
  let minute = 0;
  for (const [key, ops] of Object.entries(records)) {
    site.issues.find((i) => i.key === key)!.properties[PROPERTY] = build(ops, minute);
    minute += 60;
  }
}
