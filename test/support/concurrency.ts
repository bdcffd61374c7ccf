import type { LocalSite } from '../../local/host/site';
import type { ItemSummary } from '../../src/domain/item-summary/item-summary';
import type { Result } from '../../src/shared/contract/common';
import { blockWithRest, depsChange, depsView, restJson } from './dependencies-site';
import { rest } from './events-site';
import { USERS } from './local-site';
import { editSection, jqlKeys, ok, panelUpdate, panelView, readProperty, writeProperty, type PlanningRecordDto } from './planning-site';
import { addRisk, riskUpdate, riskView } from './risks-site';

/**
 * Concurrent writers across the spec, the risks and the dependencies (issue 14, concurrency), shared by the
 * load test over ten issues and the one on a single hot issue: what a writer edits, how it writes, the event
 * driver that runs the app's triggers meanwhile, and the checks that no acknowledged edit was lost.
 */

export const SECTIONS = ['context', 'approach', 'components', 'nfrs', 'acceptance'];
/** Issues the event driver links to the writers' issues as providers ("X blocks the issue"). */
const PROVIDERS = ['PAY-3', 'PAY-4', 'PAY-5', 'PAY-6'];
/** Time between two rounds of product events. */
const EVENT_ROUND_MS = 3_000;

/** One thing writers edit: how to read its revision, send an edit from it, and read what is stored. */
export interface Target {
  issueKey: string;
  name: string;
  baseRev(accountId: string): Promise<number>;
  /** Answers the revision the acknowledged edit made. */
  edit(accountId: string, baseRev: number, text: string): Promise<Result<number>>;
  stored(): Promise<string | undefined>;
}

const mapOk = <T>(r: Result<T>, f: (data: T) => number): Result<number> => (r.ok ? { ok: true, data: f(r.data) } : r);

export function specTarget(site: LocalSite, issueKey: string, section: string): Target {
  return {
    issueKey,
    name: `${issueKey} spec ${section}`,
    baseRev: async (a) => ok(await panelView(site, issueKey, a)).record.rev,
    edit: async (a, baseRev, text) => mapOk(await panelUpdate(site, issueKey, a, editSection(baseRev, section, text)), (d) => d.view.record.rev),
    stored: async () => ((await readProperty(site, issueKey, 'planning-readiness')) as PlanningRecordDto).spec.sections[section as 'context'],
  };
}

export async function riskTarget(site: LocalSite, issueKey: string, title = 'Concurrent edits'): Promise<Target> {
  const lead = USERS.lead.accountId;
  const added = ok(await riskUpdate(site, issueKey, lead, ok(await riskView(site, issueKey, lead)).rev, addRisk(title, 2, 2))).view;
  const riskId = added.risks.find((r) => r.title === title)!.id;
  return {
    issueKey,
    name: `${issueKey} risk ${title}`,
    baseRev: async (a) => ok(await riskView(site, issueKey, a)).rev,
    edit: async (a, baseRev, text) =>
      mapOk(await riskUpdate(site, issueKey, a, baseRev, { type: 'risk.edit', riskId, fields: { title, description: text, category: 'technical', dueDate: null } }), (d) => d.view.rev),
    stored: async () => ((await readProperty(site, issueKey, 'planning-readiness-risks')) as { risks: Array<{ id: string; description: string }> }).risks.find((r) => r.id === riskId)?.description,
  };
}

export async function dependencyTarget(site: LocalSite, issueKey: string, team = 'Concurrency'): Promise<Target> {
  const added = ok(await depsChange(site, issueKey, USERS.lead.accountId, { type: 'add', target: { kind: 'team', team }, description: '', neededBy: null, ownerAccountId: null })).view;
  const dependencyId = added.needs.find((d) => d.far.kind === 'team' && d.far.name === team)!.id;
  const revOf = (needs: Array<{ id: string; rev: number }>): number => needs.find((d) => d.id === dependencyId)!.rev;
  return {
    issueKey,
    name: `${issueKey} dependency on ${team}`,
    baseRev: async (a) => revOf(ok(await depsView(site, issueKey, a, 1)).needs),
    edit: async (a, baseRev, text) =>
      // The answer's view is read after the write, so it may already hold a later revision than the one this edit wrote.
      mapOk(await depsChange(site, issueKey, a, { type: 'edit', dependencyId, baseRev, description: text, neededBy: null, ownerAccountId: null }), (d) => d.savedRev!),
    stored: async () => ((await readProperty(site, issueKey, 'planning-readiness-dependencies')) as { others: Array<{ id: string; description: string }> }).others.find((o) => o.id === dependencyId)?.description,
  };
}

interface Ack {
  text: string;
  baseRev: number;
  rev: number;
}

/** What one writer saw: its acknowledged edits in order, and every refusal. */
export interface Run {
  target: Target;
  acks: Ack[];
  refusals: Array<{ code: string; message: string }>;
}

/** What a refusal must say: the edit was not saved, and why (a concurrent change, or the issue busy). */
const REFUSED: Record<string, RegExp> = { CONFLICT: /changed .+ after you opened it/, UNAVAILABLE: /nothing was (saved|changed)/i };

/**
 * One writer's edits. `untilSaved`: a refused edit is read again and sent again until it lands (the user
 * pressing Save again); otherwise each edit is sent once, from a fresh read, and its refusal is only told.
 */
