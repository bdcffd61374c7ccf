import type { APIResponse } from '@forge/api';
import { sha256 } from '../../src/adapters/crypto/sha256';
import { JiraClient } from '../../src/adapters/jira/jira-client';
import { PLANNING_RECORD_PROPERTY } from '../../src/adapters/jira/planning-record/jira-planning-record-store';
import { JiraItemSummaryStore, ITEM_SUMMARY_PROPERTY } from '../../src/adapters/jira/item-summary/jira-item-summary-store';
import { readStoredRecord } from '../../src/adapters/jira/planning-record/stored-format';
import { verifyRecord } from '../../src/domain/planning-record/authority';
import { mergeFacts } from '../../src/domain/item-summary/item-summary';
import { generateProgram, type ProgramOptions } from '../../bench/portfolio/generator';
import { SPEC_STATES } from '../../bench/portfolio/records';

const options = (overrides: Partial<ProgramOptions> = {}): ProgramOptions => ({
  n: 500,
  seed: 13,
  lead: { accountId: 'lead', displayName: 'Lena Lead' },
  architect: { accountId: 'arch', displayName: 'Arjun Architect' },
  members: { viewer: 'Viewers' },
  ...overrides,
});

const STATUS_OF = { draft: 'DRAFT', inReview: 'IN_REVIEW', approved: 'APPROVED' } as const;

/** The app's own summary reader, over a Jira that answers with `value` as the stored property. */
async function summaryAsTheAppReadsIt(value: unknown): Promise<unknown> {
  const answer = { status: 200, ok: true, json: () => Promise.resolve({ key: ITEM_SUMMARY_PROPERTY, value }) } as unknown as APIResponse;
  return new JiraItemSummaryStore(new JiraClient(() => Promise.resolve(answer))).load('1');
}

describe('the program generator of the benchmark', () => {
  it('is deterministic for a seed, and another seed gives another program', () => {
    const a = JSON.stringify(generateProgram(options()).load);
    expect(JSON.stringify(generateProgram(options()).load)).toBe(a);
    expect(JSON.stringify(generateProgram(options({ seed: 14 })).load)).not.toBe(a);
  });

  it('makes N epics and features across projects and teams, two stories per feature and about three blocks links each', () => {
    const { load } = generateProgram(options());
    const planning = load.issues.map((issue, index) => ({ issue, index })).filter(({ issue }) => issue.issueType !== 'Story');
    const features = planning.filter(({ issue }) => issue.issueType === 'Feature');
    const stories = load.issues.filter((i) => i.issueType === 'Story');
    expect(planning).toHaveLength(500);
    expect(planning.filter(({ issue }) => issue.issueType === 'Epic').length).toBeGreaterThanOrEqual(100);
    expect(stories).toHaveLength(2 * features.length);
    expect(new Set(load.issues.map((i) => i.projectKey)).size).toBe(4);
    expect(new Set(features.map(({ issue }) => issue.team)).size).toBe(6);
    for (const { issue } of features) {
      const parent = load.issues[issue.parent!]!;
      expect(parent.issueType).toBe('Epic');
      expect(parent.projectKey).toBe(issue.projectKey);
    }
    // Each link touches two items: 1.5 links per item on average is about three per item.
    expect(load.links.length / 500).toBeGreaterThan(1.3);
    expect(load.links.length / 500).toBeLessThan(1.7);
    const isPlanning = new Set(planning.map(({ index }) => index));
    for (const link of load.links) {
      expect(link.type).toBe('Blocks');
      expect(isPlanning.has(link.inward) && isPlanning.has(link.outward)).toBe(true);
      expect(link.inward).not.toBe(link.outward);
    }
  });

  it('puts planning records in every state, estimated and not', () => {
    const { states } = generateProgram(options());
    const count = (test: (s: { state: string; estimated: boolean }) => boolean): number => [...states.values()].filter(test).length;
    for (const state of SPEC_STATES) expect(count((s) => s.state === state)).toBeGreaterThan(25);
    for (const state of SPEC_STATES.filter((s) => s !== 'none')) {
      expect(count((s) => s.state === state && s.estimated)).toBeGreaterThan(10);
      expect(count((s) => s.state === state && !s.estimated)).toBeGreaterThan(10);
    }
    expect(count((s) => s.state === 'none' && s.estimated)).toBe(0);
  });

  it("writes records the app's stored-format reader accepts, with summaries the app reads and ledgers that verify", async () => {
    const { load, ledgers, states } = generateProgram(options());
    const ledgerOf = new Map(ledgers.map((l) => [l.issue, l.ledger]));
    for (const [index, { state, estimated }] of states) {
      const properties = load.issues[index]!.properties!;
      if (state === 'none') {
        expect(properties).toEqual({});
        expect(ledgerOf.has(index)).toBe(false);
        continue;
      }
      const read = readStoredRecord(JSON.parse(JSON.stringify(properties[PLANNING_RECORD_PROPERTY])));
      if (!read.ok) throw new Error(read.reason);
      expect(read.record.spec.status).toBe(STATUS_OF[state]);
      expect(read.record.estimate !== null).toBe(estimated);
      expect(verifyRecord(read.record, ledgerOf.get(index)!, sha256)).toEqual({ changedOutsideApp: false, approvalUnverified: false });
      expect(await summaryAsTheAppReadsIt(properties[ITEM_SUMMARY_PROPERTY])).toEqual(
        mergeFacts(null, {
          planning: { rev: read.record.rev, specStatus: STATUS_OF[state], ...(estimated ? { estimateConfidence: read.record.estimate!.confidence } : {}), changedOutsideApp: 0 },
        }),
      );
    }
  });
});
