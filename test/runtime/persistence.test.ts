import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalSite } from '../../local/host/site';
import { ROOT } from '../support/paths';
import { basicAuth, USERS } from '../support/local-site';

describe('offline runtime data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pr-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const getSummary = async (url: string): Promise<string> => {
    const r = await fetch(`${url}/rest/api/3/issue/PAY-1?fields=summary`, { headers: { authorization: basicAuth(USERS.lead.email) } });
    return ((await r.json()) as { fields: { summary: string } }).fields.summary;
  };

  it('persists across restarts, and --reset restores the demo seed', async () => {
    let site = await startLocalSite({ root: ROOT, port: 0, dataDir: dir });
    const seeded = await getSummary(site.url);
    const put = await fetch(`${site.url}/rest/api/3/issue/PAY-1`, {
      method: 'PUT',
      headers: { authorization: basicAuth(USERS.lead.email), 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { summary: 'Renamed while offline' } }),
    });
    expect(put.status).toBe(204);
    await site.close();

    site = await startLocalSite({ root: ROOT, port: 0, dataDir: dir });
    expect(await getSummary(site.url)).toBe('Renamed while offline');
    await site.close();

    site = await startLocalSite({ root: ROOT, port: 0, dataDir: dir, reset: true });
    expect(await getSummary(site.url)).toBe(seeded);
    await site.close();
  });
});
