import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { ItemSummary } from '../../src/domain/item-summary/item-summary';
import { blockWithRest, depsChange, depsView, restJson } from '../support/dependencies-site';
import { rest } from '../support/events-site';
import { startTestSite, USERS } from '../support/local-site';
import { editSection, jqlKeys, ok, panelUpdate, panelView, readProperty, writeProperty, type PlanningRecordDto } from '../support/planning-site';
import { addRisk, riskUpdate, riskView } from '../support/risks-site';

/**
 * Issue 14, concurrency: 50 writers x 20 edits across the spec, the risks and the dependencies, with Jira
 * Cloud-like latency (JIRA_LATENCY_MS=150), while product events (links created and deleted, issues updated,
 * the summary property forged) run the app's triggers on the same issues.
 *
 * Five writers share each of ten epics and features, on all three features of it: two writers share a spec
 * section, two a risk, and the fifth edits a team dependency alone (which feature is shared and which is alone
 * rotates from issue to issue, so each feature has shared targets). Every write to an issue, the writers' and
 * the triggers', is serialized by that issue's lease: 1,000 edits on ONE issue at 150 ms a Jira call would take
 * over ten minutes, so the writers are spread over ten issues (see docs/PERFORMANCE.md).
 *
 * A writer whose edit is refused (a conflict, or the issue busy: "nothing was saved") reads again and sends
 * the same edit until it lands. No update is lost: every acknowledged edit of a target was made from a
 * revision that held the one acknowledged before it, and the target holds the last one. Each issue's item
 * summary and JQL agree with its final records once the events are drained.
 */
const ISSUES = ['PAY-1', 'PAY-2', 'PAY-7', 'PAY-12', 'PAY-17', 'PAY-23', 'DATA-1', 'DATA-2', 'DATA-7', 'DATA-12'];
const WRITERS_PER_ISSUE = 5;
const EDITS = 20;
const SECTIONS = ['context', 'approach', 'components', 'nfrs', 'acceptance'];
/** Issues the event driver links to the writers' issues as providers ("X blocks the issue"). */
const PROVIDERS = ['PAY-3', 'PAY-4', 'PAY-5', 'PAY-6'];
/** Time between two rounds of product events. */
const EVENT_ROUND_MS = 3_000;
/**
 * A platform second lasts 20 ms: a trigger that timed out waiting for a busy issue's lease comes back after
 * 1.2 s instead of Forge's 60 s, and the hourly readiness reconciliation runs every 72 s, during the writes too.
 */
const PLATFORM_SECOND_MS = 20;

let site: LocalSite;
afterAll(() => site.close());

/** One thing writers edit: how to read its revision, send an edit from it, and read what is stored. */
interface Target {
  issueKey: string;
  name: string;
  baseRev(accountId: string): Promise<number>;
  /** Answers the revision the acknowledged edit made. */
  edit(accountId: string, baseRev: number, text: string): Promise<Result<number>>;
  stored(): Promise<string | undefined>;
}

const mapOk = <T>(r: Result<T>, f: (data: T) => number): Result<number> => (r.ok ? { ok: true, data: f(r.data) } : r);

function specTarget(issueKey: string, section: string): Target {
  return {
    issueKey,
    name: `${issueKey} spec ${section}`,
    baseRev: async (a) => ok(await panelView(site, issueKey, a)).record.rev,
    edit: async (a, baseRev, text) => mapOk(await panelUpdate(site, issueKey, a, editSection(baseRev, section, text)), (d) => d.view.record.rev),
    stored: async () => ((await readProperty(site, issueKey, 'planning-readiness')) as PlanningRecordDto).spec.sections[section as 'context'],
  };
}

async function riskTarget(issueKey: string): Promise<Target> {
  const lead = USERS.lead.accountId;
  const title = 'Concurrent edits';
  const added = ok(await riskUpdate(site, issueKey, lead, ok(await riskView(site, issueKey, lead)).rev, addRisk(title, 2, 2))).view;
  const riskId = added.risks.find((r) => r.title === title)!.id;
  return {
    issueKey,
    name: `${issueKey} risk`,
    baseRev: async (a) => ok(await riskView(site, issueKey, a)).rev,
    edit: async (a, baseRev, text) =>
      mapOk(await riskUpdate(site, issueKey, a, baseRev, { type: 'risk.edit', riskId, fields: { title, description: text, category: 'technical', dueDate: null } }), (d) => d.view.rev),
    stored: async () => ((await readProperty(site, issueKey, 'planning-readiness-risks')) as { risks: Array<{ id: string; description: string }> }).risks.find((r) => r.id === riskId)?.description,
  };
}

