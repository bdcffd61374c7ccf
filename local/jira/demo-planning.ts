import type { SiteData, StoredIssue } from './model';
import { DEMO_USERS } from './seed-users';

/**
 * The demo's planning records, as scripts of what people do in the Planning panel: specs in every state
 * (draft, in review, changes requested with a review conversation, approved, approved then edited),
 * estimates that agree with the stories and estimates that diverge, and items not started. Every spec is
 * written for its own epic or feature. The host plays them through the app's own resolvers, as these users,
 * so the records, the approvals' proofs, the JQL summaries, the lozenges and the review notices are the
 * app's own. The operations are the Planning panel's wire format (`planning.update` payloads).
 */
export type DemoOperation = Record<string, unknown> & { type: string };

/** A review conversation replies to a thread whose id the app made: the step reads it from the record so far. */
export interface DemoRecordSoFar {
  review: { threads: Array<{ id: string }> };
}

export interface DemoPlanningStep {
  actorEmail: string;
  operation: DemoOperation | ((record: DemoRecordSoFar) => DemoOperation);
}

const lead = DEMO_USERS.lead.email;
const architect = DEMO_USERS.architect.email;

type Sections = Record<'context' | 'approach' | 'components' | 'nfrs' | 'acceptance' | 'openQuestions' | 'enablers', string>;

