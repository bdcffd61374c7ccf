import { sha256 } from '../../src/adapters/crypto/sha256';
import { PLANNING_RECORD_PROPERTY } from '../../src/adapters/jira/planning-record/jira-planning-record-store';
import { ITEM_SUMMARY_PROPERTY } from '../../src/adapters/jira/item-summary/jira-item-summary-store';
import { toStoredRecord } from '../../src/adapters/jira/planning-record/stored-format';
import { ledgerFor, type AuthorityLedger } from '../../src/domain/planning-record/authority';
import type { PersonRef } from '../../src/domain/planning-record/model';
import { summarize } from '../../src/domain/planning-record/summary';
import { mergeFacts } from '../../src/domain/item-summary/item-summary';
import { toStored } from '../../src/adapters/jira/item-summary/stored-format';
import type { BulkIssue, BulkLink, BulkLoad, BulkProject } from '../../local/jira/bulk-load';
import type { ProjectRole } from '../../local/jira/model';
import { buildRecord, randomEstimate, SPEC_STATES, type RecordActors, type SpecState } from './records';

/**
 * A synthetic program of N epics and features (one epic to four features) across several projects and
 * teams, with two stories under each feature, about three "blocks" links per epic or feature, and planning
 * records in every state. Seeded and deterministic: the same options give the same JSON, on any machine.
 *
 * Its output is what the app would have stored: the record property (the adapter's stored format), the
 * JQL summary property, and the authority ledger entry the app keeps in KVS, so the app verifies them.
 */
export interface ProgramOptions {
  /** Epics and features together. */
  n: number;
  seed: number;
  projects?: number;
  teams?: number;
  /** Who reports the issues and leads the projects; also writes the specs and estimates. */
  lead: PersonRef;
  architect: PersonRef;
  /** Everyone else who may browse the projects, with their role. */
  members: Record<string, ProjectRole>;
}

export interface GeneratedProgram {
  load: BulkLoad;
  /** The ledger the app keeps for each issue that has a record, by the issue's index in `load.issues`. */
  ledgers: Array<{ issue: number; ledger: AuthorityLedger }>;
  /** The spec state of each epic and feature, by the issue's index in `load.issues`. */
  states: Map<number, { state: SpecState; estimated: boolean }>;
}

const EPIC_EVERY = 5;
const STORIES_PER_FEATURE = 2;
/** Each epic or feature blocks one other, and every second one a second: about three links touch each. */
const SECOND_LINK_RATE = 0.5;
/** Weights of the spec states: most items are somewhere in the process, a few not started. */
const STATE_WEIGHTS: Record<SpecState, number> = { none: 0.1, draft: 0.3, inReview: 0.3, approved: 0.3 };
const ESTIMATED_RATE = 0.5;
const CREATED = '2026-11-02T09:00:00.000+0000';
const STARTED_MS = Date.UTC(2026, 10, 2, 9, 0);

/** Small deterministic PRNG (xorshift32), the same on every machine. */
export function prng(seed: number): () => number {
  // Spread the seed's bits first: xorshift's first outputs from a small seed are otherwise alike.
  let x = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function pickState(rnd: () => number): SpecState {
  let x = rnd();
  for (const state of SPEC_STATES) {
    x -= STATE_WEIGHTS[state];
    if (x < 0) return state;
  }
  return 'approved';
}

export function generateProgram(options: ProgramOptions): GeneratedProgram {
  const rnd = prng(options.seed);
  const projectCount = options.projects ?? 4;
  const teamCount = options.teams ?? 6;
  const actors: RecordActors = { author: options.lead, architect: options.architect };
  const roles: Record<string, ProjectRole> = { ...options.members, [options.lead.accountId]: 'Administrators', [options.architect.accountId]: 'Developers' };
  const projects: BulkProject[] = Array.from({ length: projectCount }, (_, p) => ({
    key: `PR${String.fromCharCode(65 + p)}`,
    name: `Program stream ${String.fromCharCode(65 + p)}`,
    leadAccountId: options.lead.accountId,
    roles,
  }));
  const issues: BulkIssue[] = [];
  const planningItems: number[] = [];
  const ledgers: GeneratedProgram['ledgers'] = [];
  const states: GeneratedProgram['states'] = new Map();
  let epic = -1;
  for (let i = 0; i < options.n; i++) {
    // Items are spread over the projects in contiguous blocks, so each project's epics hold its features.
    const project = projects[Math.floor((i * projectCount) / options.n)]!;
    const isEpic = i % EPIC_EVERY === 0 || epic < 0 || issues[epic]!.projectKey !== project.key;
    const team = `Team ${String(1 + Math.floor(rnd() * teamCount)).padStart(2, '0')}`;
    const summary = `${isEpic ? 'Epic' : 'Feature'} ${i + 1} of the program`;
    const state = pickState(rnd);
    const estimate = state !== 'none' && rnd() < ESTIMATED_RATE ? randomEstimate(rnd) : null;
    const index = issues.length;
    const record = buildRecord({ state, estimate }, actors, summary, new Date(STARTED_MS + i * 60_000).toISOString());
    const properties: Record<string, unknown> = {};
    if (record.rev > 0) {
      properties[PLANNING_RECORD_PROPERTY] = toStoredRecord(record);
      // The summary store's stored shape around the domain's summary of a record the app wrote.
      properties[ITEM_SUMMARY_PROPERTY] = toStored(mergeFacts(null, { planning: summarize(record, { changedOutsideApp: false, approvalUnverified: false }) }));
      ledgers.push({ issue: index, ledger: ledgerFor(record, sha256) });
    }
    issues.push({ projectKey: project.key, issueType: isEpic ? 'Epic' : 'Feature', summary, parent: isEpic ? null : epic, team: isEpic ? null : team, assigneeAccountId: options.lead.accountId, properties });
    states.set(index, { state, estimated: estimate !== null });
    planningItems.push(index);
    if (isEpic) {
      epic = index;
      continue;
    }
    for (let s = 0; s < STORIES_PER_FEATURE; s++) {
      const estimated = rnd() > 0.2;
      issues.push({ projectKey: project.key, issueType: 'Story', summary: `Story ${s + 1} of feature ${i + 1}`, parent: index, team, storyPoints: estimated ? 1 + Math.floor(rnd() * 8) : null });
    }
  }
  return { load: { projects, issues, links: blocksLinks(planningItems, rnd), reporterAccountId: options.lead.accountId, created: CREATED }, ledgers, states };
}

/** Random "A blocks B" links between epics and features, across teams and projects, never to itself. */
function blocksLinks(planningItems: number[], rnd: () => number): BulkLink[] {
  const links: BulkLink[] = [];
  if (planningItems.length < 2) return links;
  const other = (from: number): number => {
    const to = planningItems[Math.floor(rnd() * planningItems.length)]!;
    return to === from ? planningItems[(planningItems.indexOf(from) + 1) % planningItems.length]! : to;
  };
  for (const from of planningItems) {
    links.push({ type: 'Blocks', inward: from, outward: other(from) });
    if (rnd() < SECOND_LINK_RATE) links.push({ type: 'Blocks', inward: from, outward: other(from) });
  }
  return links;
}
