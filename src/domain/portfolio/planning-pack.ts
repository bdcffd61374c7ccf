import type { PlanningRecord } from '../planning-record/model';
import { RISK_WORDS, SPEC_WORDS, stateWords } from './csv';
import { readinessOf, type PortfolioRow } from './row';

/**
 * The Markdown planning pack for a planning event: per epic or feature, its readiness and the reasons, a
 * summary of its spec, its dependencies, risks and open questions. Built from what the app verified: the
 * item summary (counts, score) and the planning record; a record changed outside the app says so.
 */
export const SPEC_SUMMARY_CHARS = 400;

export interface PackInput {
  title: string;
  generatedAt: string;
  rows: readonly PortfolioRow[];
  records: ReadonlyMap<string, PlanningRecord>;
  /** Warnings of the read (what is missing), repeated at the top of the pack. */
  warnings: readonly string[];
}

/** Markdown special characters in user text are escaped, so a summary cannot restructure the pack. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function itemSection(row: PortfolioRow, record: PlanningRecord | undefined): string[] {
  const out = [`## ${row.key}: ${escapeMarkdown(row.summary)}`, ''];
  out.push(`${row.issueType} · ${escapeMarkdown(row.status.name)} · team ${escapeMarkdown(row.team ?? 'none')} · release ${escapeMarkdown(row.releases.join(', ') || 'none')}`, '');
  const readiness = readinessOf(row);
  const reasons = row.facts?.readiness?.reasons ?? [];
  out.push(`**Readiness:** ${readiness ? `${readiness.score}/100, ${stateWords(readiness.state)}` : 'not scored yet'}`);
  for (const r of reasons) out.push(`- ${escapeMarkdown(r.criterion)}: ${r.earned} of ${r.weight}`);
  out.push('');
  const f = row.facts;
  const spec = f ? (SPEC_WORDS[f.specStatus] ?? f.specStatus) : 'No spec yet';
  out.push(`**Spec:** ${spec}${f?.changedOutsideApp ? ' (changed outside the app: not verified)' : ''}`);
  const context = record?.spec.sections.context;
  const approach = record?.spec.sections.approach;
  if (context) out.push(`- Context: ${escapeMarkdown(clip(context, SPEC_SUMMARY_CHARS))}`);
  if (approach) out.push(`- Approach: ${escapeMarkdown(clip(approach, SPEC_SUMMARY_CHARS))}`);
  out.push(`- Estimate: ${f?.estimateConfidence !== undefined && f ? `confidence ${f.estimateConfidence}/5` : 'none'}`, '');
  if (f) {
    const d = f.dependencies;
    out.push(`**Dependencies:** ${d.open} open, ${d.late} late, ${d.uncommitted} not committed${d.cycle ? ', on a dependency cycle' : ''}`);
    out.push(`**Risks:** highest ${RISK_WORDS[f.risks.level]}, ${f.risks.unroamed} not ROAMed, ${f.risks.blocking} blocking readiness`);
    out.push(`**Impediments:** ${f.impediments.open} open`, '');
  }
  const questions = record?.spec.sections.openQuestions;
  out.push('**Open questions:**', questions ? escapeMarkdown(clip(questions, SPEC_SUMMARY_CHARS * 2)) : 'none recorded', '');
  return out;
}

export function planningPack(input: PackInput): string {
  const out = [`# Planning pack: ${escapeMarkdown(input.title)}`, '', `Generated ${input.generatedAt}. ${input.rows.length} epics and features.`, ''];
  for (const w of input.warnings) out.push(`> **Warning:** ${escapeMarkdown(w)}`, '');
  for (const row of input.rows) out.push(...itemSection(row, input.records.get(row.id)));
  return out.join('\n');
}