/** Each spec is its own item's: what it is for, how, what it touches, and what is still open. */
const SPECS: Record<string, Sections> = {
  // Epic: Instant payments on the new ledger.
  'PAY-1': {
    context: 'The scheme mandates 10-second settlement for instant payments from Q2 2027. Today payments post to the mainframe ledger in nightly batches, so instant payments are impossible without a real-time ledger.',
    approach: 'Post every payment to the new event-sourced ledger as it is accepted. Three features: the posting service (`POST /v1/<tenant>/postings`), a real-time balance projection, and the instant scheme adapter. The mainframe keeps receiving an end-of-day extract until it is retired.',
    components: '| Component | Change |\n| --- | --- |\n| Ledger posting service | new |\n| Balance projection | new, read model |\n| Scheme adapter | new, ISO 20022 pacs.008 |\n| Mainframe extract | unchanged format |',
    nfrs: 'End-to-end settlement p99 under 5 s; 99.95% availability; no posting lost or doubled (idempotency keys on every call).',
    acceptance: 'A payment to a reachable bank settles within 10 s in the scheme sandbox; the end-of-day extract reconciles to the cent for 30 days.',
    openQuestions: 'Do we keep the batch path as a fallback for a quarter, or cut over per customer segment?',
    enablers: 'Spike: event store throughput at 2,000 postings/s. Scheme sandbox access for the adapter team.',
  },
  // Feature: Ledger posting service.
  'PAY-2': {
    context: 'Payments need one place that turns an accepted payment into balanced ledger entries, idempotently, in real time.',
    approach: 'A stateless service in front of the event store: `POST /v1/<tenant>/postings` takes a `Posting` with `List<Entry>`; double-entry rules are checked before the append; the idempotency key is the payment id.',
    components: 'New posting service; event store schema `posting.v1`; API gateway route; the shared idempotency table.',
    nfrs: 'p99 append under 50 ms at 2,000 postings/s; every rejected posting answers a reason code.',
    acceptance: 'Replaying the same payment id returns the first result; unbalanced entries are refused with `LEDGER_UNBALANCED`.',
    openQuestions: 'Who owns the posting schema once other products post to the ledger?',
    enablers: 'Load test environment with production-sized event store.',
  },
  // Feature: Real-time balance projection (in review, estimate diverges).
  'PAY-7': {
    context: 'Mobile and the scheme adapter need the available balance within a second of a posting; today balances are computed overnight.',
    approach: 'A projection consumes `posting.v1` events and keeps `Map<AccountId, Balance>` in a key-value store; reads go through a Balance API with a read-your-writes token.',
    components: 'Projection worker, balance store, Balance API for mobile, replay tooling.',
    nfrs: 'Balance lag p99 under 500 ms; full replay of a day in under 15 minutes.',
    acceptance: 'A posting is visible in the Balance API within 1 s; a replay rebuilds identical balances.',
    openQuestions: 'Can the projection store double as the overdraft check, or does that need its own model?',
    enablers: 'Spike on replay speed from the event log.',
  },
  // Epic: Streaming ingestion platform (in review, estimate agrees).
  'DATA-1': {
    context: 'Teams run 14 hand-made ingestion jobs; each new source takes 6 weeks and breaks on schema changes.',
    approach: 'One managed Kafka platform with change data capture from the core ledger and a self-service portal for topics, all governed by a schema registry.',
    components: 'Managed Kafka clusters, CDC connectors, schema registry, ingestion portal.',
    nfrs: 'p95 end-to-end ingestion latency under 200 ms; 99.9% availability; every topic has an owner and a schema.',
    acceptance: 'Two existing sources move to the platform with no data loss, and a new source goes live in under a week.',
    openQuestions: 'Which team runs the schema registry after go-live?',
    enablers: 'Spike on broker sizing; Terraform modules for clusters.',
  },
  // Feature: Managed Kafka clusters (approved, then edited back into review).
  'DATA-2': {
    context: 'Every team runs its own Kafka today, at three different versions, with no upgrade path.',
    approach: 'Three clusters per region, provisioned by Terraform modules; topics created only through the governance rules; rolling broker upgrades by runbook.',
    components: 'Terraform modules, broker configuration, topic governance rules, upgrade runbook.',
    nfrs: 'Survives the loss of one availability zone with no data loss; upgrades without downtime.',
    acceptance: 'A cluster is created from the modules in under an hour, and a broker upgrade rolls through with producers connected.',
    openQuestions: 'Tiered storage now, or after the first quarter of usage data?',
    enablers: 'Cluster sizing model from the current jobs’ volumes.',
  },
  // Feature: Distributed tracing rollout (ready: approved, estimated, broken down, nothing open).
  'PAY-66': {
    context: 'A failed payment crosses six services; support needs 40 minutes on average to find where it stopped.',
    approach: 'OpenTelemetry in every payment service, W3C trace context on HTTP and on the event bus, tail-based sampling that keeps every failed payment.',
    components: 'OpenTelemetry SDK and collector, trace context middleware, sampling policy, trace store.',
    nfrs: 'Tracing adds under 2 ms at p99 per hop; 100% of failed payments and 5% of the rest are kept for 14 days.',
    acceptance: 'Support finds the failing hop of a test payment from its payment id in under two minutes.',
    openQuestions: 'None left: the trace store is sized (PAY-69) and ops own the collector.',
    enablers: 'Collector capacity from last quarter’s peak traffic.',
  },
  // Feature: Token service provider integration (changes requested, with a review conversation).
  'PAY-50': {
    context: 'Wallet providers require a certified token service provider (TSP) before cards can be added to their wallets.',
    approach: 'Integrate the TSP’s provisioning API behind our card service; keep `Token<CardId>` mappings in the vault; react to token lifecycle events by webhook.',
    components: 'Card service, token vault, HSM for key exchange, webhook receiver.',
    nfrs: 'Provisioning answers within 2 s; webhooks processed at least once, in order per token.',
    acceptance: 'A test card is provisioned to both wallets in the TSP sandbox, and suspending the card suspends its tokens.',
    openQuestions: 'Which HSM partition holds the TSP keys?',
    enablers: 'TSP sandbox credentials; an HSM key ceremony slot.',
  },
};

function stories(site: SiteData, key: string): StoredIssue[] {
  const item = site.issues.find((i) => i.key === key)!;
  const below = (id: string): StoredIssue[] => site.issues.filter((i) => i.parentId === id).flatMap((c) => [c, ...below(c.id)]);
  return below(item.id).filter((i) => i.issueTypeId === '10002' || i.issueTypeId === '10003');
}

