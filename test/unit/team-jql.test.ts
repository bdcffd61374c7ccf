import { compileJql, type JqlContext } from '../../local/jira/jql';
import { buildDemoSite } from '../../local/jira/seed';
import { fieldList } from '../../local/jira/present';

/** The emulator's Jira Cloud Team field in JQL: searched by team id under each of its clause names. */
const site = buildDemoSite();
const ctx: JqlContext = { site, currentAccountId: null, aliases: [], now: new Date('2026-11-24T12:00:00Z') };
const keys = async (jql: string): Promise<string[]> => {
  const q = await compileJql(jql, ctx);
  return site.issues.filter(q.matches).sort(q.compare).map((i) => i.key);
};
const [atlas, borealis] = site.teams;

describe('the Team field in JQL', () => {
  it("finds a team's issues in every project by the team's id, under cf[10001], Team and Team[Team]", async () => {
    const expected = site.issues.filter((i) => i.teamId === atlas!.id).map((i) => i.key).sort();
    const found = await keys(`"Team[Team]" = ${atlas!.id}`);
    expect(found.sort()).toEqual(expected);
    expect(new Set(found.map((k) => k.split('-')[0]))).toEqual(new Set(['PAY', 'DATA']));
    expect((await keys(`cf[10001] = "${atlas!.id}"`)).sort()).toEqual(expected);
    expect((await keys(`Team = ${atlas!.id}`)).sort()).toEqual(expected);
  });

  it('takes a list of teams, and IS EMPTY finds the issues with none (the epics)', async () => {
    const both = await keys(`"Team[Team]" in (${atlas!.id}, ${borealis!.id}) AND issuetype = Feature`);
    expect(both.length).toBeGreaterThan(0);
    expect(site.issues.filter((i) => both.includes(i.key)).every((i) => i.teamId === atlas!.id || i.teamId === borealis!.id)).toBe(true);
    const none = await keys('project = PAY AND "Team[Team]" IS EMPTY');
    expect(site.issues.filter((i) => none.includes(i.key)).every((i) => i.teamId === null && i.issueTypeId === '10000')).toBe(true);
    expect(none).toHaveLength(5);
  });

  it("refuses a team's name, as Jira does: teams are searched by id", async () => {
    await expect(keys('"Team[Team]" = Atlas')).rejects.toThrow("The value 'Atlas' does not exist for the field 'Team[Team]'");
  });

  it('lists the typed clause name in the field metadata, as Jira does', () => {
    const team = fieldList().find((f) => (f as { id: string }).id === 'customfield_10001') as { clauseNames: string[]; schema: { custom: string } };
    expect(team.clauseNames).toEqual(['cf[10001]', 'Team', 'Team[Team]']);
    expect(team.schema.custom).toBe('com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team');
  });
});
