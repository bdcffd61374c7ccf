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
import { JiraReviewNotifier } from './adapters/jira/jira-review-notifier';
import { KvsReviewSettingsStore } from './adapters/kvs/kvs-review-settings-store';
import { JiraReviewQueue } from './adapters/jira/planning-record/jira-review-queue';
import { JiraProjectMembers } from './adapters/jira/jira-project-members';

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
    // Planning review (issue 8): notices as Jira comments, switchable per project.
    reviewSettings: new KvsReviewSettingsStore(),
    notifier: new JiraReviewNotifier(jira),
    reviewQueue: new JiraReviewQueue(new JiraPortfolioScanner(jira)),
    members: new JiraProjectMembers(jira),
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
