/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', transpilation: true }] },
  testTimeout: 60_000,
  // Fail the run if a test is skipped or focused: CI must run every test.
  reporters: ['default', '<rootDir>/test/support/no-skipped-tests-reporter.js'],
};
