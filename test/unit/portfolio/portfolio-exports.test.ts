import { emptyPlanningRecord } from '../../../src/domain/planning-record/model';
import { toCsv } from '../../../src/domain/portfolio/csv';
import { escapeMarkdown, planningPack } from '../../../src/domain/portfolio/planning-pack';
import { row } from '../../support/portfolio-rows';

describe('the CSV export', () => {
  it('writes one line per row with every column, quoting what needs it', () => {
    const csv = toCsv([
      row('P-1', { summary: 'Payments, "fast"', readiness: [82, 'READY'], facts: { specStatus: 'APPROVED', estimateConfidence: 4, risks: { level: 3, unroamed: 1, blocking: 1 } } }),
      row('P-2', { facts: null, team: null, releases: [] }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe('P-1,"Payments, ""fast""",Feature,To Do,Atlas,2027.1,82,Ready,Approved,4,0,0,High,1,0');
    expect(lines[2]).toBe('P-2,Item P-2,Feature,To Do,,,,Not scored yet,No spec yet,,,,,,');
    expect(lines[3]).toBe('');
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
    const md = planningPack({
      title: 'Payments',
      generatedAt: '2026-11-25T10:00:00.000Z',
      rows: [row('P-1', { readiness: [55, 'NOT_READY'], facts: { specStatus: 'IN_REVIEW', dependencies: { open: 2, late: 1, cycle: 1, uncommitted: 1 }, risks: { level: 4, unroamed: 2, blocking: 1 } } }), row('P-2', { facts: null })],
      records: new Map([['1', record]]),
      warnings: ['3 issues could not be read'],
    });
    expect(md).toContain('# Planning pack: Payments');
    expect(md).toContain('> **Warning:** 3 issues could not be read');
    expect(md).toContain('## P-1: Item P-1');
    expect(md).toContain('**Readiness:** 55/100, Not ready\n- spec: 55 of 100');
    expect(md).toContain('**Spec:** In review\n- Context: Batch settlement is too slow.\n- Approach: Stream it.');
    expect(md).toContain('**Dependencies:** 2 open, 1 late, 1 not committed, on a dependency cycle');
    expect(md).toContain('**Risks:** highest Critical, 2 not ROAMed, 1 blocking readiness');
    expect(md).toContain('**Open questions:**\nWho owns the schema?');
    expect(md).toContain('## P-2: Item P-2');
    expect(md.slice(md.indexOf('## P-2'))).toContain('**Readiness:** not scored yet');
  });

  it('escapes user text so a summary cannot restructure the pack', () => {
    expect(escapeMarkdown('# [x](javascript:y)\n<b>')).toBe('\\# \\[x\\]\\(javascript:y\\) \\<b\\>');
  });
});
