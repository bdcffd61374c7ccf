import { compileJql, JqlError, type JqlContext } from '../../local/jira/jql';
import { JQL_LIMITS } from '../../local/jira/jql-limits';
import type { StoredIssue } from '../../local/jira/model';
import { buildDemoSite, DEMO_USERS } from '../../local/jira/seed';

/** JQL semantics that Jira documents and the emulator must follow (issue 7, hardening: JQL). */
const site = buildDemoSite();
const ctx: JqlContext = { site, currentAccountId: DEMO_USERS.lead.accountId, aliases: [], now: new Date('2026-11-24T12:00:00Z') };
const keys = async (jql: string, on = site): Promise<string[]> => {
  const q = await compileJql(jql, { ...ctx, site: on });
  return on.issues.filter(q.matches).sort(q.compare).map((i) => i.key);
};
const sorted = (list: string[]): string[] => [...list].sort();
const issue = (key: string): StoredIssue => site.issues.find((i) => i.key === key)!;
const lead = DEMO_USERS.lead.accountId;

describe('NOT on fields that can be empty', () => {
  it('NOT assignee = x is assignee != x: it never returns unassigned issues', async () => {
    const notLead = await keys(`project = PAY AND NOT assignee = ${lead}`);
    expect(notLead.length).toBeGreaterThan(0);
    expect(notLead.every((k) => issue(k).assigneeAccountId !== null && issue(k).assigneeAccountId !== lead)).toBe(true);
    expect(sorted(notLead)).toEqual(sorted(await keys(`project = PAY AND assignee != ${lead}`)));
    expect((await keys('project = PAY AND assignee IS EMPTY')).length).toBeGreaterThan(0);
  });

  it('NOT assignee IN (...) is assignee NOT IN (...)', async () => {
    const list = `(${lead}, ${DEMO_USERS.architect.accountId})`;
    const notIn = await keys(`project = PAY AND NOT assignee IN ${list}`);
    expect(notIn.every((k) => issue(k).assigneeAccountId !== null)).toBe(true);
    expect(sorted(notIn)).toEqual(sorted(await keys(`project = PAY AND assignee NOT IN ${list}`)));
  });

  it('pushes NOT through AND and OR by De Morgan, as Jira does', async () => {
    const negated = await keys(`project = PAY AND NOT (assignee = ${lead} OR cf[10016] < 5)`);
    expect(sorted(negated)).toEqual(sorted(await keys(`project = PAY AND assignee != ${lead} AND cf[10016] >= 5`)));
    expect(negated.every((k) => issue(k).storyPoints !== null && issue(k).assigneeAccountId !== null)).toBe(true);
  });

  it('NOT NOT is the clause itself, and NOT IS EMPTY is IS NOT EMPTY', async () => {
    expect(await keys(`NOT NOT assignee = ${lead}`)).toEqual(await keys(`assignee = ${lead}`));
    expect(await keys('project = PAY AND NOT assignee IS EMPTY')).toEqual(await keys('project = PAY AND assignee IS NOT EMPTY'));
  });
});

describe('EMPTY as an operand', () => {
  it('= EMPTY is IS EMPTY and != EMPTY is IS NOT EMPTY', async () => {
    expect(await keys('project = PAY AND assignee = EMPTY')).toEqual(await keys('project = PAY AND assignee IS EMPTY'));
    expect(await keys('project = PAY AND assignee != NULL')).toEqual(await keys('project = PAY AND assignee IS NOT EMPTY'));
  });

  it('IN (EMPTY, x) matches the empty ones and x; NOT IN (EMPTY, x) neither', async () => {
    const emptyOrLead = await keys(`project = PAY AND assignee IN (EMPTY, ${lead})`);
    expect(sorted(emptyOrLead)).toEqual(sorted([...(await keys('project = PAY AND assignee IS EMPTY')), ...(await keys(`project = PAY AND assignee = ${lead}`))]));
    const neither = await keys(`project = PAY AND assignee NOT IN (EMPTY, ${lead})`);
    expect(sorted(neither)).toEqual(sorted(await keys(`project = PAY AND assignee != ${lead}`)));
  });
});

