// Builds every Custom UI app in static/<app>/ with Vite into static/<app>/build, the manifest's resource paths.
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// What ships to Forge is the production build, whatever NODE_ENV the caller has: Vite follows NODE_ENV,
// Jest sets it to 'test', and a build made under that breaks the lazily loaded chunks.
process.env.NODE_ENV = 'production';

const root = resolve(import.meta.dirname, '..', 'static');
const apps = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'index.html')))
  .map((d) => d.name);

for (const app of apps) {
  const started = Date.now();
  await build({
    root: join(root, app),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: 'build', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  });
  console.log(`built static/${app}/build in ${Date.now() - started} ms`);
}
