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

// Atlassian's Statsig client is never asked in this app: a stub answering "off" stands in for it, where
// platform-feature-flags falls back to it. Any other importer fails the build rather than reach a method the
// stub lacks. See docs/atlaskit-feature-flags-and-cold-load.md.
const FEATURE_GATES = '@atlaskit/feature-gate-js-client/feature-gates';
const featureGatesStub = join(root, 'shared', 'feature-gates-off.ts');
const featureGatesGuard = {
  name: 'feature-gates-stub-guard',
  buildEnd() {
    const strangers = (this.getModuleInfo(featureGatesStub)?.importers ?? []).filter((id) => !id.includes('/@atlaskit/platform-feature-flags/'));
    if (strangers.length > 0) this.error(`${FEATURE_GATES} is stubbed for @atlaskit/platform-feature-flags only, but ${strangers.join(', ')} imports it`);
  },
};

for (const app of apps) {
  const started = Date.now();
  await build({
    root: join(root, app),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react(), featureGatesGuard],
    resolve: { alias: { [FEATURE_GATES]: featureGatesStub } },
    build: { outDir: 'build', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  });
  console.log(`built static/${app}/build in ${Date.now() - started} ms`);
}
