import { join } from 'node:path';
import type { LoadedManifest } from '../runtime/manifest';
import { HostError } from './http';

export type AppHandler = (payload: unknown, runtimePayload?: Record<string, unknown>) => Promise<unknown>;

/**
 * The app's functions, found as Forge finds them: manifest.yml's `handler: <module>.<export>` names an export
 * of `<root>/src/<module>`. Modules are required on first use, after the runtime globals exist (as in Forge),
 * by a path built at run time, so `local/` never imports the app's source.
 */
export function appHandlers(root: string, manifest: LoadedManifest): (functionKey: string) => AppHandler {
  return (functionKey) => {
    const handler = manifest.functions[functionKey];
    const dot = handler?.lastIndexOf('.') ?? -1;
    if (!handler || dot < 1) throw new HostError(500, `manifest.yml has no function '${functionKey}' with a handler '<module>.<export>'`);
    const modulePath = join(root, 'src', handler.slice(0, dot));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(modulePath) as Record<string, unknown>;
    const name = handler.slice(dot + 1);
    const fn = Object.hasOwn(exports, name) ? exports[name] : undefined;
    if (typeof fn !== 'function') throw new HostError(500, `manifest.yml function '${functionKey}' has no handler export '${handler}' in src/`);
    return fn as AppHandler;
  };
}
