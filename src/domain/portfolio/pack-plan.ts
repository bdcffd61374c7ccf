import { stateWords } from './csv';
import type { Drift } from './drift';
import { escapeMarkdown } from './markdown-text';
import { packMoment } from './pack-dates';

/** The planning pack's first section: the committed plan of the scope and the drift since it. */
export interface PackPlan {
  committedBy: string;
  committedAt: string;
  drift: Drift;
  /** True when the pack holds only part of the scope: what left the plan cannot be told, so it is not listed. */
  removedLeftOut: boolean;
}

const itemLine = (i: { key: string; summary: string }, more = ''): string => `- ${i.key}: ${escapeMarkdown(i.summary)}${more}`;
const scoreWords = (r: { score: number | null; state: Parameters<typeof stateWords>[0] }): string => (r.score === null ? 'not scored' : `${r.score} (${stateWords(r.state)})`);
const confidenceWords = (c: number | null): string => (c === null ? 'none' : `${c}/5`);

/** What changed since the committed plan: scope added or removed, estimates changed, readiness dropped. */
export function planSection(plan: PackPlan | null): string[] {
  const out = ['## Drift since the committed plan', ''];
  if (!plan) return [...out, 'No plan is committed for this scope yet: commit it on the project page to follow the drift.', ''];
  const { drift } = plan;
  out.push(`Committed by ${escapeMarkdown(plan.committedBy)} on ${packMoment(plan.committedAt)}.`, '');
  const list = (title: string, lines: string[]): void => void out.push(lines.length === 0 ? `**${title}:** none` : `**${title}:**`, ...lines, '');
  list('Added', drift.added.map((i) => itemLine(i)));
  if (plan.removedLeftOut) out.push('**Removed:** not listed: this pack holds only part of the scope.', '');
  else list('Removed', drift.removed.map((i) => itemLine(i)));
  list('Estimate changed', drift.estimateChanged.map((i) => itemLine(i, `: confidence ${confidenceWords(i.from)} → ${confidenceWords(i.to)}`)));
  list('Readiness dropped', drift.readinessDropped.map((i) => itemLine(i, `: ${scoreWords(i.from)} → ${scoreWords(i.to)}`)));
  return out;
}
