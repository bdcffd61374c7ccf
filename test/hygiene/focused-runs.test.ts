import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

/**
 * The gate on skipped and focused tests (test/support/no-skipped-tests-reporter.js), run as Jest runs it:
 * a focused run is fine on a laptop, and refused under CI=true.
 */
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const REPORTER = join(ROOT, 'test', 'support', 'no-skipped-tests-reporter.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'focused-runs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function runJest(tests: string, env: Record<string, string | undefined>): { status: number | null; output: string } {
  writeFileSync(join(dir, 'sample.test.js'), tests);
  const config = JSON.stringify({ rootDir: dir, testMatch: ['**/*.test.js'], reporters: [REPORTER], transform: {} });
  const environment = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete environment[name];
  const r = spawnSync(process.execPath, [JEST, '--config', config], { cwd: dir, env: environment, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const FOCUSED = "it.only('one', () => {});\nit('another', () => {});\n";
const ALL = "it('one', () => {});\nit('another', () => {});\n";

describe('focused and skipped tests', () => {
  it('are allowed locally, and the run says what it left out', () => {
    const r = runJest(FOCUSED, { CI: undefined });
    expect(r.output).toContain('1 test(s) were skipped, focused out or marked todo: allowed locally');
    expect(r.status).toBe(0);
  });

  it('fail the run under CI=true', () => {
    const r = runJest(FOCUSED, { CI: 'true' });
    expect(r.output).toContain('CI runs every test');
    expect(r.status).toBe(1);
  });

  it('leave a CI run that runs every test alone', () => {
    const r = runJest(ALL, { CI: 'true' });
    expect(r.output).toContain('jest: 2 passed, 0 failed');
    expect(r.status).toBe(0);
  });
});
