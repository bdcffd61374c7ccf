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
        { group: ['**/local/**'], message: 'src/ never imports the offline runtime.' },
      ] }],
    },
  },
  {
    // Use cases depend on ports, never on adapters, entry points or Forge.
    files: ['src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@forge/*'], message: 'Use cases depend on ports; Forge lives in adapters and entry points.' },
        { group: ['**/adapters/**', '**/entry/**', '**/composition'], message: 'Use cases must not import adapters, entry points or the composition root.' },
        { group: ['**/local/**'], message: 'src/ never imports the offline runtime.' },
      ] }],
    },
  },
  {
    // The contracts and payload schemas are shared with the UI: no Forge, no adapters, no entry points.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@forge/*'], message: 'src/shared is shared with the UI: no @forge/* imports.' },
        { group: ['**/adapters/**', '**/entry/**', '**/composition'], message: 'src/shared must not import adapters, entry points or the composition root.' },
        { group: ['**/local/**'], message: 'src/ never imports the offline runtime.' },
      ] }],
    },
  },
  {
    // Adapters implement ports; they never reach up into entry points or the composition root.
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/entry/**', '**/composition'], message: 'Adapters must not import entry points or the composition root.' },
        { group: ['**/local/**'], message: 'src/ never imports the offline runtime.' },
      ] }],
    },
  },
  {
    // Entry points and the composition root ship to Forge: they never import the offline runtime.
    files: ['src/entry/**/*.ts', 'src/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/local/**'], message: 'src/ never imports the offline runtime.' }] }],
    },
  },
  {
    // The offline runtime is self-contained, like a package any Forge app could use: it reaches the app only
    // through manifest.yml and the handlers it names (loaded by path at run time), never by import.
    files: ['local/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**', '**/static/**'], message: 'local/ must not import the app (src/, static/).' }] }],
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
