import { toCsv } from '../../domain/portfolio/csv';
import { planningPack } from '../../domain/portfolio/planning-pack';
import type { PortfolioScope } from '../../shared/portfolio/scope-rules';
import type { WorkItemReader } from '../shared/ports';
import type { PortfolioReader } from './ports';
import { programOf } from './program';

export interface ExportDeps {
  reader: Pick<WorkItemReader, 'getProject'>;
  portfolio: PortfolioReader;
  now: () => Date;
}

/** The planning pack holds whole specs: at most this many items, so the answer stays small. */
export const PACK_MAX_ITEMS = 500;

export interface ExportFile {
  fileName: string;
  mimeType: 'text/csv' | 'text/markdown';
  content: string;
  warnings: string[];
}

/**
 * The exports of a scope's JQL, read fresh as the user (so they hold exactly what the user may browse): the
 * table as CSV, or the Markdown planning pack with each item's planning record read in the same bulkfetch
 * batches. `name` starts the file name; the day is added.
 */
export async function exportScope(deps: Pick<ExportDeps, 'portfolio' | 'now'>, jql: string | null, title: string, name: string, format: 'csv' | 'markdown'): Promise<ExportFile> {
  const base = `${name}-${deps.now().toISOString().slice(0, 10)}`;
  if (format === 'csv') {
    const read = jql ? await deps.portfolio.rows(jql) : { rows: [], warnings: [] };
    return { fileName: `${base}.csv`, mimeType: 'text/csv', content: toCsv(read.rows), warnings: read.warnings };
  }
  const read = jql ? await deps.portfolio.rowsWithRecords(jql, PACK_MAX_ITEMS) : { rows: [], records: new Map(), warnings: [] };
  const content = planningPack({ title, generatedAt: deps.now().toISOString(), rows: read.rows, records: read.records, warnings: read.warnings });
  return { fileName: `${base}.md`, mimeType: 'text/markdown', content, warnings: read.warnings };
}

/** A project's exports: the project is resolved as the user first (a hidden one is "not found"). */
export async function exportPortfolio(deps: ExportDeps, projectKey: string, scope: PortfolioScope, format: 'csv' | 'markdown'): Promise<ExportFile> {
  const program = await programOf(deps, projectKey, scope);
  return exportScope(deps, program.jql, program.project.name, `planning-readiness-${program.project.key}`, format);
}
