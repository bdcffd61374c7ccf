import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../support/browser';
import { USERS } from '../support/local-site';
import { ROOT } from '../support/paths';

/**
 * Issue 8: "a cold load of an issue once took 30 s". The cold path as a visitor meets it: `npm start`'s server
 * process restarted on existing data (no seeding warms it), a new browser with an empty cache, the first issue
 * opened. The bound is the issue's own 30 s, generous on purpose; the timings are printed for the record
 * (docs/atlaskit-feature-flags-and-cold-load.md has the measurements and the cause).
 */
function startServer(dataDir: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'local/server.ts'], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: '0' } });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const url = /running on the offline Forge runtime: (http:\/\/localhost:\d+)/.exec(out)?.[1];
      if (url && out.includes('Data in')) resolve({ proc, url });
    });
    proc.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
}

const stopServer = (proc: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });

let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pr-cold-load-'));
  // A first start seeds the demo into the data folder, as a user's first `npm start` does.
  const seeded = await startServer(dataDir);
  await stopServer(seeded.proc);
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 }));

it('opens an issue with both panels well within 30 s from a restarted server and an empty browser cache', async () => {
  const { proc, url } = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'pr_user', value: encodeURIComponent(USERS.lead.email), url }]);
    const page = await context.newPage();
    const started = Date.now();
    const invokes: number[] = [];
    page.on('requestfinished', (r) => {
      if (r.url().endsWith('/__bridge/invoke')) invokes.push(Math.round(r.timing().responseEnd));
    });
    await page.goto(`${url}/browse/PAY-1`);
    const panel = await (await page.waitForSelector('iframe#planning-panel')).contentFrame();
    const side = await (await page.waitForSelector('iframe#readiness-context')).contentFrame();
    await panel!.waitForSelector('[data-testid="spec-tab"]', { timeout: 30_000 });
    await side!.waitForSelector('[data-testid="context-spec-status"]', { timeout: 30_000 });
    const loadMs = Date.now() - started;
    console.log(`cold load of PAY-1: ${loadMs} ms; resolver calls ${invokes.join(', ')} ms`);
    expect(loadMs).toBeLessThan(30_000);
  } finally {
    await browser.close();
    await stopServer(proc);
  }
}, 120_000);
