import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalSite, type LocalSite } from '../../local/host/site';
import { SeedMarker } from '../../local/host/seed-marker';
import { ROOT } from '../support/paths';
import { basicAuth, USERS } from '../support/local-site';

/**
 * A new site seeds the demo's app data through the app's own resolvers after the Jira site exists. Visitors
 * wait for the seed, and a start stopped in the middle of it is finished by the next start, not taken for a
 * complete site (which left JQL on the app's values finding nothing until --reset).
 */
let dir: string;
const started: LocalSite[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'seed-on-start-'));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

const start = async (port = 0): Promise<LocalSite> => {
  const site = await startLocalSite({ root: ROOT, port, dataDir: dir });
  started.push(site);
  return site;
};

const freePort = (): Promise<number> =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

/** The keys JQL finds for a query on the app's indexed values, as the demo's lead. */
const keysFor = async (url: string, jql: string): Promise<string[]> => {
  const r = await fetch(`${url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { authorization: basicAuth(USERS.lead.email), 'content-type': 'application/json' },
    body: JSON.stringify({ jql, fields: ['key'], maxResults: 5000 }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { issues: Array<{ key: string }> }).issues.map((i) => i.key).sort();
};

const SCORED = 'readinessScore >= 0';

it('answers a visitor who comes during the seed only once the demo is seeded, and clears its marker', async () => {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const starting = start(port);
  const marker = new SeedMarker(dir);
  // The first request that connects, while the seed is still running.
  let early: Promise<string[]> | null = null;
  while (!early) {
    expect(marker.interrupted()).toBe(true);
    const connected = await fetch(`${url}/favicon.ico`).then(
      () => true,
      () => false,
    );
    if (connected) early = keysFor(url, SCORED);
    else await new Promise((ok) => setTimeout(ok, 20));
  }
  const site = await starting;
  const seen = await early;
  expect(seen.length).toBeGreaterThan(10);
  expect(seen).toEqual(await keysFor(site.url, SCORED));
  expect(marker.interrupted()).toBe(false);
});

it('starts afresh when the last start stopped during its seed, and keeps a finished site as it is', async () => {
  const first = await start();
  const seededKeys = await keysFor(first.url, SCORED);
  const created = await fetch(`${first.url}/rest/api/3/issue`, {
    method: 'POST',
    headers: { authorization: basicAuth(USERS.lead.email), 'content-type': 'application/json' },
    body: JSON.stringify({ fields: { project: { key: 'PAY' }, issuetype: { name: 'Story' }, summary: 'Written after the seed' } }),
  });
  expect(created.status).toBe(201);
  const { key } = (await created.json()) as { key: string };
  await started.pop()!.close();

  // A finished site is kept: the issue written after the seed is still there.
  const kept = await start();
  expect(await keysFor(kept.url, `key = ${key}`)).toEqual([key]);
  await started.pop()!.close();

  // As a process killed during its seed leaves it: the marker, and the app's data missing.
  new SeedMarker(dir).begin();
  rmSync(join(dir, 'forge-kvs.json'), { force: true });
  rmSync(join(dir, 'forge-kvs.json.log'), { force: true });
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const again = await start();
  expect(warn.mock.calls.flat().join('\n')).toContain('stopped while it was seeding the demo site');
  warn.mockRestore();
  expect(await keysFor(again.url, SCORED)).toEqual(seededKeys);
  expect(await keysFor(again.url, 'summary ~ "Written after the seed"')).toEqual([]);
  expect(existsSync(join(dir, 'seed-in-progress'))).toBe(false);
});
