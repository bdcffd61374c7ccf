import { compileJql, JqlError, type JqlContext } from '../../local/jira/jql';
import { buildDemoSite, DEMO_USERS } from '../../local/jira/seed';

const site = buildDemoSite();
const ctx: JqlContext = {
  site,
  currentAccountId: DEMO_USERS.lead.accountId,
  aliases: [{ alias: 'readinessScore', propertyKey: 'planning-readiness', path: 'score', type: 'number' }],
  now: new Date('2026-11-24T12:00:00Z'),
};
const keys = async (jql: string): Promise<string[]> => {
  const q = await compileJql(jql, ctx);
  return site.issues.filter(q.matches).sort(q.compare).map((i) => i.key);
};

describe('JQL emulation', () => {
  it('filters by project and issue type names, case-insensitively', async () => {
    const epics = await keys('project = pay AND issuetype = epic');
    expect(epics).toHaveLength(5);
    expect(epics.every((k) => k.startsWith('PAY-'))).toBe(true);
  });

  it('supports IN lists, NOT, OR and parentheses', async () => {
    const both = await keys('project = DATA AND (issuetype = Epic OR issuetype = Feature)');
    const viaIn = await keys('project = DATA AND issuetype IN (Epic, Feature)');
    const viaNot = await keys('project = DATA AND NOT issuetype IN (Story, Bug)');
    expect(both).toHaveLength(20);
    expect(viaIn.sort()).toEqual(both.sort());
    expect(viaNot.sort()).toEqual(both.sort());
  });

  it('finds children by parent key', async () => {
    expect(await keys('parent = PAY-1 ORDER BY key ASC')).toEqual(['PAY-2', 'PAY-7', 'PAY-12']);
  });

  it('matches IS EMPTY and IS NOT EMPTY', async () => {
    const unestimated = await keys('project = PAY AND issuetype = Story AND "Story point estimate" IS EMPTY');
    const estimated = await keys('project = PAY AND issuetype = Story AND cf[10016] IS NOT EMPTY');
    const stories = await keys('project = PAY AND issuetype = Story');
    expect(unestimated.length).toBeGreaterThan(0);
    expect(unestimated.length + estimated.length).toBe(stories.length);
  });

  it('compares numbers and sorts descending', async () => {
    const big = await keys('project = PAY AND cf[10016] >= 8 ORDER BY cf[10016] DESC, key ASC');
    const points = big.map((k) => site.issues.find((i) => i.key === k)!.storyPoints!);
    expect(points.every((p) => p >= 8)).toBe(true);
    expect([...points].sort((a, b) => b - a)).toEqual(points);
  });

  it('!= does not match empty values, as in Jira', async () => {
    const notAtlas = await keys(`project = PAY AND Team != ${site.teams.find((t) => t.name === 'Atlas')!.id}`);
    expect(notAtlas.every((k) => site.issues.find((i) => i.key === k)!.teamId !== null)).toBe(true);
  });

  it('evaluates currentUser() as the acting user', async () => {
    const mine = await keys('assignee = currentUser()');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((k) => site.issues.find((i) => i.key === k)!.assigneeAccountId === DEMO_USERS.lead.accountId)).toBe(true);
  });

  it('searches text with ~', async () => {
    expect(await keys('summary ~ "ledger posting"')).toEqual(['PAY-2']);
  });

  it('reads issue properties by path and by their manifest alias', async () => {
    const copy = structuredClone(site);
    copy.issues.find((i) => i.key === 'PAY-2')!.properties['planning-readiness'] = { score: 40 };
    copy.issues.find((i) => i.key === 'PAY-7')!.properties['planning-readiness'] = { score: 90 };
    const q = async (jql: string): Promise<string[]> => copy.issues.filter((await compileJql(jql, { ...ctx, site: copy })).matches).map((i) => i.key);
    expect(await q('issue.property[planning-readiness].score < 60')).toEqual(['PAY-2']);
    expect(await q('readinessScore >= 60')).toEqual(['PAY-7']);
  });

  it('compares dates, including relative periods', async () => {
    expect((await keys('project = PAY AND duedate <= "2026-12-31"')).length).toBeGreaterThan(0);
    expect(await keys('created > -1d')).toEqual([]);
  });

  it('flags impediments via the Flagged field', async () => {
    expect((await keys('Flagged = Impediment')).length).toBe(4);
  });

  it('rejects syntax errors with the position', async () => {
    await expect(compileJql('project = ', ctx)).rejects.toThrow(/Error in the JQL Query/);
  });

  it('rejects unknown fields, values and unsupported functions instead of guessing', async () => {
    await expect(compileJql('sprint = 5', ctx)).rejects.toThrow(JqlError);
    await expect(compileJql('project = NOPE', ctx)).rejects.toThrow("The value 'NOPE' does not exist for the field 'project'.");
    await expect(compileJql('fixVersion in releasedVersions()', ctx)).rejects.toThrow(/releasedVersions/);
    await expect(compileJql('status WAS Done', ctx)).rejects.toThrow(/not supported/);
    await expect(compileJql('summary = "x"', ctx)).rejects.toThrow(/Use '~'/);
  });

  it('reports whether the query is bounded', async () => {
    expect((await compileJql('ORDER BY key', ctx)).bounded).toBe(false);
    expect((await compileJql('project = PAY', ctx)).bounded).toBe(true);
  });
});
