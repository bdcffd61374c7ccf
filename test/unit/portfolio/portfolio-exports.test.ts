import type { PlanningFacts } from '../../../src/domain/item-summary/item-summary';
import { emptyPlanningRecord } from '../../../src/domain/planning-record/model';
import { toCsv } from '../../../src/domain/portfolio/csv';
import { escapeMarkdown } from '../../../src/domain/portfolio/markdown-text';
import { planningPack, type PackInput } from '../../../src/domain/portfolio/planning-pack';
import { DEFAULT_READINESS_SETTINGS } from '../../../src/domain/readiness/settings';
import { row } from '../../support/portfolio-rows';

/** Planning facts of a feature-level type (10001) with 5 stories, 3 of them estimated. */
const PLANNING: PlanningFacts = { project: 'P', typeId: '10001', level: 1, nfrs: 1, acceptance: 0, estimate: 'DIVERGES', children: 2, stories: 5, estimatedStories: 3, techLead: 0 };

/** A scored row whose stored reasons are these (criterion, weight, earned). */
function scored(key: string, reasons: Array<[string, number, number]>, planningFacts: PlanningFacts | null = PLANNING): ReturnType<typeof row> {
  const r = row(key, { facts: { specStatus: 'IN_REVIEW', estimateConfidence: 2, ...(planningFacts ? { planningFacts } : {}) } });
  const score = reasons.reduce((sum, [, , earned]) => sum + earned, 0);
  return { ...r, facts: { ...r.facts!, readiness: { score, state: 'NOT_READY', reasons: reasons.map(([criterion, weight, earned]) => ({ criterion, weight, earned })) } } };
}

const pack = (input: Partial<PackInput>): string => planningPack({ title: 'Payments', generatedAt: '2026-11-25T10:00:00.000Z', rows: [], records: new Map(), warnings: [], types: new Map(), plan: null, ...input });

