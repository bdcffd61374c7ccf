import { asApp, asUser } from '@forge/api';
import { sha256 } from './adapters/crypto/sha256';
import { JiraAccessChecker } from './adapters/jira/jira-access-checker';
import { JiraClient } from './adapters/jira/jira-client';
import { JiraContextStatusPublisher } from './adapters/jira/jira-context-status';
import { JiraPlanningRecordStore } from './adapters/jira/planning-record/jira-planning-record-store';
import { JiraItemSummaryStore } from './adapters/jira/item-summary/jira-item-summary-store';
import { JiraUserDirectory } from './adapters/jira/jira-user-directory';
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

/**
 * The one composition root. Resolvers act as the user (`asUser()`), so Jira's permissions decide what they
 * see and change; triggers act as the app (`asApp()`). Each invocation gets its own deadline.
 */
export function asUserDeps() {
  const deadline = Deadline.after(RESOLVER_BUDGET_MS);
  const jira = new JiraClient(asUser().requestJira, deadline);
  return {
    reader: new JiraWorkItemReader(jira),
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
  };
}

/** Triggers run as the app, with the time limit of a trigger function (budgeted like a resolver's). */
export function asAppDeps() {
  const deadline = Deadline.after(RESOLVER_BUDGET_MS);
  const jira = new JiraClient(asApp().requestJira, deadline);
  return {
    lock: new KvsIssueLock(deadline),
    scanner: new JiraPortfolioScanner(jira),
    deadline,
    now: () => new Date(),
    store: new JiraPlanningRecordStore(jira),
    itemSummary: new JiraItemSummaryStore(jira),
    ledger: new KvsAuthorityLedgerStore(),
    contextStatus: new JiraContextStatusPublisher(jira),
    digest: sha256,
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
  return {
    lock: new KvsIssueLock(deadline),
    itemSummary: new JiraItemSummaryStore(jira),
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
