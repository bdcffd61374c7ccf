import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicAuth, USERS } from '../support/local-site';
import { ROOT } from '../support/paths';

/**
 * Durable acknowledgements, end to end: the real server (`local/server.ts`) takes a burst of writes and is
 * killed with SIGKILL at a random moment; after a restart, every write it acknowledged is there.
 */
const ITERATIONS = 3;
const WRITERS = 8;
const auth = { authorization: basicAuth(USERS.lead.email), 'content-type': 'application/json' };

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

const running = new Set<ChildProcess>();

function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'local', 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, JIRA_LATENCY_MS: '', KVS_LATENCY_MS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    running.delete(child);
    resolve();
  }));
  return new Promise<Server>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const url = /running on the offline Forge runtime: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`The server exited before it was ready:\n${output}`)));
  });
}

/** One writer: sequential property writes until the server dies; returns the keys it got a 2xx for. */
async function writeUntilKilled(url: string, iteration: number, writer: number): Promise<string[]> {
  const acknowledged: string[] = [];
  for (let n = 0; ; n++) {
    const key = `durable-${iteration}-${writer}-${n}`;
    try {
      const r = await fetch(`${url}/rest/api/3/issue/PAY-1/properties/${key}`, { method: 'PUT', headers: auth, body: JSON.stringify({ iteration, writer, n }) });
      if (r.status !== 201) throw new Error(`Unexpected ${r.status}`);
      acknowledged.push(key);
    } catch {
      return acknowledged;
    }
  }
}

async function storedKeys(url: string): Promise<Set<string>> {
  const r = await fetch(`${url}/rest/api/3/issue/PAY-1/properties`, { headers: auth });
  const body = (await r.json()) as { keys: Array<{ key: string }> };
  return new Set(body.keys.map((k) => k.key));
}

describe('acknowledged writes survive kill -9', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pr-durability-'));
  });
  afterAll(() => {
    for (const child of running) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write across ${ITERATIONS} crashes during write bursts`, async () => {
    const acknowledged: string[] = [];
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const server = await startServer(dir);
      const writers = Array.from({ length: WRITERS }, (_, w) => writeUntilKilled(server.url, iteration, w));
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 400));
      server.child.kill('SIGKILL');
      await server.exited;
      const acked = (await Promise.all(writers)).flat();
      expect(acked.length).toBeGreaterThan(0);
      acknowledged.push(...acked);
    }
    const server = await startServer(dir);
    try {
      const stored = await storedKeys(server.url);
      expect(acknowledged.filter((key) => !stored.has(key))).toEqual([]);
      const sample = acknowledged[acknowledged.length - 1]!;
      const r = await fetch(`${server.url}/rest/api/3/issue/PAY-1/properties/${sample}`, { headers: auth });
      const [, iteration, writer, n] = sample.split('-').map(Number);
      expect(await r.json()).toEqual({ key: sample, value: { iteration, writer, n } });
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });
});
