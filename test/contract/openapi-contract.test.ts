import type { LocalSite } from '../../local/host/site';
import { observeProductCalls, type ProductCall } from '../../local/runtime/forge-runtime';
import { componentErrors, requestErrors, responseErrors, templateFor } from '../support/openapi';
import { basicAuth, startTestSite, USERS } from '../support/local-site';

/**
 * Emulator responses and the app's own request bodies, validated against Atlassian's OpenAPI description
 * of Jira Cloud REST v3 (../shared/jira-openapi/jira-platform-v3.json).
 */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const r = await fetch(`${site.url}${path}`, {
    method,
    headers: { authorization: basicAuth(USERS.lead.email), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : undefined };
}

const cases: Array<[string, string, string, unknown?]> = [
  ['GET', '/rest/api/3/myself', '/rest/api/3/myself'],
  ['GET', '/rest/api/3/issue/PAY-2', '/rest/api/3/issue/{issueIdOrKey}'],
  ['GET', '/rest/api/3/issue/PAY-2?fields=summary,issuelinks,parent,comment,customfield_10001', '/rest/api/3/issue/{issueIdOrKey}'],
  ['GET', '/rest/api/3/search/jql?jql=project%20%3D%20PAY%20ORDER%20BY%20key&fields=*navigable&maxResults=5', '/rest/api/3/search/jql'],
  ['POST', '/rest/api/3/search/jql', '/rest/api/3/search/jql', { jql: 'parent = PAY-1', fields: ['summary', 'status'], properties: ['planning-readiness'], maxResults: 2 }],
  ['POST', '/rest/api/3/search/approximate-count', '/rest/api/3/search/approximate-count', { jql: 'project = DATA' }],
  ['POST', '/rest/api/3/issue/bulkfetch', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['PAY-1', 'DATA-1', 'NOPE-1'], fields: ['summary', 'fixVersions'] }],
  ['POST', '/rest/api/3/issue/bulkfetch', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['PAY-2'], properties: ['planning-readiness'] }],
  ['GET', '/rest/api/3/issue/PAY-2/properties', '/rest/api/3/issue/{issueIdOrKey}/properties'],
  ['GET', '/rest/api/3/issueLinkType', '/rest/api/3/issueLinkType'],
  ['GET', '/rest/api/3/project/PAY', '/rest/api/3/project/{projectIdOrKey}'],
  ['GET', '/rest/api/3/project/search', '/rest/api/3/project/search'],
  ['GET', '/rest/api/3/project/PAY/versions', '/rest/api/3/project/{projectIdOrKey}/versions'],
  ['GET', '/rest/api/3/issuetype', '/rest/api/3/issuetype'],
  ['GET', '/rest/api/3/field', '/rest/api/3/field'],
  ['GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES&issueKey=PAY-1', '/rest/api/3/mypermissions'],
  ['GET', '/rest/api/3/issue/PAY-4/comment', '/rest/api/3/issue/{issueIdOrKey}/comment'],
  ['GET', `/rest/api/3/user?accountId=${encodeURIComponent(USERS.architect.accountId)}`, '/rest/api/3/user'],
];

describe('emulator responses match the Jira Cloud OpenAPI description', () => {
  // A rest parameter: with four named parameters Jest would take the last one for a `done` callback.
  it.each(cases)('%s %s', async (...row) => {
    const [method, path, template, body] = row;
    if (body !== undefined) expect(requestErrors(template, method, body)).toEqual([]);
    const { status, json } = await call(method, path, body);
    expect(status).toBe(200);
    expect(responseErrors(template, method, status, json)).toEqual([]);
  });

  it('validates the issue-link, comment and property write paths', async () => {
    const link = { type: { name: 'Blocks' }, inwardIssue: { key: 'PAY-7' }, outwardIssue: { key: 'DATA-2' } };
    expect(requestErrors('/rest/api/3/issueLink', 'POST', link)).toEqual([]);
    expect((await call('POST', '/rest/api/3/issueLink', link)).status).toBe(201);
    const links = (await call('GET', '/rest/api/3/issue/PAY-7?fields=issuelinks')).json as { fields: { issuelinks: Array<{ id: string; outwardIssue?: { key: string } }> } };
    const created = links.fields.issuelinks.find((l) => l.outwardIssue?.key === 'DATA-2')!;
    const got = await call('GET', `/rest/api/3/issueLink/${created.id}`);
    expect(responseErrors('/rest/api/3/issueLink/{linkId}', 'GET', 200, got.json)).toEqual([]);

    const comment = { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Escalated to the RTE.' }] }] } };
    expect(requestErrors('/rest/api/3/issue/{issueIdOrKey}/comment', 'POST', comment)).toEqual([]);
    const added = await call('POST', '/rest/api/3/issue/PAY-7/comment', comment);
    expect(added.status).toBe(201);
    expect(responseErrors('/rest/api/3/issue/{issueIdOrKey}/comment', 'POST', 201, added.json)).toEqual([]);

    expect((await call('PUT', '/rest/api/3/issue/PAY-3/properties/planning-readiness', { schemaVersion: 1 })).status).toBe(201);
    const prop = await call('GET', '/rest/api/3/issue/PAY-3/properties/planning-readiness');
    expect(responseErrors('/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', 'GET', 200, prop.json)).toEqual([]);
  });

  it('answers errors in the documented ErrorCollection shape', async () => {
    const bad = await call('GET', '/rest/api/3/search/jql?jql=project%20%3D');
    expect(bad.status).toBe(400);
    expect(componentErrors('ErrorCollection', bad.json)).toEqual([]);
    expect(bad.json).toMatchObject({ errorMessages: [expect.stringContaining('Error in the JQL Query')] });
    const missing = await call('GET', '/rest/api/3/issue/PAY-99999');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    expect(componentErrors('ErrorCollection', missing.json)).toEqual([]);
  });

  it('catches a response that breaks the schema (the check itself can fail)', () => {
    expect(responseErrors('/rest/api/3/search/jql', 'GET', 200, { issues: 'not-an-array' }).length).toBeGreaterThan(0);
  });
});

describe("the app's requests to Jira match the OpenAPI description", () => {
  it('sends only documented paths with valid request bodies', async () => {
    const sent: ProductCall[] = [];
    const stop = observeProductCalls((call) => call.service === 'jira' && sent.push(call));
    try {
      await site.invoke({ moduleKey: 'planning-panel', context: { issueKey: 'PAY-2' }, functionKey: 'planning.getView' }, USERS.lead.accountId);
      await site.invoke({ moduleKey: 'planning-readiness-page', context: { projectKey: 'PAY' }, functionKey: 'portfolio.view', payload: { scope: { release: null, issueTypes: [], statuses: [], jql: null } } }, USERS.lead.accountId);
    } finally {
      stop();
    }
    expect(sent.length).toBeGreaterThanOrEqual(4);
    for (const request of sent) {
      const template = templateFor(request.path, request.method);
      expect({ request: `${request.method} ${request.path}`, template }).toEqual({ request: `${request.method} ${request.path}`, template: expect.any(String) });
      if (request.body !== undefined) expect(requestErrors(template!, request.method, request.body)).toEqual([]);
    }
  });
});
