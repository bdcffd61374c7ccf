import { applyComment, checkCommentText, type ReviewCommentOperation } from './review';
import { pointsRangeProblem } from '../../shared/rules/points-range';
import { checkLinkUrl } from '../../shared/rules/link-url';
import { checkPlainText } from './text-rules';
import {
  HISTORY_LIMIT,
  LIMITS,
  SPEC_SECTION_KEYS,
  sectionTitle,
  type EstimateValue,
  type PersonRef,
  type PlanningRecord,
  type SpecSectionKey,
} from './model';

/**
 * Item-level changes to a planning record. Each names the part it changes, so that two people editing
 * different parts from the same revision both keep their edits, while a change to a part that someone else
 * changed since the editor's revision is refused as a conflict carrying the current value.
 */
export type PlanningOperation =
  | { type: 'spec.editSection'; section: SpecSectionKey; text: string }
  | { type: 'spec.addLink'; url: string; title: string }
  | { type: 'spec.removeLink'; linkId: string }
  | { type: 'spec.submitForReview' }
  | { type: 'spec.approve' }
  | { type: 'spec.requestChanges'; comment: string }
  | ReviewCommentOperation
  | { type: 'estimate.set'; value: EstimateValue; confidence: number; assumptions: string }
  | { type: 'estimate.clear' };

export interface OperationContext {
  actor: PersonRef;
  /** ISO timestamp of the change (time is passed in: the domain reads no clock). */
  now: string;
  /** The record revision the editor was looking at. */
  baseRev: number;
  /** Whether the actor may approve specs, or request changes to them, in this project (an architect). */
  canApprove: boolean;
  /** Makes ids for new links (passed in so the domain stays deterministic in tests). */
  newId: () => string;
}

export type OperationError =
  | { code: 'INVALID_INPUT'; message: string }
  | { code: 'FORBIDDEN'; message: string }
  | { code: 'CONFLICT'; message: string; conflict: { part: string; current: unknown; rev: number } };

export type OperationResult = { ok: true; record: PlanningRecord; changed: boolean } | { ok: false; error: OperationError };

const sectionPart = (s: SpecSectionKey): string => `spec.section.${s}`;
const SPEC_PARTS = [...SPEC_SECTION_KEYS.map(sectionPart), 'spec.links', 'spec.status'];

function partValue(record: PlanningRecord, part: string): unknown {
  if (part.startsWith('spec.section.')) return record.spec.sections[part.slice('spec.section.'.length) as SpecSectionKey] ?? '';
  if (part === 'spec.links') return record.spec.links;
  if (part === 'spec.status') return { status: record.spec.status, approval: record.spec.approval };
  if (part === 'estimate') return record.estimate;
  return undefined;
}

function conflictIfChanged(record: PlanningRecord, parts: string[], baseRev: number, what: string): OperationError | null {
  const changed = parts.find((p) => (record.changedAtRev[p] ?? 0) > baseRev);
  if (!changed) return null;
  return {
    code: 'CONFLICT',
    message: `Someone else changed ${what} after you opened it. Their version is shown; review it and apply your change again.`,
    conflict: { part: changed, current: partValue(record, changed), rev: record.rev },
  };
}

const STATUS_WORDS: Record<PlanningRecord['spec']['status'], string> = { DRAFT: 'a draft', IN_REVIEW: 'in review', CHANGES_REQUESTED: 'waiting for its author', APPROVED: 'approved' };

const invalid = (message: string): OperationResult => ({ ok: false, error: { code: 'INVALID_INPUT', message } });

