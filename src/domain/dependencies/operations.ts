import type { PersonRef } from '../planning-record/model';
import { milestoneProblem, textProblem } from '../../shared/dependency-rules';
import { earliestNewDate } from '../../shared/past-dates';
import { addedConflict, editConflict, isKnownRev, repeatConflict, type ConflictError } from './conflicts';
import {
  DEPENDENCY_LIMITS,
  IDENTIFIED,
  linkDependencyId,
  linkIdOf,
  targetLabel,
  type Commitment,
  type DependencyRecord,
  type DependencyStatus,
  type Milestone,
  type OtherTarget,
} from './model';

/** The changes people make to an epic's or feature's dependencies (one per save). */
export type DependencyOperation =
  | { type: 'add'; target: OtherTarget; description: string; neededBy: Milestone | null; owner: PersonRef | null }
  /** Records a new issue link's commitment data (the link itself is created in Jira first). */
  | { type: 'describeLink'; linkId: string; description: string; neededBy: Milestone | null; owner: PersonRef | null }
  /** `baseRev`: the revision of the record holding the dependency that the editor started from. */
  | { type: 'edit'; dependencyId: string; baseRev: number; description: string; neededBy: Milestone | null; owner: PersonRef | null }
  | { type: 'request'; dependencyId: string }
  | { type: 'commit'; dependencyId: string; committedBy: Milestone }
  | { type: 'deliver'; dependencyId: string }
  | { type: 'decline'; dependencyId: string; reason: string }
  | { type: 'remove'; dependencyId: string }
  /** A team dependency becomes an issue dependency: the providing team linked its issue. */
  | { type: 'convert'; dependencyId: string; linkId: string };

/** Which side of this dependency the acting user is on, as the use case established it with Jira. */
export interface Sides {
  /** May edit the dependent issue: adds, describes, requests and removes. */
  dependent: boolean;
  /** The providing side (see ADR 0007): commits, delivers and declines. */
  provider: boolean;
}

export interface OperationContext {
  actor: PersonRef;
  now: string;
  newId: () => string;
  /** The sides of the acting user for the dependency the operation is about. */
  sides: Sides;
}

export type OperationError = { code: 'INVALID_INPUT' | 'FORBIDDEN' | 'NOT_FOUND'; message: string } | ConflictError;
export type OperationResult = { ok: true; record: DependencyRecord; changed: boolean } | { ok: false; error: OperationError };

const fail = (code: Exclude<OperationError['code'], 'CONFLICT'>, message: string): OperationResult => ({ ok: false, error: { code, message } });

/** The transitions of the status, and who may make them. */
const TRANSITIONS: Record<'request' | 'commit' | 'deliver' | 'decline', { from: DependencyStatus[]; to: DependencyStatus; side: keyof Sides; verb: string }> = {
  request: { from: ['IDENTIFIED', 'DECLINED'], to: 'REQUESTED', side: 'dependent', verb: 'request' },
  commit: { from: ['REQUESTED'], to: 'COMMITTED', side: 'provider', verb: 'commit to' },
  deliver: { from: ['COMMITTED'], to: 'DELIVERED', side: 'provider', verb: 'deliver' },
  decline: { from: ['REQUESTED', 'COMMITTED'], to: 'DECLINED', side: 'provider', verb: 'decline' },
};

/**
 * Whether the acting user could make this transition now: the UI offers only these actions, and the
 * operation checks them again.
 *
 * @example
 * canTransition('commit', 'REQUESTED', { dependent: true, provider: false }) // => false
 */
export function canTransition(type: keyof typeof TRANSITIONS, status: DependencyStatus, sides: Sides): boolean {
  const rule = TRANSITIONS[type];
  return sides[rule.side] && rule.from.includes(status);
}

/** A committed or delivered dependency is kept as agreed; the rest the dependent side may edit. */
export const isEditable = (status: DependencyStatus): boolean => status !== 'COMMITTED' && status !== 'DELIVERED';

const SIDE_NEEDED: Record<keyof Sides, string> = {
  dependent: 'Only people who can edit this issue',
  provider: 'Only the providing side (people who can edit the providing issue, or the owner named for a team or external party)',
};

/** The commitment of a dependency in the record, or null when the record has no such dependency. */
export function commitmentOf(record: DependencyRecord, dependencyId: string, knownLinkIds: ReadonlySet<string>): Commitment | null {
  const linkId = linkIdOf(dependencyId);
  if (linkId !== null) return knownLinkIds.has(linkId) ? (record.links[linkId] ?? IDENTIFIED) : null;
  return record.others.find((o) => o.id === dependencyId) ?? null;
}

/**
 * Applies one operation. `knownLinkIds` are the dependency links the issue has in Jira now (read by the
 * app), so a stale or forged link id is refused.
 *
 * @example
 * applyDependencyOperation(record, { type: 'commit', dependencyId: 'link:10007', committedBy: { date: '2027-02-01', release: null } }, ctx, links)
 * // => { ok: false, error: { code: 'FORBIDDEN', message: 'Only the providing side ... can commit to ...' } } when ctx.sides.provider is false
 */
