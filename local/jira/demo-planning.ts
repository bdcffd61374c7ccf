import type { SiteData, StoredIssue } from './model';
import { DEMO_USERS } from './seed-users';

/**
 * The demo's planning records, as scripts of what people do in the Planning panel: specs in every state
 * (draft, in review, approved, approved then edited), estimates that agree with the stories and estimates
 * that diverge, and items not started. The host plays them through the app's own resolvers, as these
 * users, so the records, the approvals' proofs, the JQL summaries and the lozenges are the app's own.
 * The operations are the Planning panel's wire format (`planning.update` payloads).
 */
export interface DemoPlanningStep {
  actorEmail: string;
  operation: Record<string, unknown> & { type: string };
}

const lead = DEMO_USERS.lead.email;
const architect = DEMO_USERS.architect.email;

const SPEC: Record<string, string> = {
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

const step = (actorEmail: string, operation: DemoPlanningStep['operation']): DemoPlanningStep => ({ actorEmail, operation });
const fullSpec = (): DemoPlanningStep[] => Object.entries(SPEC).map(([section, text]) => step(lead, { type: 'spec.editSection', section, text }));
const submit = (): DemoPlanningStep => step(lead, { type: 'spec.submitForReview' });
const approve = (): DemoPlanningStep => step(architect, { type: 'spec.approve' });

/** Issue key to the steps that build its planning record, in order. */
export function demoPlanningScripts(site: SiteData): Record<string, DemoPlanningStep[]> {
  const points = (key: string): number => stories(site, key).reduce((s, i) => s + (i.storyPoints ?? 0), 0);
  const within = (key: string): DemoPlanningStep => {
    const sum = points(key);
    return step(lead, { type: 'estimate.set', value: { kind: 'points', low: Math.floor(sum * 0.8), high: Math.ceil(sum * 1.2) }, confidence: 4, assumptions: 'Teams stay stable through the release.' });
  };
  const diverging = (key: string): DemoPlanningStep =>
    step(lead, { type: 'estimate.set', value: { kind: 'points', low: 1, high: Math.max(1, Math.floor(points(key) / 3)) }, confidence: 2, assumptions: 'Estimated before the stories were written.' });
  const link = step(lead, { type: 'spec.addLink', url: 'https://wiki.example.com/architecture/ledger', title: 'Ledger architecture overview' });

  return {
    // Approved specs with estimates that agree with the stories.
    'PAY-1': [...fullSpec(), link, submit(), approve(), within('PAY-1')],
    'PAY-2': [...fullSpec(), submit(), approve(), within('PAY-2')],
    // In review, estimated too low: the stories diverge.
    'PAY-7': [...fullSpec(), submit(), diverging('PAY-7')],
    // A draft under way, no estimate yet.
    'PAY-12': [step(lead, { type: 'spec.editSection', section: 'context', text: SPEC.context! })],
    // A T-shirt estimate on an epic whose spec is a draft.
    'PAY-17': [
      step(lead, { type: 'spec.editSection', section: 'context', text: 'Regulation requires strong customer authentication for all card-not-present payments.' }),
      step(lead, { type: 'estimate.set', value: { kind: 'tshirt', size: 'XL' }, confidence: 3, assumptions: 'Passkeys are supported by 80% of devices.' }),
    ],
    'DATA-1': [...fullSpec(), submit(), within('DATA-1')],
    // Approved, then edited: back in review, as the history shows.
    'DATA-2': [...fullSpec(), submit(), approve(), step(lead, { type: 'spec.editSection', section: 'nfrs', text: 'p95 latency < 150 ms after the capacity review.' })],
    'DATA-7': [step(lead, { type: 'spec.editSection', section: 'context', text: SPEC.context! }), diverging('DATA-7')],
  };
}
