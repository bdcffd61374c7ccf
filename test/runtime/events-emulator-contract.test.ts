import type { LocalSite } from '../../local/host/site';
import { startTestSite, USERS } from '../support/local-site';
import { requestErrors, responseErrors } from '../support/openapi';
import { rest } from '../support/events-site';

/** The emulator endpoints the shell actions added (transitions, versions) against Atlassian's OpenAPI description. */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

const call = async (method: string, path: string, body?: unknown, email: string = USERS.lead.email): Promise<{ status: number; json: unknown }> => {
  const r = await rest(site, email, method, path, body);
  const text = await r.text();
  return { status: r.status, json: text ? (JSON.parse(text) as unknown) : null };
};

describe('issue transitions', () => {
  it('lists the transitions and performs one, as documented', async () => {
    const listed = await call('GET', '/rest/api/3/issue/PAY-3/transitions');
    expect(listed.status).toBe(200);
    expect(responseErrors('/rest/api/3/issue/{issueIdOrKey}/transitions', 'GET', 200, listed.json)).toEqual([]);
    const [first] = (listed.json as { transitions: Array<{ id: string; to: { name: string } }> }).transitions;
    const body = { transition: { id: first!.id } };
    expect(requestErrors('/rest/api/3/issue/{issueIdOrKey}/transitions', 'POST', body)).toEqual([]);
    expect((await call('POST', '/rest/api/3/issue/PAY-3/transitions', body)).status).toBe(204);
    const after = (await call('GET', '/rest/api/3/issue/PAY-3?fields=status')).json as { fields: { status: { name: string } } };
    expect(after.fields.status.name).toBe(first!.to.name);
  });

  it('refuses an unknown transition (400) and a user who cannot edit (403)', async () => {
    expect((await call('POST', '/rest/api/3/issue/PAY-3/transitions', { transition: { id: '999' } })).status).toBe(400);
    expect((await call('POST', '/rest/api/3/issue/PAY-3/transitions', { transition: { id: '11' } }, USERS.viewer.email)).status).toBe(403);
    expect((await call('POST', '/rest/api/3/issue/PAY-3/transitions', null)).status).toBe(400);
  });
});

describe('project versions', () => {
  it('creates, reads, updates and releases a version, as documented', async () => {
    const body = { name: '2027.4', projectId: 10000, description: 'PI 2027.4', releaseDate: '2027-12-17' };
    expect(requestErrors('/rest/api/3/version', 'POST', body)).toEqual([]);
    const created = await call('POST', '/rest/api/3/version', body);
    expect(created.status).toBe(201);
    expect(responseErrors('/rest/api/3/version', 'POST', 201, created.json)).toEqual([]);
    const id = (created.json as { id: string }).id;
    const got = await call('GET', `/rest/api/3/version/${id}`);
    expect(responseErrors('/rest/api/3/version/{id}', 'GET', 200, got.json)).toEqual([]);
    const released = await call('PUT', `/rest/api/3/version/${id}`, { released: true });
    expect(released.status).toBe(200);
    expect(responseErrors('/rest/api/3/version/{id}', 'PUT', 200, released.json)).toEqual([]);
    expect(released.json).toMatchObject({ id, released: true, name: '2027.4' });
  });

  it('lets only project administrators manage versions, and rejects a duplicate name', async () => {
    expect((await call('POST', '/rest/api/3/version', { name: 'x', projectId: 10000 }, USERS.architect.email)).status).toBe(403);
    expect((await call('POST', '/rest/api/3/version', { name: '2027.1', projectId: 10000 })).status).toBe(400);
    expect((await call('GET', '/rest/api/3/version/10110', undefined, USERS.outsider.email)).status).toBe(404); // a DATA version
  });
});
