import type { LocalSite } from '../../local/host/site';
import { startTestSite, USERS } from '../support/local-site';
import { editSection, jqlKeys, ok, panelUpdate, panelView, readProperty, writeProperty, type PlanningRecordDto } from '../support/planning-site';

/**
 * Issue 6: an approval cannot be forged by someone who may edit the issue. The lead may edit every issue
 * but is not the named architect; a PUT of the planning record over REST is what such a user can do.
 */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

const lozengeKey = (): string => `com.atlassian.jira.issue:${site.manifest.appId.split('/').pop()!}:readiness-context:status`;

async function forgeApproval(issueKey: string): Promise<void> {
  const stored = (await readProperty(site, issueKey, 'planning-readiness')) as PlanningRecordDto & { schemaVersion: number };
  const at = '2026-11-24T09:30:00.000Z';
  const architect = { accountId: USERS.architect.accountId, displayName: USERS.architect.name };
  const forged = { ...stored, spec: { ...stored.spec, status: 'APPROVED', approval: { by: architect, at } }, history: [{ rev: stored.rev, at, by: architect, what: 'Approved the spec' }, ...stored.history] };
  expect(await writeProperty(site, USERS.lead.email, issueKey, 'planning-readiness', forged)).toBe(200);
  // The indexed summary and the lozenge can be written over REST too.
  expect(await writeProperty(site, USERS.lead.email, issueKey, 'planning-readiness-summary', { schemaVersion: 1, rev: stored.rev, specStatus: 'APPROVED', changedOutsideApp: 0 })).toBe(200);
  expect(await writeProperty(site, USERS.lead.email, issueKey, lozengeKey(), { type: 'lozenge', value: { label: 'Spec approved', type: 'success' } })).toBe(200);
  await site.events.drain();
}

describe('a forged approval', () => {
  it('is believed nowhere: not by the Planning panel, the side panel, the lozenge or JQL', async () => {
    expect(await jqlKeys(site, 'planningSpecStatus = APPROVED')).toEqual(['PAY-1', 'PAY-2', 'PAY-66']);
    await forgeApproval('PAY-7');

    for (const moduleKey of ['planning-panel', 'readiness-context']) {
      const view = ok(await panelView(site, 'PAY-7', USERS.viewer.accountId, moduleKey));
      expect(view.record.spec).toMatchObject({ status: 'IN_REVIEW', approval: null });
      expect(view.integrity).toEqual({ changedOutsideApp: true, message: expect.stringContaining('its approval cannot be verified') });
    }
    // The app's trigger on avi:jira:set:issue-property put the index and the lozenge back.
    expect(await jqlKeys(site, 'planningSpecStatus = APPROVED')).toEqual(['PAY-1', 'PAY-2', 'PAY-66']);
    expect(await jqlKeys(site, 'planningChangedOutsideApp = 1')).toEqual(['PAY-7']);
    expect(await readProperty(site, 'PAY-7', lozengeKey())).toEqual({ type: 'lozenge', value: { label: 'Spec in review', type: 'inprogress' } });
    expect(await readProperty(site, 'PAY-7', 'planning-readiness-summary')).toMatchObject({ specStatus: 'IN_REVIEW', changedOutsideApp: 1 });
  });

  it('is repaired by the next change made through the app, which keeps the text', async () => {
    await forgeApproval('DATA-1');
    const before = ok(await panelView(site, 'DATA-1', USERS.lead.accountId));
    const saved = ok(await panelUpdate(site, 'DATA-1', USERS.lead.accountId, editSection(before.record.rev, 'openQuestions', 'Who runs the cut-over?')));
    expect(saved.view.integrity).toEqual({ changedOutsideApp: false, message: null });
    expect(saved.view.record.spec).toMatchObject({ status: 'IN_REVIEW', approval: null, sections: { context: before.record.spec.sections.context, openQuestions: 'Who runs the cut-over?' } });
    expect(saved.view.record.history[0]!.what).toContain('its unverified approval was not kept');
    expect(await jqlKeys(site, 'planningChangedOutsideApp = 1 AND project = DATA')).toEqual([]);
    // Now the architect can approve for real, and that approval counts everywhere.
    const approved = ok(await panelUpdate(site, 'DATA-1', USERS.architect.accountId, { baseRev: saved.view.record.rev, operation: { type: 'spec.approve' } }));
    expect(approved.view.record.spec.status).toBe('APPROVED');
    expect(await jqlKeys(site, 'planningSpecStatus = APPROVED')).toContain('DATA-1');
  });

  it('cannot be carried over to spec text changed outside the app', async () => {
    const stored = (await readProperty(site, 'PAY-2', 'planning-readiness')) as PlanningRecordDto;
    expect(stored.spec.status).toBe('APPROVED');
    const changed = { ...stored, spec: { ...stored.spec, sections: { ...stored.spec.sections, approach: 'A different design nobody reviewed.' } } };
    expect(await writeProperty(site, USERS.lead.email, 'PAY-2', 'planning-readiness', changed)).toBe(200);
    await site.events.drain();
    expect(ok(await panelView(site, 'PAY-2', USERS.lead.accountId)).record.spec.status).toBe('IN_REVIEW');
    expect(await jqlKeys(site, 'planningSpecStatus = APPROVED AND project = PAY')).toEqual(['PAY-1', 'PAY-66']);
  });

  it('leaves the index alone when the record is the one the app wrote (redelivered events change nothing)', async () => {
    const summary = await readProperty(site, 'PAY-1', 'planning-readiness-summary');
    const stored = await readProperty(site, 'PAY-1', 'planning-readiness');
    expect(await writeProperty(site, USERS.lead.email, 'PAY-1', 'planning-readiness', stored)).toBe(200);
    site.events.setChaos(true);
    try {
      expect(await writeProperty(site, USERS.lead.email, 'PAY-1', 'planning-readiness', stored)).toBe(200);
      await site.events.drain();
    } finally {
      site.events.setChaos(false);
    }
    expect(await readProperty(site, 'PAY-1', 'planning-readiness-summary')).toEqual(summary);
    expect(ok(await panelView(site, 'PAY-1', USERS.lead.accountId)).integrity.changedOutsideApp).toBe(false);
  });
});

describe('the repair trigger while storage is down', () => {
  let slow: LocalSite;
  beforeAll(async () => {
    // Forge's retry delays (seconds) pass as milliseconds here.
    slow = await startTestSite({ events: { secondsToMs: 1 } });
  });
  afterAll(() => slow.close());

  it('asks Forge to deliver the event again, and repairs the forged summary once storage is back', async () => {
    const forged = { schemaVersion: 1, rev: 11, specStatus: 'APPROVED', changedOutsideApp: 0 };
    // PAY-7 is in review; the ledger read fails for the first two deliveries.
    slow.faults.add({ product: 'kvs', path: '/api/v1/get', times: 2, effect: { type: 'status', status: 503 } });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await writeProperty(slow, USERS.lead.email, 'PAY-7', 'planning-readiness-summary', forged)).toBe(200);
      await slow.events.drain();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('Retrying in 60 s'));
    } finally {
      warn.mockRestore();
    }
    expect(await readProperty(slow, 'PAY-7', 'planning-readiness-summary')).toMatchObject({ specStatus: 'IN_REVIEW', changedOutsideApp: 0 });
    expect(await jqlKeys(slow, 'planningSpecStatus = APPROVED')).toEqual(['PAY-1', 'PAY-2', 'PAY-66']);
  });
});
