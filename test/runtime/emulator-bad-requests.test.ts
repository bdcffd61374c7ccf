import { emulatorOn } from '../support/emulator-harness';

/** Malformed requests get Jira's 400 with an error body; none of them is an unhandled exception (a 500). */
describe('the Jira emulator on malformed requests', () => {
  const { call } = emulatorOn();

  it.each([
    ['a malformed percent-encoding in the path', 'GET', '/issue/PAY-1/properties/%E0%A4%A', undefined],
    ['a JSON null body for an edit', 'PUT', '/issue/PAY-1', 'null'],
    ['a JSON array body for a search', 'POST', '/search/jql', []],
    ['an update operation that is not an object', 'PUT', '/issue/PAY-1', { update: { labels: [null] } }],
    ['a project key that is not a string', 'POST', '/issue', { fields: { project: { key: 5 }, issuetype: { name: 'Story' }, summary: 'x' } }],
    ['an issue type name that is not a string', 'POST', '/issue', { fields: { project: { key: 'PAY' }, issuetype: { name: 7 }, summary: 'x' } }],
    ['a link to an issue key that is not a string', 'POST', '/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: 1 }, outwardIssue: { key: 'PAY-2' } }],
    ['search fields that are not strings', 'POST', '/search/jql', { jql: 'project = PAY', fields: [1] }],
    ['search properties that are not strings', 'POST', '/search/jql', { jql: 'project = PAY', properties: [{}] }],
    ['bulk fetch fields that are not strings', 'POST', '/issue/bulkfetch', { issueIdsOrKeys: ['PAY-1'], fields: [null] }],
    ['a body that is not JSON', 'POST', '/issue', '{"fields":'],
  ])('answers %s with a 4xx and an error body', async (_name, method, path, body) => {
    const r = await call(method, path, body);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.json).toMatchObject({ errorMessages: expect.any(Array), errors: expect.any(Object) });
  });
});