export function applyDependencyOperation(record: DependencyRecord, op: DependencyOperation, ctx: OperationContext, knownLinkIds: ReadonlySet<string>): OperationResult {
  if (op.type === 'add') return add(record, op, ctx);
  if (op.type === 'describeLink') {
    if (!ctx.sides.dependent) return fail('FORBIDDEN', `${SIDE_NEEDED.dependent} can add its dependencies.`);
    if (!knownLinkIds.has(op.linkId)) return fail('NOT_FOUND', 'That issue link no longer exists in Jira.');
    const problem = detailsProblem(op, ctx.now, record.links[op.linkId]?.neededBy ?? null);
    if (problem) return fail('INVALID_INPUT', problem);
    const described = record.links[op.linkId];
    if (described) {
      const conflict = addedConflict(record, linkDependencyId(op.linkId), described, op);
      return conflict ? { ok: false, error: conflict } : { ok: true, record, changed: false };
    }
    return save(record, ctx, linkDependencyId(op.linkId), 'Added the dependency', (r) => ({ ...r, links: { ...r.links, [op.linkId]: { ...IDENTIFIED, description: op.description.trim(), neededBy: op.neededBy, owner: op.owner } } }));
  }
  const current = commitmentOf(record, op.dependencyId, knownLinkIds);
  if (!current) return fail('NOT_FOUND', 'That dependency no longer exists: refresh to see the current ones.');
  switch (op.type) {
    case 'edit': {
      if (!ctx.sides.dependent) return fail('FORBIDDEN', `${SIDE_NEEDED.dependent} can edit its dependencies.`);
      if (!isKnownRev(record, op.baseRev)) return fail('INVALID_INPUT', `The revision you edited (${op.baseRev}) is not one these dependencies had; reload the panel.`);
      const conflict = editConflict(record, op.dependencyId, current, op.baseRev);
      if (conflict) return { ok: false, error: conflict };
      if (!isEditable(current.status)) return fail('INVALID_INPUT', 'A committed dependency is kept as agreed: ask the providing side to decline it first, then change it.');
      const problem = detailsProblem(op, ctx.now, current.neededBy);
      if (problem) return fail('INVALID_INPUT', problem);
      return update(record, ctx, op.dependencyId, 'Edited the dependency', { description: op.description.trim(), neededBy: op.neededBy, owner: op.owner });
    }
    case 'request':
    case 'commit':
    case 'deliver':
    case 'decline':
      return transition(record, op, current, ctx);
    case 'remove': {
      if (linkIdOf(op.dependencyId) !== null) return fail('INVALID_INPUT', 'An issue dependency is a Jira issue link: remove the link in Jira.');
      if (!ctx.sides.dependent) return fail('FORBIDDEN', `${SIDE_NEEDED.dependent} can remove its dependencies.`);
      return save(record, ctx, op.dependencyId, 'Removed the dependency', (r) => ({ ...r, others: r.others.filter((o) => o.id !== op.dependencyId) }));
    }
    case 'convert': {
      const other = record.others.find((o) => o.id === op.dependencyId);
      if (!other || other.target.kind !== 'team') return fail('INVALID_INPUT', 'Only a dependency on a team turns into an issue dependency.');
      if (!ctx.sides.dependent && !ctx.sides.provider) return fail('FORBIDDEN', `${SIDE_NEEDED.provider} or people who can edit this issue can link the team's issue.`);
      if (!knownLinkIds.has(op.linkId)) return fail('NOT_FOUND', 'That issue link no longer exists in Jira.');
      const { id: _id, target: _target, ...commitment } = other;
      return save(record, ctx, linkDependencyId(op.linkId), `Linked ${targetLabel(other.target)}'s issue to the dependency`, (r) => ({
        ...r,
        links: { ...r.links, [op.linkId]: commitment },
        others: r.others.filter((o) => o.id !== op.dependencyId),
      }));
    }
  }
}

function add(record: DependencyRecord, op: Extract<DependencyOperation, { type: 'add' }>, ctx: OperationContext): OperationResult {
  if (!ctx.sides.dependent) return fail('FORBIDDEN', `${SIDE_NEEDED.dependent} can add its dependencies.`);
  if (record.others.length >= DEPENDENCY_LIMITS.others) return fail('INVALID_INPUT', `An issue has at most ${DEPENDENCY_LIMITS.others} team and external dependencies.`);
  const name = op.target.kind === 'team' ? op.target.team : op.target.party;
  const nameProblem = textProblem(op.target.kind === 'team' ? 'Team' : 'External party', name, DEPENDENCY_LIMITS.nameChars, true);
  const problem = nameProblem ?? detailsProblem(op, ctx.now);
  if (problem) return fail('INVALID_INPUT', problem);
  const target: OtherTarget = op.target.kind === 'team' ? { kind: 'team', team: name.trim() } : { kind: 'external', party: name.trim() };
  const id = ctx.newId();
  return save(record, ctx, id, `Added a dependency on ${targetLabel(target)}`, (r) => ({
    ...r,
    others: [...r.others, { ...IDENTIFIED, id, target, description: op.description.trim(), neededBy: op.neededBy, owner: op.owner }],
  }));
}

