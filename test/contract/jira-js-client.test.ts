import type * as JiraJs from 'jira.js' with { 'resolution-mode': 'require' };

// jira.js ships CommonJS for require() but only ESM type declarations, so load it by require, typed by import type.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Version3Client } = require('jira.js') as typeof JiraJs;
type Version3Client = JiraJs.Version3Client;
import type { LocalSite } from '../../local/host/site';
import { startTestSite, USERS } from '../support/local-site';

/** A real Jira Cloud REST client from npm (jira.js) against the emulator: a second check of fidelity. */
let site: LocalSite;
let client: Version3Client;
beforeAll(async () => {
  site = await startTestSite();
  client = new Version3Client({ host: site.url, authentication: { basic: { email: USERS.lead.email, apiToken: 'any-token' } } });
});
afterAll(() => site.close());

describe('jira.js Version3Client against the emulator', () => {
  it('reads the current user', async () => {
    const me = await client.myself.getCurrentUser();
    expect(me).toMatchObject({ accountId: USERS.lead.accountId, emailAddress: USERS.lead.email, displayName: 'Lena Lead' });
  });

  it('reads an issue with selected fields', async () => {
    const issue = await client.issues.getIssue({ issueIdOrKey: 'PAY-1', fields: ['summary', 'issuetype', 'status'] });
    expect(issue.key).toBe('PAY-1');
    expect(issue.fields.issuetype?.name).toBe('Epic');
    expect(issue.fields.status?.statusCategory?.key).toBe('indeterminate');
  });

  it('pages through an enhanced JQL search with nextPageToken', async () => {
    const keys: string[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'project = DATA AND issuetype = Feature ORDER BY key', fields: ['summary'], maxResults: 6, nextPageToken });
      keys.push(...(page.issues ?? []).map((i) => i.key));
      nextPageToken = page.nextPageToken ?? undefined;
    } while (nextPageToken);
    expect(keys).toHaveLength(15);
  });

  it('writes and reads an issue property, and rejects one over 32,768 bytes', async () => {
    await client.issueProperties.setIssueProperty({ issueIdOrKey: 'DATA-1', propertyKey: 'planning-readiness', propertyValue: { schemaVersion: 1, note: 'ok' } });
    const prop = await client.issueProperties.getIssueProperty({ issueIdOrKey: 'DATA-1', propertyKey: 'planning-readiness' });
    expect(prop.value).toEqual({ schemaVersion: 1, note: 'ok' });
    await expect(
      client.issueProperties.setIssueProperty({ issueIdOrKey: 'DATA-1', propertyKey: 'planning-readiness', propertyValue: { text: 'x'.repeat(33_000) } }),
    ).rejects.toMatchObject({ status: 400 });
    const unchanged = await client.issueProperties.getIssueProperty({ issueIdOrKey: 'DATA-1', propertyKey: 'planning-readiness' });
    expect(unchanged.value).toEqual({ schemaVersion: 1, note: 'ok' });
  });

  it('links issues and bulk-fetches them', async () => {
    await client.issueLinks.linkIssues({ type: { name: 'Blocks' }, inwardIssue: { key: 'DATA-7' }, outwardIssue: { key: 'PAY-18' } });
    const bulk = await client.issues.bulkFetchIssues({ issueIdsOrKeys: ['DATA-7', 'PAY-18'], fields: ['issuelinks'] });
    const data7 = bulk.issues?.find((i) => i.key === 'DATA-7');
    expect(data7?.fields.issuelinks?.some((l) => l.type?.outward === 'blocks' && l.outwardIssue?.key === 'PAY-18')).toBe(true);
  });

  it('sees Jira permissions: a viewer cannot edit, an outsider cannot see', async () => {
    const viewer = new Version3Client({ host: site.url, authentication: { basic: { email: USERS.viewer.email, apiToken: 't' } } });
    await expect(viewer.issues.editIssue({ issueIdOrKey: 'PAY-1', fields: { summary: 'nope' } })).rejects.toMatchObject({ status: 403 });
    const outsider = new Version3Client({ host: site.url, authentication: { basic: { email: USERS.outsider.email, apiToken: 't' } } });
    await expect(outsider.issues.getIssue({ issueIdOrKey: 'DATA-1' })).rejects.toMatchObject({ status: 404 });
  });
});
