import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

/** `npm start` as a person runs it: one clear line on a busy port, and a clean stop on SIGTERM (issue 8 defects). */
const listen = (port = 0): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
const portOf = (server: Server): number => (server.address() as { port: number }).port;
const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function npmStart(port: number, dataDir: string, args: string[] = []): Run {
  // Its own process group, so a failed test can stop the whole tree.
  const child = spawn('npm', ['start', '--', ...args], { cwd: ROOT, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exit };
}

async function answers(port: number): Promise<boolean> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/rest/api/3/myself`, { headers: { authorization: `Basic ${Buffer.from('lead@demo.test:x').toString('base64')}` } });
    return r.ok;
  } catch {
    return false;
  }
}

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pr-npm-start-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

it('says in one line how to pick another port when the port is in use, before building anything', async () => {
  const busy = await listen();
  try {
    const run = npmStart(portOf(busy), dataDir);
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain(`Port ${portOf(busy)} is in use (another npm start?): stop it, or start on another port with PORT=9000 npm start`);
    expect(run.output()).not.toMatch(/EADDRINUSE|\n\s+at /);
    expect(run.output()).not.toContain('built static');
  } finally {
    await close(busy);
  }
}, 60_000);

it('stops listening on SIGTERM', async () => {
  const free = await listen();
  const port = portOf(free);
  await close(free);
  const run = npmStart(port, dataDir, ['--user', 'lead@demo.test']);
  try {
    const started = Date.now();
    while (!(await answers(port))) {
      if (Date.now() - started > 90_000) throw new Error(`npm start did not answer: ${run.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    run.child.kill('SIGTERM');
    await Promise.race([run.exit, new Promise((r) => setTimeout(r, 10_000))]);
    expect(await answers(port)).toBe(false);
    // Nothing is left holding the port.
    await close(await listen(port));
  } finally {
    try {
      process.kill(-run.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}, 120_000);
