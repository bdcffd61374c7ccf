import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest, type UiModule } from '../../local/runtime/manifest';
import { ROOT } from './paths';

export interface ResolverFunction {
  moduleKey: string;
  moduleType: UiModule['type'];
  functionKey: string;
}

/**
 * Every resolver function of every UI module, read from the code that ships: manifest.yml names each module's
 * function, src/index.ts maps its handler to a resolver file, and that file's `makeResolver` defines the
 * keys. A function added later is covered by the tests that use this without editing them.
 */
export function resolverFunctions(): ResolverFunction[] {
  const manifest = loadManifest(join(ROOT, 'manifest.yml'));
  const index = readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8');
  return manifest.uiModules.flatMap((module) => {
    if (!module.resolverFunction) return [];
    const handler = manifest.functions[module.resolverFunction]!.replace(/^index\./, '');
    const from = new RegExp(`export \\{ ${handler} \\} from '\\./([^']+)'`).exec(index)?.[1];
    if (!from) throw new Error(`src/index.ts does not export ${handler}`);
    const source = readFileSync(join(ROOT, 'src', `${from}.ts`), 'utf8');
    const keys = [...source.matchAll(/^\s*'([a-zA-Z][\w.]*)':\s*(?:async\s*)?\(/gm)].map((m) => m[1]!);
    if (keys.length === 0) throw new Error(`No resolver functions found in src/${from}.ts`);
    return keys.map((functionKey) => ({ moduleKey: module.key, moduleType: module.type, functionKey }));
  });
}

/** The context Jira gives a module of this type, on a demo issue or project (a global page has neither). */
export function contextFor(type: UiModule['type'], issueKey: string): { issueKey?: string; projectKey?: string } {
  if (type === 'jira:globalPage') return {};
  return type === 'jira:issuePanel' || type === 'jira:issueContext' ? { issueKey } : { projectKey: issueKey.split('-')[0]! };
}
