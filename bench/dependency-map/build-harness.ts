import { join, resolve } from 'node:path';

/**
 * Builds the dependency map's harness page (bench/dependency-map/harness) with Vite, the way the Custom UI
 * apps are built, into `outDir` (a temporary folder: the harness never ships). Run as a script it builds
 * into the folder given as its argument, which is how the Jest tests call it.
 */
const ROOT = resolve(__dirname, '..', '..');

export async function buildHarness(outDir: string): Promise<void> {
  // Vite is an ES module; this project is CommonJS, so it comes in through import().
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  // Production React, whatever NODE_ENV the caller runs under (see scripts/build-static.mjs).
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: join(__dirname, 'harness'),
      base: './',
      mode: 'production',
      logLevel: 'warn',
      configFile: false,
      plugins: [react()],
      resolve: { alias: { 'virtual:dependency-map': join(ROOT, 'static', 'shared', 'dependency-map', 'dependency-map.tsx') } },
      build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4000 },
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
}

if (require.main === module) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: build-harness.ts <outDir>');
  buildHarness(resolve(outDir)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
