import { toCsv } from '../../domain/portfolio/csv';
import type { PackPlan } from '../../domain/portfolio/pack-plan';
import { planningPack } from '../../domain/portfolio/planning-pack';
import type { PortfolioRow } from '../../domain/portfolio/row';
import type { ReadinessSettings } from '../../domain/readiness/settings';
import type { PortfolioScope } from '../../shared/portfolio/scope-rules';
import type { ReadinessSettingsStore } from '../readiness/ports';
import type { WorkItemReader } from '../shared/ports';
import type { PortfolioReader } from './ports';
import { rollUpView, type ViewDeps } from './portfolio-view';
import { programOf } from './program';
import { readingUserJql } from './user-jql';

/** What every export reads with: the scan, and each project's readiness settings (epic or feature, for the reasons). */
export interface ScopeExportDeps {
  portfolio: PortfolioReader;
  readinessSettings: Pick<ReadinessSettingsStore, 'get'>;
  now: () => Date;
}

export interface ExportDeps extends ScopeExportDeps, ViewDeps {
  reader: Pick<WorkItemReader, 'getProject'>;
}

/** The planning pack holds whole specs: at most this many items, so the answer stays small. */
export const PACK_MAX_ITEMS = 500;

export interface ExportFile {
  fileName: string;
  mimeType: 'text/csv' | 'text/markdown';
  content: string;
  warnings: string[];
}

/** A project's committed plan, whose drift the pack opens with (the release train has none). */
export interface PlanTarget {
  deps: ViewDeps;
  scopeKey: string;
  scope: PortfolioScope;
}

/**
 * The exports of a scope's JQL, read fresh as the user (so they hold exactly what the user may browse): the
 * table as CSV, or the Markdown planning pack with each item's planning record read in the same bulkfetch
 * batches, and the drift since the committed plan when `plan` names one. `name` starts the file name; the
 * day is added.
 */
export async function exportScope(deps: ScopeExportDeps, jql: string | null, title: string, name: string, format: 'csv' | 'markdown', plan: PlanTarget | null = null): Promise<ExportFile> {
  const base = `${name}-${deps.now().toISOString().slice(0, 10)}`;
  if (format === 'csv') {
    const read = jql ? await deps.portfolio.rows(jql) : { rows: [], warnings: [] };
    return { fileName: `${base}.csv`, mimeType: 'text/csv', content: toCsv(read.rows), warnings: read.warnings };
  }
  const read = jql ? await deps.portfolio.rowsWithRecords(jql, PACK_MAX_ITEMS) : { rows: [], records: new Map(), unreadCount: 0, warnings: [] };
  // Every item read (a cap reached, or some unread) is what can tell an item that left the plan.
  const partial = read.unreadCount > 0 || read.rows.length >= PACK_MAX_ITEMS;
  const [types, packPlan] = await Promise.all([typesOf(deps, read.rows), plan ? planOf(plan, read.rows, partial) : null]);
  const content = planningPack({ title, generatedAt: deps.now().toISOString(), rows: read.rows, records: read.records, warnings: read.warnings, types, plan: packPlan });
  return { fileName: `${base}.md`, mimeType: 'text/markdown', content, warnings: read.warnings };
}

/** Each project's readiness settings, read once per project among the rows. */
async function typesOf(deps: ScopeExportDeps, rows: readonly PortfolioRow[]): Promise<Map<string, ReadinessSettings>> {
  const keys = [...new Set(rows.map((r) => r.projectKey))];
  return new Map(await Promise.all(keys.map(async (key) => [key, await deps.readinessSettings.get(key)] as const)));
}

/**
 * The drift since the plan committed for this scope, as the page shows it (a removed item is named only if
 * the user may still browse it). When the pack holds part of the scope, only the items read are compared.
 */
async function planOf(target: PlanTarget, rows: PortfolioRow[], partial: boolean): Promise<PackPlan | null> {
  const baseline = await target.deps.baselines.load(target.scopeKey);
  if (!baseline) return null;
  const read = new Set(rows.map((r) => r.id));
  const compared = partial ? { ...baseline, items: baseline.items.filter((b) => read.has(b.id)) } : baseline;
  const { baseline: committed } = await rollUpView(target.deps, rows, target.scope, compared);
  return committed && { committedBy: committed.committedBy.displayName, committedAt: committed.committedAt, drift: committed.drift, removedLeftOut: partial };
}

/** A project's exports: the project is resolved as the user first (a hidden one is "not found"). */
export async function exportPortfolio(deps: ExportDeps, projectKey: string, scope: PortfolioScope, format: 'csv' | 'markdown'): Promise<ExportFile> {
  const program = await programOf(deps, projectKey, scope);
  const exported = (): Promise<ExportFile> => exportScope(deps, program.jql, program.project.name, `planning-readiness-${program.project.key}`, format, { deps, scopeKey: program.scopeKey, scope });
  return program.jql ? readingUserJql(program.jql, scope, exported) : exported();
}
