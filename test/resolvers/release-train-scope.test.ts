import { globalPageResolver } from '../../src/index';
import { runInvocation } from '../../local/runtime/forge-runtime';
import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { PortfolioViewDto } from '../../src/shared/contract/project-page';
import type { TrainReleaseDto } from '../../src/shared/contract/release-train';
import { clearFaults, injectFault } from '../support/faults';
import { startTestSite, USERS } from '../support/local-site';
import { ok } from '../support/planning-site';
import { WHOLE } from '../support/portfolio-site';

/** The release train's scope through its real resolver: the releases it offers, and the team clause. */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());
afterEach(() => clearFaults(site));

const call = <T>(accountId: string, functionKey: string, payload?: unknown): Promise<Result<T>> =>
  runInvocation({ moduleKey: 'planning-readiness-train', accountId }, () =>
    globalPageResolver({ call: { functionKey, payload }, context: { accountId, extension: { type: 'jira:globalPage' } } }, { principal: { accountId } }),
  ) as Promise<Result<T>>;
const releases = (accountId: string): Promise<Result<{ releases: TrainReleaseDto[]; warnings: string[] }>> => call(accountId, 'train.releases');
const team = (name: string): { id: string; name: string } => site.store.data.teams.find((t) => t.name === name)!;

describe("the release train's releases", () => {
  it("lists the releases of every project the user can browse, merged by name, the next one due first", async () => {
    const listed = ok(await releases(USERS.lead.accountId));
    expect(listed.warnings).toEqual([]);
    expect(listed.releases.map((r) => r.name)).toEqual(['2026.4', '2027.1', '2027.2']);
    expect(listed.releases[1]).toEqual({ name: '2027.1', releaseDate: '2027-03-26', released: false, projectKeys: ['DATA', 'PAY'] });
  });

  it("still lists the other projects' releases when one project's cannot be read, and names it", async () => {
    injectFault(site, { product: 'jira', method: 'GET', path: '/rest/api/3/project/DATA/versions', effect: { type: 'status', status: 503 } });
    const listed = ok(await releases(USERS.lead.accountId));
    expect(listed.releases.map((r) => r.name)).toEqual(['2026.4', '2027.1', '2027.2']);
    expect(listed.releases.flatMap((r) => r.projectKeys)).not.toContain('DATA');
    expect(listed.warnings).toEqual(["The releases of DATA could not be read from Jira: type a release's name to use it."]);
  });

  it('names no project outsider@demo.test cannot browse', async () => {
    const listed = ok(await releases(USERS.outsider.accountId));
    expect(listed.releases.flatMap((r) => r.projectKeys)).not.toContain('DATA');
    expect(listed.releases.map((r) => r.name)).toContain('2027.1');
  });
});

describe('the team as a clause of the scope', () => {
  it("narrows the train to one team's epics and features in every project, searched by the team's id", async () => {
    const atlas = team('Atlas');
    const view = ok(await call<PortfolioViewDto>(USERS.lead.accountId, 'portfolio.view', { scope: { ...WHOLE, release: '2027.1', teams: [atlas.id] } }));
    expect(view.rows.length).toBeGreaterThan(0);
    expect(view.rows.every((r) => r.team === 'Atlas' && r.teamId === atlas.id)).toBe(true);
    expect(new Set(view.rows.map((r) => r.projectKey))).toEqual(new Set(['PAY', 'DATA']));
    const all = ok(await call<PortfolioViewDto>(USERS.lead.accountId, 'portfolio.view', { scope: { ...WHOLE, release: '2027.1' } }));
    expect(view.rows.map((r) => r.key).sort()).toEqual(all.rows.filter((r) => r.teamId === atlas.id).map((r) => r.key).sort());
  });

  it("answers Jira's own words for a team id that does not exist", async () => {
    const answer = await call(USERS.lead.accountId, 'portfolio.view', { scope: { ...WHOLE, release: '2027.1', teams: ['no-such-team'] } });
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringContaining("'no-such-team' does not exist for the field 'Team[Team]'") } });
  });

  it('still takes a scope without teams, from a page loaded before the team clause', async () => {
    const { teams: _teams, ...older } = { ...WHOLE, release: '2027.1' };
    expect(ok(await call<PortfolioViewDto>(USERS.lead.accountId, 'portfolio.view', { scope: older })).rows.length).toBeGreaterThan(0);
  });
});