function transition(record: DependencyRecord, op: Extract<DependencyOperation, { type: 'request' | 'commit' | 'deliver' | 'decline' }>, current: Commitment, ctx: OperationContext): OperationResult {
  const rule = TRANSITIONS[op.type];
  if (!ctx.sides[rule.side]) return fail('FORBIDDEN', `${SIDE_NEEDED[rule.side]} can ${rule.verb} this dependency.`);
  if (current.status === rule.to) {
    const conflict = op.type === 'commit' || op.type === 'decline' ? repeatConflict(record, op.dependencyId, current, op) : null;
    return conflict ? { ok: false, error: conflict } : { ok: true, record, changed: false };
  }
  if (!rule.from.includes(current.status)) return fail('INVALID_INPUT', `A dependency that is ${current.status.toLowerCase()} cannot be moved to ${rule.to.toLowerCase()}.`);
  if (op.type === 'request' && linkIdOf(op.dependencyId) === null && !current.owner) return fail('INVALID_INPUT', 'Name the owner on the providing side first: they are the one who commits or declines.');
  const decided = { by: ctx.actor, at: ctx.now };
  switch (op.type) {
    case 'request':
      return update(record, ctx, op.dependencyId, 'Requested the dependency', { status: 'REQUESTED', declineReason: null, committedBy: null, decidedBy: null });
    case 'commit': {
      const problem = milestoneProblem('Committed by', op.committedBy, earliestNewDate(new Date(ctx.now)));
      if (problem) return fail('INVALID_INPUT', problem);
      return update(record, ctx, op.dependencyId, `Committed to deliver by ${op.committedBy.release ?? op.committedBy.date}`, { status: 'COMMITTED', committedBy: op.committedBy, decidedBy: decided });
    }
    case 'deliver':
      return update(record, ctx, op.dependencyId, 'Delivered the dependency', { status: 'DELIVERED', decidedBy: decided });
    case 'decline': {
      const problem = textProblem('Reason', op.reason, DEPENDENCY_LIMITS.reasonChars, true);
      if (problem) return fail('INVALID_INPUT', problem);
      return update(record, ctx, op.dependencyId, `Declined the dependency: ${op.reason.trim()}`, { status: 'DECLINED', declineReason: op.reason.trim(), committedBy: null, decidedBy: decided });
    }
  }
}

/**
 * Null when a dependency's description and needed-by date are acceptable (checked before a link is created,
 * too). `now` is an ISO instant; `kept` is the needed-by date already stored, which may have passed.
 */
export function detailsProblem(op: { description: string; neededBy: Milestone | null }, now: string, kept: Milestone | null = null): string | null {
  return textProblem('Description', op.description, DEPENDENCY_LIMITS.descriptionChars, false) ?? (op.neededBy ? milestoneProblem('Needed by', op.neededBy, earliestNewDate(new Date(now)), kept) : null);
}

/** Changes one dependency's commitment, wherever the record keeps it. */
function update(record: DependencyRecord, ctx: OperationContext, dependencyId: string, what: string, patch: Partial<Commitment>): OperationResult {
  const linkId = linkIdOf(dependencyId);
  return save(record, ctx, dependencyId, what, (r) =>
    linkId !== null
      ? { ...r, links: { ...r.links, [linkId]: { ...(r.links[linkId] ?? IDENTIFIED), ...patch } } }
      : { ...r, others: r.others.map((o) => (o.id === dependencyId ? { ...o, ...patch } : o)) },
  );
}

/** The next revision, with the dependency marked as changed in it and the change noted in the history (newest first, capped). */
function save(record: DependencyRecord, ctx: OperationContext, dependencyId: string, what: string, change: (r: DependencyRecord) => DependencyRecord): OperationResult {
  const rev = record.rev + 1;
  const next = stamp(change(record), dependencyId, rev);
  const history = [{ rev, at: ctx.now, by: ctx.actor, dependencyId, what }, ...record.history].slice(0, DEPENDENCY_LIMITS.history);
  return { ok: true, changed: true, record: { ...next, rev, history } };
}

/** Marks the dependency (if it is still in the record) as changed at `rev`. */
function stamp(record: DependencyRecord, dependencyId: string, rev: number): DependencyRecord {
  const linkId = linkIdOf(dependencyId);
  if (linkId !== null) {
    const c = record.links[linkId];
    return c ? { ...record, links: { ...record.links, [linkId]: { ...c, changedAtRev: rev } } } : record;
  }
  return { ...record, others: record.others.map((o) => (o.id === dependencyId ? { ...o, changedAtRev: rev } : o)) };
}