describe('the CSV export', () => {
  it('writes one line per row with every column, quoting what needs it', () => {
    const csv = toCsv([
      row('P-1', { summary: 'Payments, "fast"', readiness: [82, 'READY'], facts: { specStatus: 'APPROVED', estimateConfidence: 4, risks: { level: 3, unroamed: 1, blocking: 1 } } }),
      row('P-2', { facts: null, team: null, releases: [] }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Key,Summary,Type,Status,Team,Releases,Readiness score,Readiness state,Spec status,Estimate confidence,Estimate against bottom-up,Open dependencies,Late dependencies,Risk level,Blocking risks,Open impediments,Readiness reasons');
    expect(lines[1]).toBe('P-1,"Payments, ""fast""",Feature,To Do,Atlas,2027.1,82,Ready,Approved,4,Not compared yet,0,0,High,1,0,Spec approved 82/100');
    expect(lines[2]).toBe('P-2,Item P-2,Feature,To Do,,,,Not scored yet,No spec yet,,Not compared yet,,,,,,');
    expect(lines[3]).toBe('');
  });

  it('names the estimate against the bottom-up points, and every reason by its title with its points', () => {
    const line = toCsv([scored('P-7', [['spec', 20, 10], ['estimate', 20, 0], ['techLead', 10, 0]])]).split('\r\n')[1];
    expect(line).toBe('P-7,Item P-7,Feature,To Do,Atlas,2027.1,10,Not ready,In review,2,Diverges from the stories (3 of 5 stories estimated),0,0,None,0,0,Spec approved 10/20; Estimate agreed 0/20; Tech lead named 0/10');
  });

  it('never lets a spreadsheet run a summary as a formula', () => {
    expect(toCsv([row('P-1', { summary: '=HYPERLINK("http://x")' })]).split('\r\n')[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(toCsv([row('P-1', { summary: '-1+2' })]).split('\r\n')[1]).toContain(`,'-1+2,`);
  });
});

describe('the Markdown planning pack', () => {
  it('holds, per item, readiness and reasons, the spec summary, dependencies, risks and open questions', () => {
    const record = emptyPlanningRecord();
    record.rev = 3;
    record.spec.sections = { context: 'Batch  settlement\nis too slow.', approach: 'Stream it.', openQuestions: 'Who owns the schema?' };
    const md = pack({
      rows: [row('P-1', { readiness: [55, 'NOT_READY'], facts: { specStatus: 'IN_REVIEW', dependencies: { open: 2, late: 1, cycle: 1, uncommitted: 1 }, risks: { level: 4, unroamed: 2, blocking: 1 } } }), row('P-2', { facts: null })],
      records: new Map([['1', record]]),
      warnings: ['3 issues could not be read'],
    });
    expect(md).toContain('# Planning pack: Payments');
    expect(md).toContain('> **Warning:** 3 issues could not be read');
    expect(md).toContain('## P-1: Item P-1');
    expect(md).toContain('**Readiness:** 55/100, Not ready\n- Spec approved: 55 of 100 points.\n');
    expect(md).toContain('**Spec:** In review\n- Context: Batch settlement is too slow.\n- Approach: Stream it.');
    expect(md).toContain('**Dependencies:** 2 open, 1 late, 1 not committed, on a dependency cycle');
    expect(md).toContain('**Risks:** highest Critical, 2 not ROAMed, 1 blocking readiness');
    expect(md).toContain('**Open questions:**\nWho owns the schema?');
    expect(md).toContain('## P-2: Item P-2');
    expect(md.slice(md.indexOf('## P-2'))).toContain('**Readiness:** not scored yet');
  });

  it('names each reason in words: its title, its points, why, and the next step', () => {
    const md = pack({ rows: [scored('P-1', [['spec', 20, 10], ['estimate', 20, 0], ['decomposition', 10, 5], ['techLead', 10, 0], ['retired', 5, 5]])] });
    expect(md).toContain(
      [
        '**Readiness:** 20/100, Not ready',
        '- Spec approved: 10 of 20 points. The spec is in review, not approved yet. Next: Ask the architect to review and approve the spec.',
        '- Estimate agreed: 0 of 20 points. Confidence is 2/5 (below 3); the estimate diverges from the story points of the work items below. Next: Resolve the assumptions that keep confidence low, and reconcile the estimate with the work items below.',
        '- Decomposed: 5 of 10 points. Broken down, but only 3 of 5 story-level work items estimated (60%). Next: Give story points to the work items below until at least 80% have them.',
        '- Tech lead named: 0 of 10 points. No tech lead is named: the issue has no assignee. Next: Assign the issue to its tech lead.',
        // A criterion this version no longer knows keeps its id and its points, with no words made up.
        '- retired: 5 of 5 points.',
      ].join('\n'),
    );
    expect(md).toContain('- Estimate: confidence 2/5; against the bottom-up points: Diverges from the stories (3 of 5 stories estimated)');
  });

  it("explains the reasons as the project's settings count the issue type (epic or feature)", () => {
    const childless = { ...PLANNING, children: 0, stories: 0, estimatedStories: 0 };
    const rows = [scored('P-1', [['decomposition', 10, 0]], childless)];
    expect(pack({ rows })).toContain('- Decomposed: 0 of 10 points. The feature has no stories or other work items below it yet. Next: Break the feature down into stories.');
    const asEpics = new Map([['P', { ...DEFAULT_READINESS_SETTINGS, epicTypeIds: ['10001'] }]]);
    expect(pack({ rows, types: asEpics })).toContain('- Decomposed: 0 of 10 points. The epic has no features or stories yet. Next: Break the epic down into features or stories.');
  });

  it('gives the points alone when the planning facts were never gathered', () => {
    expect(pack({ rows: [scored('P-1', [['spec', 20, 10]], null)] })).toContain('- Spec approved: 10 of 20 points.\n\n**Spec:** In review');
  });

  it('opens with the drift since the committed plan', () => {
    const drift = {
      added: [{ key: 'P-9', summary: 'New *scope*' }],
      removed: [{ key: 'P-4', summary: 'Dropped' }],
      estimateChanged: [{ key: 'P-2', summary: 'Ledger', from: 4, to: null }],
      readinessDropped: [{ key: 'P-3', summary: 'Fraud', from: { score: 85, state: 'READY' as const }, to: { score: 40, state: 'NOT_READY' as const } }],
    };
    const md = pack({ plan: { committedBy: 'Lena Lead', committedAt: '2026-11-20T10:00:00.000Z', drift, removedLeftOut: false } });
    expect(md).toContain(
      [
        '## Drift since the committed plan',
        '',
        // In the UI's format, not a raw timestamp; the file is shared, so in UTC, said so.
        'Committed by Lena Lead on 20 Nov 2026, 10:00 UTC.',
        '',
        '**Added:**',
        '- P-9: New \\*scope\\*',
        '',
        '**Removed:**',
        '- P-4: Dropped',
        '',
        '**Estimate changed:**',
        '- P-2: Ledger: confidence 4/5 → none',
        '',
        '**Readiness dropped:**',
        '- P-3: Fraud: 85 (Ready) → 40 (Not ready)',
      ].join('\n'),
    );
    const partial = pack({ plan: { committedBy: 'Lena Lead', committedAt: '2026-11-20T10:00:00.000Z', drift: { ...drift, removed: [] }, removedLeftOut: true } });
    expect(partial).toContain('**Removed:** not listed: this pack holds only part of the scope.');
    expect(pack({})).toContain('## Drift since the committed plan\n\nNo plan is committed for this scope yet');
    expect(pack({})).toContain('Generated 25 Nov 2026, 10:00 UTC. 0 epics and features.');
  });

  it('escapes user text so a summary cannot restructure the pack', () => {
    expect(escapeMarkdown('# [x](javascript:y)\n<b>')).toBe('\\# \\[x\\]\\(javascript:y\\) \\<b\\>');
  });
});