describe('issue keys', () => {
  it('ORDER BY key orders by project, then number (not by id or as text)', async () => {
    const ordered = await keys('project IN (PAY, DATA) ORDER BY key ASC');
    const rank = (k: string): [string, number] => [k.split('-')[0]!, Number(k.split('-')[1])];
    const expected = [...ordered].sort((a, b) => rank(a)[0].localeCompare(rank(b)[0]) || rank(a)[1] - rank(b)[1]);
    expect(ordered).toEqual(expected);
    expect(ordered[0]).toBe('DATA-1');
    expect(ordered.indexOf('PAY-2')).toBeLessThan(ordered.indexOf('PAY-10'));
    expect(await keys('project IN (PAY, DATA) ORDER BY key DESC')).toEqual([...ordered].reverse());
  });

  it('issuekey > KEY-5 compares numbers within the key\'s project', async () => {
    const after = await keys('issuekey > PAY-5 ORDER BY key ASC');
    expect(after[0]).toBe('PAY-6');
    expect(after.every((k) => k.startsWith('PAY-') && Number(k.split('-')[1]) > 5)).toBe(true);
    expect(after).toHaveLength(site.issues.filter((i) => i.key.startsWith('PAY-')).length - 5);
    expect(await keys('key <= PAY-3 ORDER BY key ASC')).toEqual(['PAY-1', 'PAY-2', 'PAY-3']);
    expect(await keys('NOT key > PAY-3 AND project = PAY ORDER BY key ASC')).toEqual(['PAY-1', 'PAY-2', 'PAY-3']);
  });
});

describe('ORDER BY assignee', () => {
  it('sorts by the assignee\'s display name, unassigned issues last', async () => {
    const ordered = await keys('project = PAY ORDER BY assignee ASC');
    const names = ordered.map((k) => site.users.find((u) => u.accountId === issue(k).assigneeAccountId)?.displayName ?? null);
    const firstEmpty = names.indexOf(null);
    expect(firstEmpty).toBeGreaterThan(0);
    expect(names.slice(firstEmpty).every((n) => n === null)).toBe(true);
    const assigned = names.slice(0, firstEmpty) as string[];
    expect(assigned).toEqual([...assigned].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });
});

describe('~ is word-based text search', () => {
  it('matches whole words, case-insensitively, not substrings', async () => {
    expect(await keys('summary ~ "LEDGER"')).toEqual(expect.arrayContaining(['PAY-1', 'PAY-2']));
    expect(await keys('summary ~ "post"')).toEqual([]);
    expect(await keys('summary ~ "edger"')).toEqual([]);
  });

  it('requires every term, in any order; a trailing * matches a word prefix', async () => {
    expect(await keys('summary ~ "posting ledger"')).toEqual(['PAY-2']);
    expect(sorted(await keys('summary ~ "post*"'))).toEqual(['PAY-2', 'PAY-3', 'PAY-4', 'PAY-6']);
    expect(await keys('summary ~ "posting service"')).toEqual(['PAY-2']);
  });

  it('matches an exact phrase in escaped quotes', async () => {
    expect(await keys('summary ~ "\\"ledger posting\\""')).toEqual(['PAY-2']);
    expect(await keys('summary ~ "\\"posting ledger\\""')).toEqual([]);
  });

  it('!~ is the opposite, and text searches read the words of descriptions, not their JSON', async () => {
    expect(await keys('project = PAY AND summary !~ "posting"')).not.toContain('PAY-2');
    expect(await keys('text ~ "paragraph"')).toEqual([]);
  });

  it('refuses a text query with no word in it', async () => {
    await expect(keys('summary ~ "*"')).rejects.toThrow(JqlError);
  });
});

describe('bounds on size and complexity', () => {
  it('refuses a query longer than the limit before parsing it', async () => {
    const huge = `project = PAY AND summary ~ "${'a'.repeat(1_000_000)}"`;
    const started = Date.now();
    await expect(keys(huge)).rejects.toThrow(`The JQL query is too long: ${huge.length} characters. The maximum is ${JQL_LIMITS.maxLength}.`);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('refuses parentheses nested too deep', async () => {
    const deep = `${'('.repeat(JQL_LIMITS.maxDepth + 1)}project = PAY${')'.repeat(JQL_LIMITS.maxDepth + 1)}`;
    await expect(keys(deep)).rejects.toThrow(/too complex: parentheses are nested more than/);
    expect(await keys(`${'('.repeat(5)}key = PAY-1${')'.repeat(5)}`)).toEqual(['PAY-1']);
  });

  it('refuses too many clauses and too many values', async () => {
    const clauses = Array.from({ length: JQL_LIMITS.maxClauses + 1 }, (_, i) => `labels = l${i}`).join(' OR ');
    await expect(keys(clauses)).rejects.toThrow(/too complex: it has more than \d+ clauses/);
    const values = `labels IN (${Array.from({ length: JQL_LIMITS.maxValues + 1 }, (_, i) => `l${i}`).join(', ')})`;
    await expect(keys(values)).rejects.toThrow(/too complex: it has more than \d+ values/);
    expect(await keys(`key IN (${Array.from({ length: 60 }, (_, i) => `PAY-${i + 1}`).join(', ')})`)).toHaveLength(60);
  });
});
