import type { PlanningRecord } from '../planning-record/model';
import { DEFAULT_READINESS_SETTINGS, type ReadinessSettings } from '../readiness/settings';
import { RISK_WORDS, SPEC_WORDS, stateWords } from './csv';
import { estimateCheckOf, estimateCheckWords } from './estimate-check';
import { escapeMarkdown } from './markdown-text';
import { packMoment } from './pack-dates';
import { planSection, type PackPlan } from './pack-plan';
import { reasonsInWords } from './reasons';
import { readinessOf, type PortfolioRow } from './row';

/**
 * The Markdown planning pack for a planning event: the drift since the committed plan, then per epic or
 * feature its readiness and the reasons in words, a summary of its spec and estimate, its dependencies,
 * risks and open questions. Built from what the app verified: the item summary (counts, score) and the
 * planning record; a record changed outside the app says so.
 */
export const SPEC_SUMMARY_CHARS = 400;

export interface PackInput {
  title: string;
  generatedAt: string;
  rows: readonly PortfolioRow[];
  records: ReadonlyMap<string, PlanningRecord>;
  /** Warnings of the read (what is missing), repeated at the top of the pack. */
  warnings: readonly string[];
  /** How each project's readiness settings count issue types as epics or features (the defaults otherwise). */
  types: ReadonlyMap<string, Pick<ReadinessSettings, 'epicTypeIds' | 'featureTypeIds'>>;
  /** The committed plan of this scope and the drift since it; null when none was committed for it. */
  plan: PackPlan | null;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function itemSection(row: PortfolioRow, record: PlanningRecord | undefined, types: Pick<ReadinessSettings, 'epicTypeIds' | 'featureTypeIds'>): string[] {
  const out = [`## ${row.key}: ${escapeMarkdown(row.summary)}`, ''];
  out.push(`${row.issueType} · ${escapeMarkdown(row.status.name)} · team ${escapeMarkdown(row.team ?? 'none')} · release ${escapeMarkdown(row.releases.join(', ') || 'none')}`, '');
  const readiness = readinessOf(row);
  out.push(`**Readiness:** ${readiness ? `${readiness.score}/100, ${stateWords(readiness.state)}` : 'not scored yet'}`);
  for (const r of row.facts ? reasonsInWords(row.facts, types) : []) {
    // The why and the next step are the app's own sentences (no user text), so they go in as written.
    out.push(`- ${escapeMarkdown(r.title)}: ${r.earned} of ${r.weight} points.${r.why ? ` ${r.why}` : ''}${r.nextStep ? ` Next: ${r.nextStep}` : ''}`);
  }
  out.push('');
  const f = row.facts;
  const spec = f ? (SPEC_WORDS[f.specStatus] ?? f.specStatus) : 'No spec yet';
  out.push(`**Spec:** ${spec}${f?.changedOutsideApp ? ' (changed outside the app: not verified)' : ''}`);
  const context = record?.spec.sections.context;
  const approach = record?.spec.sections.approach;
  if (context) out.push(`- Context: ${escapeMarkdown(clip(context, SPEC_SUMMARY_CHARS))}`);
  if (approach) out.push(`- Approach: ${escapeMarkdown(clip(approach, SPEC_SUMMARY_CHARS))}`);
  const confidence = f?.estimateConfidence !== undefined ? `confidence ${f.estimateConfidence}/5` : 'none';
  out.push(`- Estimate: ${confidence}; against the bottom-up points: ${estimateCheckWords(estimateCheckOf(f))}`, '');
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
  const out = [`# Planning pack: ${escapeMarkdown(input.title)}`, '', `Generated ${packMoment(input.generatedAt)}. ${input.rows.length} epics and features.`, ''];
  for (const w of input.warnings) out.push(`> **Warning:** ${escapeMarkdown(w)}`, '');
  out.push(...planSection(input.plan));
  for (const row of input.rows) out.push(...itemSection(row, input.records.get(row.id), input.types.get(row.projectKey) ?? DEFAULT_READINESS_SETTINGS));
  return out.join('\n');
}
