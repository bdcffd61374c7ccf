import { kvs } from '@forge/kvs';
import type { Baseline, BaselineStore, PortfolioSnapshot, SnapshotStore, TrendPoint, TrendStore } from '../../application/portfolio/ports';
import { kvsCall } from './kvs-call';
import { loadChunked, saveChunked } from './kvs-snapshot-chunks';
import { fromStoredBaseline, fromStoredSnapshot, fromStoredTrend, SNAPSHOT_SCHEMA_VERSION, toStoredBaseline, toStoredSnapshot } from './kvs-snapshot-format';

/** The portfolio's values in Forge KVS (only the app reads or writes them); keys per scope (`project:PAY`). */
export const TREND_DAYS = 90;

const generationOf = (at: string): string => Date.parse(at).toString(36);

export class KvsSnapshotStore implements SnapshotStore {
  async load(scopeKey: string): Promise<PortfolioSnapshot | null> {
    return fromStoredSnapshot(await loadChunked(`snapshot:${scopeKey}`));
  }

  async save(snapshot: PortfolioSnapshot): Promise<void> {
    await saveChunked(`snapshot:${snapshot.scopeKey}`, toStoredSnapshot(snapshot), generationOf(snapshot.takenAt));
  }
}

export class KvsBaselineStore implements BaselineStore {
  async load(scopeKey: string): Promise<Baseline | null> {
    return fromStoredBaseline(await loadChunked(`snapshot-baseline:${scopeKey}`));
  }

  async save(baseline: Baseline): Promise<void> {
    await saveChunked(`snapshot-baseline:${baseline.scopeKey}`, toStoredBaseline(baseline), generationOf(baseline.committedAt));
  }
}

export class KvsTrendStore implements TrendStore {
  async load(scopeKey: string): Promise<TrendPoint[]> {
    return fromStoredTrend(await kvsCall('trend read', () => kvs.get(`snapshot-trend:${scopeKey}`)));
  }

  /** Written only by the daily snapshot (one writer a day), so a read-modify-write needs no lease. */
  async record(scopeKey: string, point: TrendPoint): Promise<TrendPoint[]> {
    const points = [...(await this.load(scopeKey)).filter((p) => p.date !== point.date), point].sort((a, b) => a.date.localeCompare(b.date)).slice(-TREND_DAYS);
    await kvsCall('trend write', () => kvs.set(`snapshot-trend:${scopeKey}`, { schemaVersion: SNAPSHOT_SCHEMA_VERSION, points }));
    return points;
  }
}
