import type { ReadinessState } from '../item-summary/item-summary';
import { estimateCheckOf, estimateCheckWords } from './estimate-check';
import { criterionTitle } from './reasons';
import { readinessOf, type PortfolioRow } from './row';

/** The CSV export of the table: one line per epic or feature, RFC 4180 quoting. */
export const CSV_COLUMNS = ['Key', 'Summary', 'Type', 'Status', 'Team', 'Releases', 'Readiness score', 'Readiness state', 'Spec status', 'Estimate confidence', 'Estimate against bottom-up', 'Open dependencies', 'Late dependencies', 'Risk level', 'Blocking risks', 'Open impediments', 'Readiness reasons'] as const;

const STATE_WORDS: Record<ReadinessState, string> = { READY: 'Ready', AT_RISK: 'At risk', NOT_READY: 'Not ready' };
export const SPEC_WORDS = { DRAFT: 'Draft', IN_REVIEW: 'In review', APPROVED: 'Approved', CHANGES_REQUESTED: 'Changes requested' } as const;
export const RISK_WORDS = ['None', 'Low', 'Medium', 'High', 'Critical'] as const;

export function stateWords(state: ReadinessState | null): string {
  return state ? STATE_WORDS[state] : 'Not scored yet';
}

/**
 * A cell, quoted when it must be; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it
 * as a formula (summaries are user text).
 */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Each criterion's title and points, e.g. `Spec approved 10/20; Tech lead named 5/5`. */
function reasonsCell(reasons: ReadonlyArray<{ criterion: string; weight: number; earned: number }>): string {
  return reasons.map((r) => `${criterionTitle(r.criterion)} ${r.earned}/${r.weight}`).join('; ');
}

export function toCsv(rows: readonly PortfolioRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const readiness = readinessOf(r);
    const f = r.facts;
    lines.push(
      [
        r.key,
        r.summary,
        r.issueType,
        r.status.name,
        r.team ?? '',
        r.releases.join('; '),
        readiness?.score ?? '',
        stateWords(readiness?.state ?? null),
        f ? (SPEC_WORDS[f.specStatus] ?? f.specStatus) : 'No spec yet',
        f?.estimateConfidence ?? '',
        estimateCheckWords(estimateCheckOf(f)),
        f?.dependencies.open ?? '',
        f?.dependencies.late ?? '',
        f ? RISK_WORDS[f.risks.level] : '',
        f?.risks.blocking ?? '',
        f?.impediments.open ?? '',
        reasonsCell(f?.readiness?.reasons ?? []),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
