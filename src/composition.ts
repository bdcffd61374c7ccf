import { asApp, asUser } from '@forge/api';
import { sha256 } from './adapters/crypto/sha256';
import { JiraAccessChecker } from './adapters/jira/jira-access-checker';
import { JiraClient } from './adapters/jira/jira-client';
import { JiraContextStatusPublisher } from './adapters/jira/jira-context-status';
import { JiraPlanningRecordStore } from './adapters/jira/planning-record/jira-planning-record-store';
import { JiraItemSummaryStore } from './adapters/jira/item-summary/jira-item-summary-store';
import { JiraUserDirectory } from './adapters/jira/jira-user-directory';
import { JiraChildPlanningReader } from './adapters/jira/planning-record/jira-child-planning-reader';
import { JiraWorkItemReader } from './adapters/jira/jira-work-item-reader';
import { JiraPortfolioScanner } from './adapters/jira/jira-portfolio-scanner';
import { KvsAuthorityLedgerStore } from './adapters/kvs/kvs-authority-ledger-store';
import { KvsIssueLock } from './adapters/kvs/kvs-issue-lock';
import { KvsProjectSettingsStore } from './adapters/kvs/kvs-project-settings-store';
import { Deadline, RESOLVER_BUDGET_MS } from './application/shared/deadline';
import { randomId } from './adapters/crypto/random-id';
import { JiraDependencyGraphReader } from './adapters/jira/dependencies/jira-dependency-graph-reader';
import { JiraDependencyRecordStore } from './adapters/jira/dependencies/jira-dependency-record-store';
import { JiraIssueLinkWriter } from './adapters/jira/dependencies/jira-issue-link-writer';
import { JiraIssuePicker } from './adapters/jira/dependencies/jira-issue-picker';
import { KvsDependencyLedgerStore, KvsDependencySettingsStore } from './adapters/kvs/kvs-dependency-stores';
import { syncDependencyRisks } from './application/risks/sync-dependency-risks';
import type { DependencySignal } from './domain/risks/dependency-risks';
import { JiraPortfolioProjects } from './adapters/jira/jira-portfolio-projects';
import { JiraPortfolioRows } from './adapters/jira/jira-portfolio-rows';
import { KvsBaselineStore, KvsSnapshotStore, KvsTrendStore } from './adapters/kvs/kvs-snapshot-stores';
import { ForgeRecomputeQueue } from './adapters/events/readiness-recompute-queue';
import { JiraProjectVersions } from './adapters/jira/release-train/jira-project-versions';
import { JiraProjectLister } from './adapters/jira/readiness/jira-project-lister';
import { KvsReadinessSettingsStore } from './adapters/kvs/kvs-readiness-settings-store';
import { KvsRecomputeStatusStore, KvsReconcileCursorStore } from './adapters/kvs/kvs-readiness-progress';
import { gatherPlanningFacts } from './application/readiness/gather-planning-facts';
import type { RefreshDeps } from './application/readiness/refresh-planning-facts';
import { rescoreParent } from './application/readiness/rescore-parent';
import type { ReadinessScorer } from './application/item-summary/ports';
import { LANDED_FEATURES } from './application/readiness/landed-features';
import { readinessScorer } from './application/readiness/readiness-scorer';
import { JiraRiskPortfolioSource } from './adapters/jira/risks/jira-risk-portfolio';
import { JiraRiskRegisterStore } from './adapters/jira/risks/jira-risk-register-store';
import { KvsRiskLedgerStore } from './adapters/kvs/risks/kvs-risk-ledger-store';
import { KvsRiskSettingsStore } from './adapters/kvs/risks/kvs-risk-settings-store';

/** The risk register's adapters (issue 10), for both roots. */
function riskAdapters(jira: JiraClient) {
  return {
    riskStore: new JiraRiskRegisterStore(jira),
    riskLedger: new KvsRiskLedgerStore(),
    riskSettings: new KvsRiskSettingsStore(),
    riskPortfolio: new JiraRiskPortfolioSource(jira, new JiraPortfolioScanner(jira)),
  };
}
import { JiraReviewNotifier } from './adapters/jira/jira-review-notifier';
import { KvsReviewSettingsStore } from './adapters/kvs/kvs-review-settings-store';
import { JiraReviewQueue } from './adapters/jira/planning-record/jira-review-queue';
import { JiraProjectMembers } from './adapters/jira/jira-project-members';
import { hmacSha256Hex, newWebhookSecret, sameDigest } from './adapters/crypto/hmac-sha256';
import { JiraEscalationNotifier } from './adapters/jira/impediments/jira-escalation-notifier';
import { JiraEscalationReader } from './adapters/jira/impediments/jira-escalation-reader';
import { IMPEDIMENTS_PROPERTY, JiraImpedimentStore } from './adapters/jira/impediments/jira-impediment-store';
import { fromStored as impedimentsFromStored } from './adapters/jira/impediments/stored-format';
import { ITEM_SUMMARY_PROPERTY } from './adapters/jira/item-summary/jira-item-summary-store';
import { fromStored as summaryFromStored } from './adapters/jira/item-summary/stored-format';
import { KvsEscalationMeetings } from './adapters/kvs/kvs-escalation-meetings';
import { KvsEscalationSettingsStore } from './adapters/kvs/kvs-escalation-settings-store';
import { KvsWebhookNonces } from './adapters/kvs/kvs-webhook-nonces';
import { KvsWebhookSecretStore } from './adapters/kvs/kvs-webhook-secret';

