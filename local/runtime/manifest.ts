import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { EntityPropertyAlias } from '../jira/jql';
import { loadEventModules, type EventModules } from './events/manifest-modules';

/** The parts of manifest.yml the offline runtime needs: modules, their resolvers and resources. */
export interface UiModule {
  type: 'jira:issuePanel' | 'jira:issueContext' | 'jira:projectPage' | 'jira:projectSettingsPage' | 'jira:globalPage';
  key: string;
  title: string;
  resource: string;
  resolverFunction: string | null;
  issueTypes: string[] | null;
  viewportSize?: string;
  /** jira:issueContext's default status lozenge. */
  status?: { label: string; type: string };
}

export interface LoadedManifest {
  appId: string;
  uiModules: UiModule[];
  /** function key -> handler, e.g. `resolver` -> `index.resolver` */
  functions: Record<string, string>;
  resources: Record<string, string>;
  aliases: EntityPropertyAlias[];
  scopes: string[];
  /** Triggers, scheduled triggers, web triggers, consumers and Automation actions. */
  events: EventModules;
}

type Raw = {
  app: { id: string };
  modules: Record<string, Array<Record<string, unknown>> | undefined>;
  resources?: Array<{ key: string; path: string }>;
  permissions?: { scopes?: string[] };
};

export function loadManifest(file: string): LoadedManifest {
  const raw = parse(readFileSync(file, 'utf8')) as Raw;
  const uiModules: UiModule[] = [];
  for (const type of ['jira:issuePanel', 'jira:issueContext', 'jira:projectPage', 'jira:projectSettingsPage', 'jira:globalPage'] as const) {
    for (const m of raw.modules[type] ?? []) {
      const conditions = m.displayConditions as { issueType?: string[] } | undefined;
      uiModules.push({
        type,
        key: String(m.key),
        title: String(m.title),
        resource: String(m.resource),
        resolverFunction: (m.resolver as { function?: string } | undefined)?.function ?? null,
        issueTypes: conditions?.issueType ?? null,
        ...(typeof m.viewportSize === 'string' ? { viewportSize: m.viewportSize } : {}),
        ...(m.status ? { status: (m.status as { value: { label: string; type?: string } }).value as { label: string; type: string } } : {}),
      });
    }
  }
  const functions: Record<string, string> = {};
  for (const f of raw.modules.function ?? []) functions[String(f.key)] = String(f.handler);
  const resources: Record<string, string> = {};
  for (const r of raw.resources ?? []) resources[r.key] = r.path;
  const aliases: EntityPropertyAlias[] = [];
  for (const ep of raw.modules['jira:entityProperty'] ?? []) {
    for (const v of (ep.values as Array<{ path: string; type: EntityPropertyAlias['type']; searchAlias?: string }> | undefined) ?? []) {
      aliases.push({ alias: v.searchAlias ?? '', propertyKey: String(ep.propertyKey), path: v.path, type: v.type });
    }
  }
  return { appId: raw.app.id, uiModules, functions, resources, aliases, scopes: raw.permissions?.scopes ?? [], events: loadEventModules(raw.modules) };
}
