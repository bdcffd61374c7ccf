import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One Jest project per folder of test/ (unit, application, resolvers, runtime, contract, manifest, e2e and any
 * folder added later), so `jest --selectProjects unit` runs just that kind; plain `jest` runs them all.
 * test/support and test/fixtures hold helpers and fixture apps, not tests.
 */
const TEST_ROOT = join(import.meta.dirname, 'test');
const NOT_TESTS = new Set(['support', 'fixtures']);
const kinds = readdirSync(TEST_ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !NOT_TESTS.has(d.name))
  .map((d) => d.name);

/** @type {import('jest').Config} */
export default {
  projects: kinds.map((kind) => ({
    displayName: kind,
    testEnvironment: 'node',
    roots: [`<rootDir>/test/${kind}`],
    testMatch: ['**/*.test.ts'],
    transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', transpilation: true }] },
  })),
  testTimeout: 60_000,
  // Locally a focused run (-t, it.only) is fine; under CI=true the reporter fails a run that skipped or focused tests.
  reporters: ['default', '<rootDir>/test/support/no-skipped-tests-reporter.js'],
};
