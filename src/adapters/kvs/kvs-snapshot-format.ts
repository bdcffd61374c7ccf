import { z } from 'zod';
import { fromStored, toStored } from '../jira/item-summary/stored-format';
import type { PortfolioRow } from '../../domain/portfolio/row';
import type { BaselineItem } from '../../domain/portfolio/drift';
import type { Baseline, PortfolioSnapshot, TrendPoint } from '../../application/portfolio/ports';

/**
 * The stored formats of the portfolio's KVS values (snapshot, trend, baseline), each with a schema version.
 * A row's facts are stored in the item summary's own stored format and read back through it, so a snapshot
 * taken before a summary change still reads.
 */
export const SNAPSHOT_SCHEMA_VERSION = 1;

const storedRow = z.object({
  id: z.string(),
  key: z.string(),
  summary: z.string(),
  projectKey: z.string(),
  issueType: z.string(),
  status: z.object({ name: z.string(), category: z.enum(['new', 'indeterminate', 'done']) }),
  team: z.string().nullable(),
  // Snapshots taken before rows kept the team's id read as rows without it.
  teamId: z.string().nullable().default(null),
  releases: z.array(z.string()),
  parentKey: z.string().nullable(),
  facts: z.unknown(),
});

const storedSnapshot = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  scopeKey: z.string(),
  scopeJql: z.string(),
  takenAt: z.string(),
  warnings: z.array(z.string()),
  rows: z.array(storedRow),
});

const state = z.enum(['READY', 'AT_RISK', 'NOT_READY']).nullable();
const storedBaselineItem = z.object({ id: z.string(), key: z.string(), summary: z.string(), estimateConfidence: z.number().nullable(), score: z.number().nullable(), state });
const storedBaseline = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  scopeKey: z.string(),
  scope: z.object({ release: z.string().nullable(), issueTypes: z.array(z.string()), statuses: z.array(z.string()), teams: z.array(z.string()).default([]), jql: z.string().nullable() }),
  committedBy: z.object({ accountId: z.string().min(1), displayName: z.string() }),
  committedAt: z.string(),
  items: z.array(storedBaselineItem),
});

export const trendPointSchema = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), total: z.number(), ready: z.number(), atRisk: z.number(), notReady: z.number(), notScored: z.number() });
export const storedTrend = z.object({ schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION), points: z.array(trendPointSchema) });

export function toStoredSnapshot(s: PortfolioSnapshot): z.infer<typeof storedSnapshot> {
  return { schemaVersion: SNAPSHOT_SCHEMA_VERSION, scopeKey: s.scopeKey, scopeJql: s.scopeJql, takenAt: s.takenAt, warnings: s.warnings, rows: s.rows.map((r) => ({ ...r, facts: r.facts ? toStored(r.facts) : null })) };
}

export function fromStoredSnapshot(raw: unknown): PortfolioSnapshot | null {
  const parsed = storedSnapshot.safeParse(raw);
  if (!parsed.success) return null;
  const { schemaVersion: _v, rows, ...rest } = parsed.data;
  return { ...rest, rows: rows.map((r): PortfolioRow => ({ ...r, facts: fromStored(r.facts) })) };
}

export function toStoredBaseline(b: Baseline): z.infer<typeof storedBaseline> {
  return { schemaVersion: SNAPSHOT_SCHEMA_VERSION, ...b };
}

export function fromStoredBaseline(raw: unknown): Baseline | null {
  const parsed = storedBaseline.safeParse(raw);
  if (!parsed.success) return null;
  const { schemaVersion: _v, items, ...rest } = parsed.data;
  return { ...rest, items: items.map((i): BaselineItem => ({ ...i })) };
}

export function fromStoredTrend(raw: unknown): TrendPoint[] {
  const parsed = storedTrend.safeParse(raw);
  return parsed.success ? parsed.data.points : [];
}