/**
 * The one composition root. Resolvers act as the user (`asUser()`), so Jira's permissions decide what they
 * see and change; triggers act as the app (`asApp()`). Each invocation gets its own deadline.
 */
export function asUserDeps() {
  const deadline = Deadline.after(RESOLVER_BUDGET_MS);
  const jira = new JiraClient(asUser().requestJira, deadline);
  const reader = new JiraWorkItemReader(jira);
  const deps = {
    reader,
    // The children with their planning state in one search, sharing the reader's field ids (docs/PERFORMANCE.md).
    childrenWithPlanning: new JiraChildPlanningReader(reader),
    scanner: new JiraPortfolioScanner(jira),
    store: new JiraPlanningRecordStore(jira),
    itemSummary: new JiraItemSummaryStore(jira),
    ledger: new KvsAuthorityLedgerStore(),
    access: new JiraAccessChecker(jira),
    users: new JiraUserDirectory(jira),
    settings: new KvsProjectSettingsStore(),
    lock: new KvsIssueLock(deadline),
    contextStatus: new JiraContextStatusPublisher(jira),
    digest: sha256,
    deadline,
    now: () => new Date(),
    newId: randomId,
    // Dependencies (issue 9): read as the user, written and counted as the app (ADR 0007).
    userGraph: new JiraDependencyGraphReader(jira, new JiraPortfolioScanner(jira)),
    issueLinks: new JiraIssueLinkWriter(jira),
    issuePicker: new JiraIssuePicker(jira),
    ...dependencyStores(),
    ...appSideOfDependencies(deadline),
    ...riskAdapters(jira),
    // Planning review (issue 8): notices as Jira comments, switchable per project.
    reviewSettings: new KvsReviewSettingsStore(),
    notifier: new JiraReviewNotifier(jira),
    reviewQueue: new JiraReviewQueue(new JiraPortfolioScanner(jira)),
    members: new JiraProjectMembers(jira),
  };
  return { ...deps, ...readinessDeps(deps), recomputeStatus: new KvsRecomputeStatusStore(), recomputeQueue: new ForgeRecomputeQueue() };
}

/** Triggers run as the app, with the time limit of a trigger function (budgeted like a resolver's). */
export function asAppDeps(deadline: Deadline = Deadline.after(RESOLVER_BUDGET_MS)) {
  const jira = new JiraClient(asApp().requestJira, deadline);
  const reader = new JiraWorkItemReader(jira);
  const deps = {
    lock: new KvsIssueLock(deadline),
    scanner: new JiraPortfolioScanner(jira),
    deadline,
    now: () => new Date(),
    store: new JiraPlanningRecordStore(jira),
    itemSummary: new JiraItemSummaryStore(jira),
    ledger: new KvsAuthorityLedgerStore(),
    contextStatus: new JiraContextStatusPublisher(jira),
    digest: sha256,
    reader,
    childrenWithPlanning: new JiraChildPlanningReader(reader),
    ...riskAdapters(jira),
    settings: new KvsProjectSettingsStore(),
  };
  return { ...deps, ...readinessDeps(deps) };
}

/**
 * Readiness (ADR 0009): its settings, the features it scores, and the scorer `publishFacts` runs on every
 * publish, reading an item's planning facts from Jira when its summary has none yet.
 */
function readinessDeps(deps: Omit<RefreshDeps, 'readiness'>) {
  const readinessSettings = new KvsReadinessSettingsStore();
  const landedFeatures = LANDED_FEATURES;
  // A feature whose state changes rescores its epic (features ready), with these same dependencies.
  const readiness: ReadinessScorer = readinessScorer({ readinessSettings, landedFeatures, gatherFacts: (issueId) => gatherPlanningFacts(deps, issueId), rescoreParent: (issueId) => rescoreParent({ ...deps, readiness }, issueId) });
  return { readinessSettings, landedFeatures, readiness };
}

/** Readiness's background jobs (project recompute, reconciliation): one budget for the run, fresh deps per item. */
export function asReadinessJobDeps(budgetMs: number) {
  const deadline = Deadline.after(budgetMs);
  const jira = new JiraClient(asApp().requestJira, deadline);
  return {
    reader: new JiraWorkItemReader(jira),
    scanner: new JiraPortfolioScanner(jira),
    projects: new JiraProjectLister(jira),
    recomputeStatus: new KvsRecomputeStatusStore(),
    cursor: new KvsReconcileCursorStore(),
    deadline,
    now: () => new Date(),
    forItem: asAppDeps,
  };
}

