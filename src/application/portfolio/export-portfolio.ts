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
 * The exports of a scope, read fresh as the user (so they hold exactly what the user may browse): the table
 * as CSV, or the Markdown planning pack with each item's planning record read in the same bulkfetch batches.
 */
export async function exportPortfolio(deps: ExportDeps, projectKey: string, scope: PortfolioScope, format: 'csv' | 'markdown'): Promise<ExportFile> {
  const program = await programOf(deps, projectKey, scope);
  const day = deps.now().toISOString().slice(0, 10);
  const base = `planning-readiness-${program.project.key}-${day}`;
  if (format === 'csv') {
    const read = program.jql ? await deps.portfolio.rows(program.jql) : { rows: [], warnings: [] };
    return { fileName: `${base}.csv`, mimeType: 'text/csv', content: toCsv(read.rows), warnings: read.warnings };
  }
  const read = program.jql ? await deps.portfolio.rowsWithRecords(program.jql, PACK_MAX_ITEMS) : { rows: [], records: new Map(), warnings: [] };
  const content = planningPack({ title: program.project.name, generatedAt: deps.now().toISOString(), rows: read.rows, records: read.records, warnings: read.warnings });
  return { fileName: `${base}.md`, mimeType: 'text/markdown', content, warnings: read.warnings };
}
