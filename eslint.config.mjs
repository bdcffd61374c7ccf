// ESLint: type-aware typescript-eslint rules, plus the layer rules of the codebase.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'static/*/build/', 'local/stubs/', 'local/host/bridge-client.js', 'coverage/', '.local-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'test/support/*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The domain is pure: no Forge, no I/O, no adapters or entry points.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@forge/*'], message: 'src/domain is pure: no @forge/* imports.' },
        { group: ['**/adapters/**', '**/entry/**', '**/application/**'], message: 'src/domain must not depend on use cases, adapters or entry points.' },
        { group: ['node:*', 'fs', 'http', 'https'], message: 'src/domain does no I/O.' },
      ] }],
    },
  },
  {
    // Use cases depend on ports, never on adapters, entry points or Forge.
    files: ['src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@forge/*'], message: 'Use cases depend on ports; Forge lives in adapters and entry points.' },
        { group: ['**/adapters/**', '**/entry/**'], message: 'Use cases must not import adapters or entry points.' },
      ] }],
    },
  },
  {
    // The UI shares only types with the backend.
    files: ['static/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/src/domain/**', '**/src/application/**', '**/src/adapters/**', '**/src/entry/**'], message: 'Custom UI imports only the contract in src/shared (with import type).' },
      ] }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Jest matchers (expect.any, objectContaining) are typed `any` by design.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // In-memory fakes implement async ports without anything to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