/** Applies one operation, returning the new record (the input is not modified). */
export function applyOperation(current: PlanningRecord, op: PlanningOperation, ctx: OperationContext): OperationResult {
  if (!Number.isInteger(ctx.baseRev) || ctx.baseRev < 0 || ctx.baseRev > current.rev) {
    return invalid(`The revision you edited (${ctx.baseRev}) is not one this record had; reload the panel.`);
  }
  const next: PlanningRecord = structuredClone(current);
  const rev = current.rev + 1;
  const touched: string[] = [];
  let what: string;

  const specEdited = (): void => {
    next.spec.author ??= ctx.actor;
    next.spec.lastEditor = ctx.actor;
    next.spec.lastEditedAt = ctx.now;
    if (current.spec.status === 'APPROVED') {
      next.spec.status = 'IN_REVIEW';
      next.spec.approval = null;
      touched.push('spec.status');
      what += '; the approved spec went back to In review';
    }
  };

  switch (op.type) {
    case 'spec.editSection': {
      const title = sectionTitle(op.section);
      const checked = checkPlainText(title, op.text, LIMITS.sectionChars);
      if (!checked.ok) return invalid(checked.message);
      // A section holding only whitespace counts as empty.
      if (checked.text.trim() === '') checked.text = '';
      if ((current.spec.sections[op.section] ?? '') === checked.text) return { ok: true, record: current, changed: false };
      const conflict = conflictIfChanged(current, [sectionPart(op.section)], ctx.baseRev, `"${title}"`);
      if (conflict) return { ok: false, error: conflict };
      if (checked.text === '') delete next.spec.sections[op.section];
      else next.spec.sections[op.section] = checked.text;
      touched.push(sectionPart(op.section));
      what = `Edited "${title}"`;
      specEdited();
      break;
    }
    case 'spec.addLink': {
      const url = checkLinkUrl(op.url, LIMITS.linkUrlChars);
      if (!url.ok) return invalid(url.message);
      const title = checkPlainText('Link title', op.title.trim(), LIMITS.linkTitleChars);
      if (!title.ok) return invalid(title.message);
      if (title.text === '') return invalid('Link title: say what the document is.');
      if (current.spec.links.some((l) => l.url === url.url)) return invalid('That design document is already linked.');
      if (current.spec.links.length >= LIMITS.links) return invalid(`A spec can link at most ${LIMITS.links} documents; remove one first.`);
      next.spec.links.push({ id: ctx.newId(), url: url.url, title: title.text });
      touched.push('spec.links');
      what = `Linked "${title.text}"`;
      specEdited();
      break;
    }
    case 'spec.removeLink': {
      const link = current.spec.links.find((l) => l.id === op.linkId);
      if (!link) {
        return { ok: false, error: { code: 'CONFLICT', message: 'That link was already removed.', conflict: { part: 'spec.links', current: current.spec.links, rev: current.rev } } };
      }
      next.spec.links = current.spec.links.filter((l) => l.id !== op.linkId);
      touched.push('spec.links');
      what = `Removed the link "${link.title}"`;
      specEdited();
      break;
    }
    case 'spec.submitForReview': {
      const resubmit = current.spec.status === 'CHANGES_REQUESTED';
      if (current.spec.status !== 'DRAFT' && !resubmit) return invalid(`The spec is ${current.spec.status === 'IN_REVIEW' ? 'already in review' : 'approved'}.`);
      const missing = (['context', 'approach'] as const).filter((s) => !current.spec.sections[s]);
      if (missing.length > 0) return invalid(`Fill in ${missing.map((s) => `"${sectionTitle(s)}"`).join(' and ')} before asking for review.`);
      const conflict = conflictIfChanged(current, ['spec.status'], ctx.baseRev, 'the spec status');
      if (conflict) return { ok: false, error: conflict };
      next.spec.status = 'IN_REVIEW';
      touched.push('spec.status');
      what = resubmit ? 'Resubmitted the spec for review after the requested changes' : 'Submitted the spec for review';
      break;
    }
    case 'spec.requestChanges': {
      if (!ctx.canApprove) return { ok: false, error: { code: 'FORBIDDEN', message: "Only this project's architects can request changes to a spec." } };
      if (current.spec.status !== 'IN_REVIEW') return invalid(`Changes can be requested only on a spec in review; this one is ${STATUS_WORDS[current.spec.status]}.`);
      const comment = checkCommentText('Requested changes', op.comment, 'say what the author should change.');
      if (!comment.ok) return invalid(comment.message);
      // Like an approval, a request for changes answers the spec the architect read.
      const conflict = conflictIfChanged(current, SPEC_PARTS, ctx.baseRev, 'the spec');
      if (conflict) return { ok: false, error: conflict };
      next.spec.status = 'CHANGES_REQUESTED';
      next.review.changesRequest = { by: ctx.actor, at: ctx.now, comment: comment.text };
      touched.push('spec.status');
      what = 'Requested changes to the spec';
      break;
    }
    case 'review.comment':
    case 'review.reply': {
      const commented = applyComment(current.review, op, ctx);
      if (!commented.ok) return invalid(commented.message);
      next.review = structuredClone(commented.review);
      touched.push('review');
      what = commented.what;
      break;
    }
    case 'spec.approve': {
      if (!ctx.canApprove) return { ok: false, error: { code: 'FORBIDDEN', message: "Only this project's architects can approve a spec." } };
      if (current.spec.status !== 'IN_REVIEW') return invalid(current.spec.status === 'APPROVED' ? 'The spec is already approved.' : 'Submit the spec for review before approving it.');
      // Approving means approving what the architect read: any spec change since then is a conflict.
      const conflict = conflictIfChanged(current, SPEC_PARTS, ctx.baseRev, 'the spec');
      if (conflict) return { ok: false, error: conflict };
      next.spec.status = 'APPROVED';
      next.spec.approval = { by: ctx.actor, at: ctx.now };
      touched.push('spec.status');
      what = 'Approved the spec';
      break;
    }
    case 'estimate.set': {
      const value = checkEstimate(op.value);
      if (typeof value === 'string') return invalid(value);
      if (!Number.isInteger(op.confidence) || op.confidence < 1 || op.confidence > 5) return invalid('Confidence: choose 1 to 5 (fist of five).');
      const assumptions = checkPlainText('Assumptions', op.assumptions, LIMITS.assumptionsChars);
      if (!assumptions.ok) return invalid(assumptions.message);
      const conflict = conflictIfChanged(current, ['estimate'], ctx.baseRev, 'the estimate');
      if (conflict) return { ok: false, error: conflict };
      next.estimate = { value, confidence: op.confidence, assumptions: assumptions.text, by: ctx.actor, at: ctx.now };
      touched.push('estimate');
      what = `Estimated ${value.kind === 'tshirt' ? `size ${value.size}` : `${value.low}-${value.high} points`} (confidence ${op.confidence}/5)`;
      break;
    }
    case 'estimate.clear': {
      if (!current.estimate) return { ok: true, record: current, changed: false };
      const conflict = conflictIfChanged(current, ['estimate'], ctx.baseRev, 'the estimate');
      if (conflict) return { ok: false, error: conflict };
      next.estimate = null;
      touched.push('estimate');
      what = 'Cleared the estimate';
      break;
    }
  }

  next.rev = rev;
  for (const part of touched) next.changedAtRev[part] = rev;
  next.history = [{ rev, at: ctx.now, by: ctx.actor, what }, ...current.history].slice(0, HISTORY_LIMIT);
  return { ok: true, record: next, changed: true };
}

function checkEstimate(value: EstimateValue): EstimateValue | string {
  if (value.kind === 'tshirt') return value;
  return pointsRangeProblem(value.low, value.high) ?? { kind: 'points', low: value.low, high: value.high };
}
