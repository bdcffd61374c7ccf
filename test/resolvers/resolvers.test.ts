import { issueContextResolver as resolver } from '../../src/index';
import { runInvocation } from '../../local/runtime/forge-runtime';
import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { PlanningViewDto } from '../../src/shared/contract/planning';
import { startTestSite, USERS } from '../support/local-site';

let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

const overview = (issueKey: string, accountId: string): Promise<Result<PlanningViewDto>> =>
  site.invoke({ moduleKey: 'readiness-context', context: { issueKey }, functionKey: 'planning.getView' }, accountId) as Promise<Result<PlanningViewDto>>;


describe('planning.getView: the issue', () => {
  it('answers through the real getDefinitions() handler with the issue read as the user', async () => {
    const result = (await runInvocation({ moduleKey: 'readiness-context', accountId: USERS.lead.accountId }, () =>
      resolver(
        { call: { functionKey: 'planning.getView', payload: {} }, context: { extension: { type: 'jira:issueContext', issue: { key: 'PAY-2' } } } },
        { principal: { accountId: USERS.lead.accountId } },
      ),
    )) as Result<PlanningViewDto>;
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        canEdit: true,
        item: expect.objectContaining({
          key: 'PAY-2',
          summary: 'Ledger posting service',
          issueType: expect.objectContaining({ name: 'Feature', hierarchyLevel: 1 }),
          status: { name: 'In Progress', category: 'indeterminate' },
          assignee: expect.objectContaining({ displayName: 'Priya Natarajan' }),
          parentKey: 'PAY-1',
          team: 'Atlas',
          fixVersions: [{ name: '2027.1', releaseDate: '2027-03-26' }],
        }),
      }),
    });
  });

  it('reflects a change made in Jira on the next call', async () => {
    const before = await overview('DATA-2', USERS.lead.accountId);
    const res = await site.jira.handle('PUT', '/rest/api/3/issue/DATA-2', JSON.stringify({ fields: { summary: 'Managed Kafka clusters v2', customfield_10021: [{ value: 'Impediment' }] } }), { kind: 'user', accountId: USERS.lead.accountId });
    expect(res.status).toBe(204);
    const after = await overview('DATA-2', USERS.lead.accountId);
    expect(before.ok && before.data.item.flagged).toBe(false);
    expect(after.ok && after.data.item).toMatchObject({ summary: 'Managed Kafka clusters v2', flagged: true });
  });

  it('lets a viewer read', async () => {
    const result = await overview('PAY-1', USERS.viewer.accountId);
    expect(result.ok).toBe(true);
  });

  it('tells an outsider the issue is not available, without leaking it', async () => {
    const result = await overview('DATA-1', USERS.outsider.accountId);
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Issue DATA-1 does not exist or you do not have permission to see it.' } });
  });

  it('refuses a story: planning records belong to epics and features, whatever the display conditions say', async () => {
    const story = site.store.data.issues.find((i) => i.key.startsWith('PAY-') && site.store.data.issueTypes.find((t) => t.id === i.issueTypeId)?.hierarchyLevel === 0)!;
    expect(await overview(story.key, USERS.lead.accountId)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Planning records belong to epics and features') } });
    const write = await site.invoke({ moduleKey: 'planning-panel', context: { issueKey: story.key }, functionKey: 'planning.update', payload: { baseRev: 0, operation: { type: 'spec.editSection', section: 'context', text: 'x' } } }, USERS.lead.accountId);
    expect(write).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(story.properties['planning-readiness']).toBeUndefined();
  });

  it('rejects a context without a valid issue key', async () => {
    const result = (await runInvocation({ moduleKey: 'readiness-context', accountId: USERS.lead.accountId }, () =>
      resolver({ call: { functionKey: 'planning.getView', payload: {} }, context: { extension: { type: 'jira:issueContext', issue: { key: '../../rest/api/3/myself' } } } }, { principal: { accountId: USERS.lead.accountId } }),
    )) as Result<unknown>;
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('no valid issue key') } });
  });
});

describe('the HTTP bridge', () => {
  it('invokes resolvers for a Basic-auth user and refuses anonymous callers', async () => {
    const body = JSON.stringify({ moduleKey: 'planning-panel', context: { issueKey: 'PAY-1' }, functionKey: 'planning.getView' });
    const ok = await fetch(`${site.url}/__bridge/invoke`, { method: 'POST', body, headers: { authorization: `Basic ${Buffer.from('architect@demo.test:x').toString('base64')}` } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { result: Result<PlanningViewDto> }).result).toMatchObject({ ok: true, data: { item: { key: 'PAY-1' } } });
    const anon = await fetch(`${site.url}/__bridge/invoke`, { method: 'POST', body });
    expect(anon.status).toBe(401);
  });
});