async function dependencyTarget(issueKey: string): Promise<Target> {
  const team = 'Concurrency';
  const added = ok(await depsChange(site, issueKey, USERS.lead.accountId, { type: 'add', target: { kind: 'team', team }, description: '', neededBy: null, ownerAccountId: null })).view;
  const dependencyId = added.needs.find((d) => d.far.kind === 'team' && d.far.name === team)!.id;
  const revOf = (needs: Array<{ id: string; rev: number }>): number => needs.find((d) => d.id === dependencyId)!.rev;
  return {
    issueKey,
    name: `${issueKey} dependency`,
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
interface Run {
  target: Target;
  acks: Ack[];
  refusals: Array<{ code: string; message: string }>;
}

/** What each refusal after which the same edit is sent again must say: nothing of it was saved. */
const RETRIED: Record<string, RegExp> = { CONFLICT: /changed .+ after you opened it/, UNAVAILABLE: /nothing was (saved|changed)/i };

async function writer(target: Target, accountId: string, w: number): Promise<Run> {
  const run: Run = { target, acks: [], refusals: [] };
  let baseRev = await target.baseRev(accountId);
  for (let i = 0; i < EDITS; i++) {
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
      if (!RETRIED[answer.error.code]) throw new Error(`${target.name}, writer ${w}: ${answer.error.code}: ${answer.error.message}`);
      baseRev = await target.baseRev(accountId);
    }
  }
  return run;
}

/**
 * Product events while the writers run, on one issue after another, each running triggers that write the
 * item summary under the issue's lease: a link to it created (every round) and one deleted (every other
 * round), its summary field updated, and its summary property forged with wrong counts.
 */
async function eventDriver(stop: { done: boolean }): Promise<number> {
  let rounds = 0;
  const lead = USERS.lead.email;
  while (!stop.done) {
    const issueKey = ISSUES[rounds % ISSUES.length]!;
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

/** The five writers' targets on one issue: two share one target, two another, and one edits the third alone. */
async function targetsOf(issueKey: string, k: number): Promise<Target[]> {
  const features = [specTarget(issueKey, SECTIONS[k % SECTIONS.length]!), await riskTarget(issueKey), await dependencyTarget(issueKey)];
  return Array.from({ length: WRITERS_PER_ISSUE }, (_, s) => features[((s % 3) + k) % 3]!);
}

/** The item summary holds what the final records say, and JQL finds the issue by those values. */
async function expectSummaryAgrees(issueKey: string): Promise<void> {
  const lead = USERS.lead.accountId;
  const summary = (await readProperty(site, issueKey, 'planning-readiness-summary')) as ItemSummary;
  const planningRev = ((await readProperty(site, issueKey, 'planning-readiness')) as PlanningRecordDto).rev;
  const { facts } = ok(await depsView(site, issueKey, lead));
  const { counts } = ok(await riskView(site, issueKey, lead));
  expect({ issueKey, rev: summary.rev, dependencies: summary.dependencies, risks: summary.risks }).toEqual({ issueKey, rev: planningRev, dependencies: facts, risks: counts });
  const jql = `key = ${issueKey} AND planningRecordRev = ${planningRev} AND openDependencies = ${facts.open} AND riskLevel = ${counts.level} AND unroamedRisks = ${counts.unroamed}`;
  expect(await jqlKeys(site, jql)).toEqual([issueKey]);
}

it('loses no acknowledged edit, tells every writer of each conflict, and the summaries agree with the records', async () => {
  site = await startTestSite({ events: { secondsToMs: PLATFORM_SECOND_MS } });
  await site.events.drain();
  const targets = (await Promise.all(ISSUES.map(targetsOf))).flat();
  const people = site.store.data.users.filter((u) => u.emailAddress !== USERS.viewer.email && u.emailAddress !== USERS.outsider.email).map((u) => u.accountId);

  site.faults.setLatency({ jira: 150 });
  const started = Date.now();
  const stop = { done: false };
  const events = eventDriver(stop);
  const runs = await Promise.all(targets.map((target, w) => writer(target, people[w % people.length]!, w))).finally(() => {
    stop.done = true;
  });
  const rounds = await events;
  const seconds = (Date.now() - started) / 1000;
  site.faults.setLatency({ jira: 0 });
  await site.events.drain();
  console.info(`[concurrency-features] ${runs.length} writers x ${EDITS} edits in ${seconds.toFixed(1)} s, ${rounds} rounds of events`);

  const counted = { conflicts: 0, busy: 0 };
  for (const target of new Set(targets)) {
    const mine = runs.filter((r) => r.target === target);
    const acks = mine.flatMap((r) => r.acks).sort((a, b) => a.rev - b.rev);
    expect(acks).toHaveLength(EDITS * mine.length);
    // Each acknowledged edit was made from a revision holding the one acknowledged before it: none overwrote unseen.
    const blind = acks.filter((a, n) => n > 0 && a.baseRev < acks[n - 1]!.rev).map((a) => a.text);
    expect(blind).toEqual([]);
    expect(await target.stored()).toBe(acks.at(-1)!.text);
    for (const refusal of mine.flatMap((r) => r.refusals)) {
      expect(refusal.message).toMatch(RETRIED[refusal.code]!);
      if (refusal.code === 'CONFLICT') counted.conflicts++;
      else counted.busy++;
    }
  }
  console.info(`[concurrency-features] ${counted.conflicts} conflicts and ${counted.busy} busy answers, each followed by a successful retry`);
  // Writers sharing a target were told of each other's edits.
  expect(counted.conflicts).toBeGreaterThan(0);
  for (const issueKey of ISSUES) await expectSummaryAgrees(issueKey);
}, 900_000);
