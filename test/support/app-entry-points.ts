import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './paths';

/** One resolver function of one module that has a resolver, of any module type manifest.yml declares. */
export interface ResolverEntry {
  moduleKey: string;
  moduleType: string;
  functionKey: string;
}

export interface AppEntryPoints {
  resolvers: ResolverEntry[];
  /** `webtrigger` module keys. */
  webTriggers: string[];
  /** `action` module keys (Automation actions). */
  actions: string[];
}

type RawManifest = { modules: Record<string, Array<Record<string, unknown>> | undefined> };

/**
 * Every way in from outside, read from the code that ships: each module of manifest.yml with a resolver, and
 * the keys its handler really defines. The keys are taken from the objects given to `makeResolver` (loaded
 * in an isolated module registry with a recording `makeResolver`), so keys spread in from other files count
 * too, and a function added later cannot be missed by the tests that use this.
 */
export function appEntryPoints(): AppEntryPoints {
  const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as RawManifest;
  const handlers = new Map<string, string>();
  for (const f of manifest.modules.function ?? []) handlers.set(String(f.key), String(f.handler).replace(/^index\./, ''));
  const definitions = resolverDefinitions();
  const resolvers = Object.entries(manifest.modules).flatMap(([moduleType, modules]) =>
    (modules ?? []).flatMap((m) => {
      const fn = (m.resolver as { function?: unknown } | undefined)?.function;
      if (typeof fn !== 'string') return [];
      const handler = handlers.get(fn);
      const keys = handler ? definitions.get(handler) : undefined;
      if (!handler || !keys) throw new Error(`manifest.yml module ${String(m.key)}: function ${fn} is not a makeResolver export of src/index.ts`);
      return keys.map((functionKey) => ({ moduleKey: String(m.key), moduleType, functionKey }));
    }),
  );
  const keysOf = (type: string): string[] => (manifest.modules[type] ?? []).map((m) => String(m.key));
  return { resolvers, webTriggers: keysOf('webtrigger'), actions: keysOf('action') };
}

/** export name of src/index.ts -> the function keys its `makeResolver` call defines. */
function resolverDefinitions(): Map<string, string[]> {
  const recorded = new Map<object, string[]>();
  let index: Record<string, unknown> = {};
  jest.isolateModules(() => {
    jest.doMock('@forge/resolver', () => ({
      makeResolver: (definitions: Record<string, unknown>) => {
        const marker = {};
        recorded.set(marker, Object.keys(definitions));
        return marker;
      },
    }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    index = require('../../src/index') as Record<string, unknown>;
  });
  // The recording stand-in was for that registry only: the app the tests run keeps the real one.
  jest.dontMock('@forge/resolver');
  const byExport = new Map<string, string[]>();
  for (const [name, value] of Object.entries(index)) {
    const keys = typeof value === 'object' && value !== null ? recorded.get(value) : undefined;
    if (keys) byExport.set(name, keys);
  }
  return byExport;
}