const step = (actorEmail: string, operation: DemoPlanningStep['operation']): DemoPlanningStep => ({ actorEmail, operation });
const fullSpec = (key: string): DemoPlanningStep[] => Object.entries(SPECS[key]!).map(([section, text]) => step(lead, { type: 'spec.editSection', section, text }));
const context = (text: string): DemoPlanningStep => step(lead, { type: 'spec.editSection', section: 'context', text });
const submit = (): DemoPlanningStep => step(lead, { type: 'spec.submitForReview' });
const approve = (): DemoPlanningStep => step(architect, { type: 'spec.approve' });

/** Issue key to the steps that build its planning record, in order. */
export function demoPlanningScripts(site: SiteData): Record<string, DemoPlanningStep[]> {
  const points = (key: string): number => stories(site, key).reduce((s, i) => s + (i.storyPoints ?? 0), 0);
  const within = (key: string, assumptions: string): DemoPlanningStep => {
    const sum = points(key);
    return step(lead, { type: 'estimate.set', value: { kind: 'points', low: Math.floor(sum * 0.8), high: Math.ceil(sum * 1.2) }, confidence: 4, assumptions });
  };
  const diverging = (key: string, assumptions: string): DemoPlanningStep =>
    step(lead, { type: 'estimate.set', value: { kind: 'points', low: 1, high: Math.max(1, Math.floor(points(key) / 3)) }, confidence: 2, assumptions });
  const link = step(lead, { type: 'spec.addLink', url: 'https://wiki.example.com/architecture/ledger', title: 'Ledger architecture overview' });

  return {
    // Approved specs with estimates that agree with the stories.
    'PAY-1': [...fullSpec('PAY-1'), link, submit(), approve(), within('PAY-1', 'The three feature teams stay stable through 2027.1; the scheme sandbox is available from January.')],
    'PAY-2': [...fullSpec('PAY-2'), submit(), approve(), within('PAY-2', 'The event store is provisioned by the platform team before the sprint starts.')],
    // In review, estimated before the stories were written: they add up to far more.
    'PAY-7': [...fullSpec('PAY-7'), submit(), diverging('PAY-7', 'Estimated before replay and the mobile API were split into stories.')],
    // A draft under way, no estimate yet.
    'PAY-12': [context('The scheme sends and expects ISO 20022 messages; our payment engine speaks a proprietary format, so every instant payment needs mapping both ways.')],
    // A T-shirt estimate on an epic whose spec is a draft.
    'PAY-17': [
      context('Regulation requires strong customer authentication for all card-not-present payments; our one-time passwords by SMS are being phased out by the regulator.'),
      step(lead, { type: 'estimate.set', value: { kind: 'tshirt', size: 'XL' }, confidence: 3, assumptions: 'Passkeys are supported by 80% of our customers’ devices.' }),
    ],
    // Sent back by the architect, with a conversation on one section.
    'PAY-50': [
      ...fullSpec('PAY-50'),
      submit(),
      step(architect, { type: 'review.comment', section: 'nfrs', text: 'What happens to provisioning when the TSP is down: queue and retry, or fail fast to the wallet?' }),
      step(lead, (record) => ({ type: 'review.reply', threadId: record.review.threads[0]!.id, text: 'Fail fast: the wallet retries on its side, and we must not provision twice.' })),
      step(architect, { type: 'spec.requestChanges', comment: 'Say how a token is suspended when the **card** is blocked, and which HSM partition holds the keys before this goes to the TSP.' }),
    ],
    // Ready for planning: every criterion met.
    'PAY-66': [...fullSpec('PAY-66'), submit(), approve(), within('PAY-66', 'The platform team runs the collector; services adopt the SDK in their own sprints.')],
    'DATA-1': [...fullSpec('DATA-1'), submit(), within('DATA-1', 'Two sources migrate in the first PI; the portal follows in the second.')],
    // Approved, then edited: back in review, as the history shows.
    'DATA-2': [...fullSpec('DATA-2'), submit(), approve(), step(lead, { type: 'spec.editSection', section: 'nfrs', text: 'Survives the loss of one availability zone; p99 produce latency under 20 ms after the capacity review.' })],
    'DATA-7': [
      context('Analytics reads the core ledger with nightly full extracts that take 5 hours and miss intraday changes.'),
      diverging('DATA-7', 'Assumes the CDC connector works out of the box on the ledger database.'),
    ],
  };
}
