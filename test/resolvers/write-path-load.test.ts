import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { PlanningUpdateDto } from '../../src/shared/contract/planning';
import { injectFault } from '../support/faults';
import { startTestSite } from '../support/local-site';
import { editSection, ok, panelUpdate, panelView, readProperty, type PlanningRecordDto } from '../support/planning-site';

/**
 * Issue 6: 50 writers x 20 edits with Jira Cloud-like latency (JIRA_LATENCY_MS=150) and random 429s. No
 * acknowledged edit is lost, no edit reported as not saved lands, and every writer is told the truth.
 * Five writers share each of ten epics and features, each writing its own spec section.
 */
const ISSUES = ['PAY-1', 'PAY-2', 'PAY-7', 'PAY-12', 'PAY-17', 'PAY-23', 'DATA-1', 'DATA-2', 'DATA-7', 'DATA-12'];
const SECTIONS = ['context', 'approach', 'components', 'nfrs', 'acceptance'];
const WRITERS_PER_ISSUE = 5;
const EDITS = 20;

let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
  site.faults.setLatency({ jira: 150 });
  injectFault(site, { product: 'jira', path: '/rest/api/3/**', probability: 0.05, effect: { type: 'status', status: 429, retryAfterSeconds: 1 } });
});
afterAll(() => site.close());

interface Attempt {
  text: string;
  answer: Result<PlanningUpdateDto>;
}

async function writer(issueKey: string, section: string, accountId: string, w: number): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  for (let i = 0; i < EDITS; i++) {
    const view = await panelView(site, issueKey, accountId);
    const text = `${issueKey} ${section} edit ${i} by writer ${w}`;
    const answer = view.ok ? await panelUpdate(site, issueKey, accountId, editSection(view.data.record.rev, section, text)) : view;
    attempts.push({ text, answer: answer });
  }
  return attempts;
}

it('loses no acknowledged edit and tells every writer the truth', async () => {
  const people = site.store.data.users.filter((u) => u.emailAddress !== 'viewer@demo.test' && u.emailAddress !== 'outsider@demo.test').map((u) => u.accountId);
  const before = new Map<string, number>();
  for (const key of ISSUES) before.set(key, ok(await panelView(site, key, people[0]!)).record.rev);

  const runs = ISSUES.flatMap((key, k) =>
    Array.from({ length: WRITERS_PER_ISSUE }, (_, w) => writer(key, SECTIONS[w]!, people[(k + w) % people.length]!, w).then((attempts) => ({ key, section: SECTIONS[w]!, attempts }))),
  );
  const results = await Promise.all(runs);
  site.faults.clear();
  site.faults.setLatency({ jira: 0 });

  let acknowledged = 0;
  for (const key of ISSUES) {
    const record = (await readProperty(site, key, 'planning-readiness')) as PlanningRecordDto;
    const mine = results.filter((r) => r.key === key);
    const acks = mine.flatMap((r) => r.attempts.filter((a) => a.answer.ok && a.answer.data.changed));
    const unconfirmed = mine.flatMap((r) => r.attempts.filter((a) => !a.answer.ok && a.answer.error.code === 'UNCONFIRMED'));
    acknowledged += acks.length;
    // Every acknowledged edit has its own revision, and only they (and unconfirmed ones) moved the record.
    const revs = acks.map((a) => (a.answer as { data: PlanningUpdateDto }).data.view.record.rev);
    expect(new Set(revs).size).toBe(revs.length);
    expect(record.rev - before.get(key)!).toBeGreaterThanOrEqual(acks.length);
    expect(record.rev - before.get(key)!).toBeLessThanOrEqual(acks.length + unconfirmed.length);
    for (const run of mine) {
      // The section holds the writer's last acknowledged text (or a later unconfirmed one that landed).
      const lastAck = [...run.attempts].reverse().find((a) => a.answer.ok);
      const landedText = record.spec.sections[run.section as keyof PlanningRecordDto['spec']['sections']];
      const refusedTexts = run.attempts.filter((a) => !a.answer.ok && a.answer.error.code !== 'UNCONFIRMED').map((a) => a.text);
      expect(refusedTexts).not.toContain(landedText);
      if (lastAck) {
        const after = run.attempts.slice(run.attempts.indexOf(lastAck) + 1).filter((a) => !a.answer.ok && a.answer.error.code === 'UNCONFIRMED').map((a) => a.text);
        expect([lastAck.text, ...after]).toContain(landedText);
      }
      // Refusals say what happened, in words a person can act on.
      for (const a of run.attempts) {
        if (!a.answer.ok) expect(a.answer.error.message).toMatch(/nothing was (saved|changed)|may still land/i);
      }
    }
  }
  expect(acknowledged).toBeGreaterThan(ISSUES.length * WRITERS_PER_ISSUE * EDITS * 0.5);
}, 600_000);