/** The dependencies feature's KVS stores (the same for users and the app: only the app reaches KVS). */
function dependencyStores() {
  return { dependencyLedger: new KvsDependencyLedgerStore(), dependencySettings: new KvsDependencySettingsStore() };
}

/**
 * As the app: the dependency graph (whatever the user may browse, the counts are the same for everyone),
 * the dependencies property, the item summary and the lease. Used by the dependencies trigger and repair,
 * and by the resolvers for what they write after authorising the user.
 */
export function dependencyFactsDeps(deadline: Deadline = Deadline.after(RESOLVER_BUDGET_MS)) {
  const jira = new JiraClient(asApp().requestJira, deadline);
  const graph = new JiraDependencyGraphReader(jira, new JiraPortfolioScanner(jira));
  // As the app's other triggers: the item summary rescoring readiness, and the risk register the counts feed.
  const app = asAppDeps(deadline);
  return {
    ...app,
    dependencyRisks: { sync: async (issueId: string, signals: DependencySignal[]) => void (await syncDependencyRisks(app, issueId, signals)) },
    dependencyGraph: graph,
    dependencyRecords: new JiraDependencyRecordStore(jira),
    ...dependencyStores(),
    digest: sha256,
  };
}

function appSideOfDependencies(deadline: Deadline) {
  const app = dependencyFactsDeps(deadline);
  return { app, appGraph: app.dependencyGraph };
}

// ---- Portfolio (issue 11): the readiness page's reads, snapshots, trend and baselines ----

/** The daily snapshot's function may run 900 s (manifest timeoutSeconds); it budgets 840 s of it. */
export const SNAPSHOT_BUDGET_MS = 840_000;

function portfolioParts(jira: JiraClient) {
  return {
    portfolio: new JiraPortfolioRows(jira, new JiraPortfolioScanner(jira)),
    snapshots: new KvsSnapshotStore(),
    trend: new KvsTrendStore(),
    baselines: new KvsBaselineStore(),
    readinessSettings: new KvsReadinessSettingsStore(),
    projects: new JiraPortfolioProjects(jira),
    clock: () => performance.now(),
    now: () => new Date(),
  };
}

/** The project page's and the global page's resolvers, as the user. */
export function asUserPortfolioDeps() {
  const deadline = Deadline.after(RESOLVER_BUDGET_MS);
  const jira = new JiraClient(asUser().requestJira, deadline);
  const parts = portfolioParts(jira);
  return { ...parts, reader: new JiraWorkItemReader(jira), access: parts.projects, users: new JiraUserDirectory(jira), deadline };
}

/** The global page (the release train), as the user. */
export function asUserReleaseTrainDeps() {
  const jira = new JiraClient(asUser().requestJira, Deadline.after(RESOLVER_BUDGET_MS));
  const parts = portfolioParts(jira);
  return { ...parts, planningTypeIds: () => parts.projects.planningTypeIds() };
}

/** The release train's scope choices, as the user. */
export function asUserTrainReleasesDeps() {
  return { versions: new JiraProjectVersions(new JiraClient(asUser().requestJira, Deadline.after(RESOLVER_BUDGET_MS))) };
}

/** The daily snapshot, as the app, with a scheduled function's time. */
export function asAppSnapshotDeps() {
  const deadline = Deadline.after(SNAPSHOT_BUDGET_MS);
  const jira = new JiraClient(asApp().requestJira, deadline);
  const parts = portfolioParts(jira);
  const lister = new JiraProjectLister(jira);
  return { ...parts, reader: new JiraWorkItemReader(jira), projects: () => lister.listProjectKeys(), deadline };
}

// --- Escalations (issue 12): impediment detection, the Automation action, the web trigger, the agenda. ---

const webhookCrypto = { hmacHex: hmacSha256Hex, same: sameDigest, newSecret: newWebhookSecret };

function escalationDeps(jira: JiraClient) {
  const items = new JiraWorkItemReader(jira);
  return {
    escalations: new JiraEscalationReader(jira, items),
    impediments: new JiraImpedimentStore(jira),
    escalationSettings: new KvsEscalationSettingsStore(),
    notifier: new JiraEscalationNotifier(jira, items),
    webhookSecret: new KvsWebhookSecretStore(),
    nonces: new KvsWebhookNonces(),
    crypto: webhookCrypto,
    meetings: new KvsEscalationMeetings(),
    parsers: { impediments: impedimentsFromStored, summary: summaryFromStored },
    properties: { impediments: IMPEDIMENTS_PROPERTY, summary: ITEM_SUMMARY_PROPERTY },
  };
}

/** Triggers, the web trigger and the Automation action's writes: as the app. */
export function asAppEscalationDeps() {
  const deps = asAppDeps();
  return { ...deps, ...escalationDeps(new JiraClient(asApp().requestJira, deps.deadline)) };
}

/** The project page's agenda and follow-ups: as the user, so Jira's permissions decide what they see. */
export function asUserEscalationDeps() {
  const deps = asUserDeps();
  return { ...deps, ...escalationDeps(new JiraClient(asUser().requestJira, deps.deadline)) };
}
