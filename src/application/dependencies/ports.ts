import type { DependencyLedger } from '../../domain/dependencies/authority';
import type { GraphIssue } from '../../domain/dependencies/graph-snapshot';
import type { DependencyRecord } from '../../domain/dependencies/model';
import type { DependencySettings } from '../../domain/dependencies/settings';
import type { PersonRef } from '../../domain/planning-record/model';
import type { DependencySignal } from '../../domain/risks/dependency-risks';

export type DependencyRecordRead = { ok: true; record: DependencyRecord } | { ok: false; reason: string };

/** The dependencies property of an issue (on the dependent). */
export interface DependencyRecordStore {
  load(issueId: string): Promise<DependencyRecordRead>;
  save(issueId: string, record: DependencyRecord): Promise<void>;
}

/** The app's proof of the decisions it recorded, per issue id (KVS `authority:dependencies:<issueId>`). */
export interface DependencyLedgerStore {
  get(issueId: string): Promise<DependencyLedger | null>;
  set(issueId: string, ledger: DependencyLedger | null): Promise<void>;
}

export interface DependencySettingsStore {
  get(projectKey: string): Promise<DependencySettings>;
  save(projectKey: string, settings: DependencySettings): Promise<void>;
}

/** An issue as the graph reader returns it: the record is the raw stored read, not verified yet. */
export interface ReadIssue extends Omit<GraphIssue, 'record'> {
  stored: DependencyRecordRead;
  assignee: PersonRef | null;
  statusName: string;
  /** The first of its fix versions, by release date. */
  releaseName: string | null;
  /** The dependency-cycle flag the item summary holds now (0 when it has none). */
  publishedCycle: 0 | 1;
  /** Whether the issue has an item summary at all (the app has published facts for it before). */
  hasSummary: boolean;
}

/** Reads issues for the dependency graph (bulkfetch of up to 100 per call); issues not visible are left out. */
export interface DependencyGraphReader {
  read(issueIdsOrKeys: string[]): Promise<ReadIssue[]>;
  /** Every issue a JQL finds, with the portfolio scan (contract section 5): partial results say so in `warnings`. */
  scan(jql: string, maxIssues: number): Promise<{ issues: ReadIssue[]; warnings: string[] }>;
}

export interface LinkTypeInfo {
  name: string;
  inward: string;
  outward: string;
}

/** Jira issue links and comments, for creating dependencies. */
export interface IssueLinkWriter {
  linkTypes(): Promise<LinkTypeInfo[]>;
  /** POST /rest/api/3/issueLink (answers 201 with no id: read the link back from the issue). */
  create(typeName: string, inwardIssue: string, outwardIssue: string): Promise<void>;
  /** Adds a comment (ADF) to an issue. */
  comment(issueKey: string, body: unknown): Promise<void>;
}

/** Issues to pick as the providing side, as the user (only what they may browse). */
export interface IssuePicker {
  search(query: string, excludeKey: string): Promise<Array<{ key: string; summary: string }>>;
}

/** Tells an item's risk register what its dependencies say (the risks feature raises or proposes closing risks). */
export interface DependencyRiskSync {
  sync(issueId: string, signals: DependencySignal[]): Promise<void>;
}
