import { globalPageResolver } from '../../src/index';
import { runInvocation } from '../../local/runtime/forge-runtime';
import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { ExportFileDto, PortfolioScopeDto, PortfolioViewDto } from '../../src/shared/contract/project-page';
import { startTestSite, USERS } from '../support/local-site';
import { ok } from '../support/planning-site';
import { WHOLE } from '../support/portfolio-site';

/** The global page's resolver (the release train), through its real handler, as Forge calls it. */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

const call = <T>(accountId: string, functionKey: string, payload: unknown): Promise<Result<T>> =>
  runInvocation({ moduleKey: 'planning-readiness-train', accountId }, () =>
    globalPageResolver({ call: { functionKey, payload }, context: { extension: { type: 'jira:globalPage' } } }, { principal: { accountId } }),
  ) as Promise<Result<T>>;
const train = (accountId: string, scope: PortfolioScopeDto): Promise<Result<PortfolioViewDto>> => call(accountId, 'portfolio.view', { scope });

describe('the release train (global page)', () => {
  it("shows a release's epics and features across the projects the user can browse", async () => {
    const view = ok(await train(USERS.lead.accountId, { ...WHOLE, release: '2027.1' }));
    const projects = new Set(view.rows.map((r) => r.projectKey));
    expect(projects).toEqual(new Set(['PAY', 'DATA']));
    expect(view.rows.every((r) => r.releases.includes('2027.1'))).toBe(true);
    expect(view.tiles.total).toBe(view.rows.length);
  });

  it('shows outsider@demo.test nothing of the projects they cannot browse, in the view and the exports', async () => {
    const view = ok(await train(USERS.outsider.accountId, { ...WHOLE, release: '2027.1' }));
    expect(view.rows.length).toBeGreaterThan(0);
    expect(view.rows.filter((r) => r.projectKey !== 'PAY')).toEqual([]);
    for (const format of ['csv', 'markdown']) {
      const file = ok(await call<ExportFileDto>(USERS.outsider.accountId, 'portfolio.export', { scope: { ...WHOLE, jql: 'key in (DATA-1, DATA-2) OR project = PAY' }, format }));
      expect(file.content).not.toMatch(/DATA-\d/);
      expect(file.content).toContain('PAY-');
    }
  });

  it('asks for a scope rather than reading the whole site, and leaves committing to the project pages', async () => {
    expect(await train(USERS.lead.accountId, WHOLE)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Pick a release or enter JQL') } });
    expect(await call(USERS.lead.accountId, 'portfolio.snapshot', { scope: WHOLE })).toEqual({ ok: true, data: null });
    expect(await call(USERS.lead.accountId, 'portfolio.commit', { scope: WHOLE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