export async function writer(target: Target, accountId: string, w: number, edits: number, untilSaved: boolean): Promise<Run> {
  const run: Run = { target, acks: [], refusals: [] };
  let baseRev = await target.baseRev(accountId);
  for (let i = 0; i < edits; i++) {
    const text = `${target.name}: edit ${i} by writer ${w}`;
    for (;;) {
      const answer = await target.edit(accountId, baseRev, text);
      if (answer.ok) {
        run.acks.push({ text, baseRev, rev: answer.data });
        // As the panel does: the answer's view is the one the next edit starts from.
        baseRev = answer.data;
        break;
      }
      run.refusals.push(answer.error);
      if (!REFUSED[answer.error.code]) throw new Error(`${target.name}, writer ${w}: ${answer.error.code}: ${answer.error.message}`);
      baseRev = await target.baseRev(accountId);
      if (!untilSaved) break;
    }
  }
  return run;
}

/**
 * No acknowledged edit was lost on any target: each was made from a revision holding the one acknowledged
 * before it, the target holds the last one, and every refusal told its writer what happened. Answers the
 * counts of conflicts and busy answers.
 */
export async function expectNoLostUpdate(runs: readonly Run[]): Promise<{ acks: number; conflicts: number; busy: number }> {
  const counted = { acks: 0, conflicts: 0, busy: 0 };
  for (const target of new Set(runs.map((r) => r.target))) {
    const mine = runs.filter((r) => r.target === target);
    const acks = mine.flatMap((r) => r.acks).sort((a, b) => a.rev - b.rev);
    counted.acks += acks.length;
    const blind = acks.filter((a, n) => n > 0 && a.baseRev < acks[n - 1]!.rev).map((a) => a.text);
    expect(blind).toEqual([]);
    if (acks.length > 0) expect(await target.stored()).toBe(acks.at(-1)!.text);
    for (const refusal of mine.flatMap((r) => r.refusals)) {
      expect(refusal.message).toMatch(REFUSED[refusal.code]!);
      if (refusal.code === 'CONFLICT') counted.conflicts++;
      else counted.busy++;
    }
  }
  return counted;
}

/**
 * Product events while the writers run, on one issue after another, each running triggers that write the
 * item summary under the issue's lease: a link to it created (every round) and one deleted (every other
 * round), its summary field updated, and its summary property forged with wrong counts.
 */
export async function eventDriver(site: LocalSite, issues: readonly string[], stop: { done: boolean }): Promise<number> {
  let rounds = 0;
  const lead = USERS.lead.email;
  while (!stop.done) {
    const issueKey = issues[rounds % issues.length]!;
    expect(await blockWithRest(site, PROVIDERS[rounds % PROVIDERS.length]!, issueKey)).toBe(201);
    if (rounds % 2 === 1) {
      const links = ((await restJson(site, `/rest/api/3/issue/${issueKey}?fields=issuelinks`)) as { fields: { issuelinks: Array<{ id: string; inwardIssue?: { key: string } }> } }).fields.issuelinks;
      const made = links.find((l) => l.inwardIssue && PROVIDERS.includes(l.inwardIssue.key));
      if (made) expect((await rest(site, lead, 'DELETE', `/rest/api/3/issueLink/${made.id}`)).status).toBe(204);
    }
    expect((await rest(site, lead, 'PUT', `/rest/api/3/issue/${issueKey}`, { fields: { summary: `${issueKey}, renamed in round ${rounds}` } })).status).toBe(204);
    const summary = (await readProperty(site, issueKey, 'planning-readiness-summary')) as ItemSummary;
    const forged = { ...summary, rev: 0, dependencies: { open: 99, late: 9, cycle: 1, uncommitted: 99 }, risks: { level: 0, unroamed: 0, blocking: 0 } };
    expect(await writeProperty(site, lead, issueKey, 'planning-readiness-summary', forged)).toBe(200);
    rounds++;
    await new Promise((resolve) => setTimeout(resolve, EVENT_ROUND_MS));
  }
  return rounds;
}

/**
 * After the writers: the events drained, then the hourly reconciliation run once, as the scheduler would. A
 * link event whose every retry found the issue busy (writers holding its lease the whole time) is not
 * redelivered; the reconciliation is what repairs the facts it carried.
 */
export async function settle(site: LocalSite): Promise<void> {
  await site.events.drain();
  const run = await site.events.runScheduled('readiness-reconcile');
  expect(run).toMatchObject({ ok: true });
  await site.events.drain();
}

/** The item summary holds what the final records say, and JQL finds the issue by those values. */
export async function expectSummaryAgrees(site: LocalSite, issueKey: string): Promise<void> {
  const lead = USERS.lead.accountId;
  const summary = (await readProperty(site, issueKey, 'planning-readiness-summary')) as ItemSummary;
  const planningRev = ((await readProperty(site, issueKey, 'planning-readiness')) as PlanningRecordDto).rev;
  const { facts } = ok(await depsView(site, issueKey, lead));
  const { counts } = ok(await riskView(site, issueKey, lead));
  expect({ issueKey, rev: summary.rev, dependencies: summary.dependencies, risks: summary.risks }).toEqual({ issueKey, rev: planningRev, dependencies: facts, risks: counts });
  const jql = `key = ${issueKey} AND planningRecordRev = ${planningRev} AND openDependencies = ${facts.open} AND riskLevel = ${counts.level} AND unroamedRisks = ${counts.unroamed}`;
  expect(await jqlKeys(site, jql)).toEqual([issueKey]);
}

/** The people who may edit in both demo projects (not the viewer, not the outsider). */
export const editors = (site: LocalSite): string[] => site.store.data.users.filter((u) => u.emailAddress !== USERS.viewer.email && u.emailAddress !== USERS.outsider.email).map((u) => u.accountId);
