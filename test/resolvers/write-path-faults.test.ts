import type { LocalSite } from '../../local/host/site';
import { clearFaults, injectFault } from '../support/faults';
import { startTestSite, USERS } from '../support/local-site';
import { editSection, ok, panelUpdate, panelView, readProperty, type PlanningRecordDto } from '../support/planning-site';

/**
 * Issue 6: under slow or failing Jira and KVS, no acknowledged edit is lost and every answer matches what
 * was stored. Faults are injected into the app's own calls by the offline runtime.
 */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterEach(() => clearFaults(site));
afterAll(() => site.close());

const RECORD = '/rest/api/3/issue/*/properties/planning-readiness';
const SUMMARY = '/rest/api/3/issue/*/properties/planning-readiness-summary';
const lead = USERS.lead.accountId;
const architect = USERS.architect.accountId;
const stored = async (key: string): Promise<PlanningRecordDto> => (await readProperty(site, key, 'planning-readiness')) as PlanningRecordDto;
const revOf = async (key: string): Promise<number> => ok(await panelView(site, key, lead)).record.rev;

describe('slow Jira', () => {
  it('lets no second writer in while a record read takes 11 s: both edits land, each at its own revision', async () => {
    const base = await revOf('PAY-12');
    injectFault(site, { product: 'jira', method: 'GET', path: RECORD, times: 1, delayMs: 11_000, effect: { type: 'delay' } });
    const first = panelUpdate(site, 'PAY-12', lead, editSection(base, 'approach', 'written while Jira was slow'));
    await new Promise((r) => setTimeout(r, 500));
    const second = panelUpdate(site, 'PAY-12', architect, editSection(base, 'nfrs', 'written meanwhile'));
    const [a, b] = [ok(await first), ok(await second)];
    expect([a.view.record.rev, b.view.record.rev].sort()).toEqual([base + 1, base + 2]);
    expect((await stored('PAY-12')).spec.sections).toMatchObject({ approach: 'written while Jira was slow', nfrs: 'written meanwhile' });
  }, 40_000);

  it('tells the truth about a record write that takes 26 s: unconfirmed, then it lands, and a later writer builds on it', async () => {
    const base = await revOf('PAY-17');
    injectFault(site, { product: 'jira', method: 'PUT', path: RECORD, times: 1, delayMs: 26_000, effect: { type: 'delay' } });
    const started = Date.now();
    const slow = await panelUpdate(site, 'PAY-17', lead, editSection(base, 'approach', 'slow to land'));
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(slow).toEqual({ ok: false, error: { code: 'UNCONFIRMED', message: expect.stringContaining('may still land') } });
    // Meanwhile another edit waits for the write in flight instead of overwriting it.
    const later = ok(await panelUpdate(site, 'PAY-17', architect, editSection(base, 'nfrs', 'after the slow one')));
    expect(later.view.record.rev).toBe(base + 2);
    expect((await stored('PAY-17')).spec.sections).toMatchObject({ approach: 'slow to land', nfrs: 'after the slow one' });
  }, 60_000);
});

describe('failing Jira', () => {
  it('waits out a 429 with Retry-After, and retries a 500 on a read', async () => {
    const base = await revOf('DATA-7');
    injectFault(site, { product: 'jira', method: 'PUT', path: RECORD, times: 2, effect: { type: 'status', status: 429, retryAfterSeconds: 1 } });
    injectFault(site, { product: 'jira', method: 'GET', path: RECORD, times: 1, effect: { type: 'status', status: 500 } });
    const started = Date.now();
    const saved = ok(await panelUpdate(site, 'DATA-7', lead, editSection(base, 'approach', 'after two 429s')));
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(saved.view.record.rev).toBe(base + 1);
    expect((await stored('DATA-7')).spec.sections.approach).toBe('after two 429s');
  });

  it('says nothing was saved when Jira keeps failing the write, and saved nothing (the proof is put back)', async () => {
    const before = await stored('PAY-1');
    injectFault(site, { product: 'jira', method: 'PUT', path: RECORD, effect: { type: 'status', status: 500 } });
    const failed = await panelUpdate(site, 'PAY-1', lead, editSection(before.rev, 'openQuestions', 'never stored'));
    expect(failed).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'Jira is busy or unavailable, so nothing was saved. Try again in a moment.' } });
    clearFaults(site);
    expect(await stored('PAY-1')).toEqual(before);
    const view = ok(await panelView(site, 'PAY-1', lead));
    expect(view.record.spec.status).toBe('APPROVED');
    expect(view.integrity.changedOutsideApp).toBe(false);
  });

  it('retries a write whose answer was lost after it landed, and stores it once', async () => {
    const base = await revOf('DATA-2');
    injectFault(site, { product: 'jira', method: 'PUT', path: RECORD, times: 1, effect: { type: 'drop-after-commit' } });
    const saved = ok(await panelUpdate(site, 'DATA-2', lead, editSection(base, 'openQuestions', 'answer lost once')));
    expect(saved.view.record.rev).toBe(base + 1);
    expect(await stored('DATA-2')).toMatchObject({ rev: base + 1, spec: { sections: { openQuestions: 'answer lost once' } } });
  });

  it('reports a saved change whose JQL summary could not follow as saved, with a warning', async () => {
    const base = await revOf('PAY-23');
    injectFault(site, { product: 'jira', method: 'PUT', path: SUMMARY, effect: { type: 'status', status: 503 } });
    const saved = ok(await panelUpdate(site, 'PAY-23', lead, editSection(base, 'context', 'saved, index behind')));
    expect(saved.changed).toBe(true);
    expect(saved.warnings).toEqual([expect.stringMatching(/^Saved, but Jira search \(JQL/)]);
    expect((await stored('PAY-23')).spec.sections.context).toBe('saved, index behind');
  });
});

describe('failing storage (KVS)', () => {
  it('reads "storage is unavailable; nothing was saved", never "someone else is saving"', async () => {
    const before = await stored('PAY-7');
    injectFault(site, { product: 'kvs', path: '/api/v1/**', effect: { type: 'status', status: 503 } });
    const failed = await panelUpdate(site, 'PAY-7', lead, editSection(before.rev, 'context', 'not while storage is down'));
    expect(failed).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: "The app's storage is unavailable, so nothing was saved. Try again in a moment." } });
    clearFaults(site);
    expect(await stored('PAY-7')).toEqual(before);
    expect(ok(await panelUpdate(site, 'PAY-7', lead, editSection(before.rev, 'context', 'once storage is back'))).view.record.rev).toBe(before.rev + 1);
  });

  it('releases the lease when a step fails, so the next save goes through at once', async () => {
    const base = await revOf('DATA-1');
    injectFault(site, { product: 'jira', method: 'PUT', path: RECORD, times: 4, effect: { type: 'status', status: 500 } });
    expect(await panelUpdate(site, 'DATA-1', lead, editSection(base, 'enablers', 'fails'))).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const started = Date.now();
    ok(await panelUpdate(site, 'DATA-1', lead, editSection(base, 'enablers', 'goes through')));
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
