import { DEMO_USERS } from '../../local/jira/seed';
import { runInvocation } from '../../local/runtime/forge-runtime';
import { aggregationFigures, runSnapshot, SNAPSHOT_ONLY_ABOVE, type AggregationFigures } from './aggregation';
import { measure } from './measure';
import type { ScaleSite } from './scale-site';
import { CONCURRENCY, floorCriticalPath, STRATEGIES, type StrategyName } from './strategies';

/**
 * The backend figures of one program size: each way of reading it, at each injected Jira latency, through
 * `@forge/api` inside a Forge invocation as the project lead.
 *
 * The naive way makes one call per item: at 20,000 items and 300 ms that is over ten minutes of waiting.
 * Above NAIVE_CAP_N it is therefore run at 0 ms only (for its calls, bytes and memory), and its wall time
 * at a latency is extrapolated: its app side (wall time minus the emulator's busy time) linearly from the
 * NAIVE_CAP_N run at that latency, since its calls grow linearly with N, plus the emulator's busy time
 * measured at this N at 0 ms. Extrapolated figures say so (`extrapolatedFrom`).
 */
export const LATENCIES_MS = [0, 100, 300] as const;
export const NAIVE_CAP_N = 500;
/** A scheduled trigger's limit is 900 s; nothing here may take longer than that. */
const INVOCATION_LIMIT_MS = 900_000;

export interface StrategyFigures {
  jiraCalls: number;
  wallMs: number;
  peakRssMb: number;
  heapGrowthMb: number;
  jiraResponseBytes: number;
  /** Of wallMs, the time the in-process emulator was busy answering (see scale-site.ts timeEmulator). */
  emulatorBusyMs: number;
  /** Set when wallMs is extrapolated from a run on this many items rather than measured. */
  extrapolatedFrom?: number;
}

export interface BackendFigures {
  n: number;
  latencyMs: number;
  concurrency: number;
  strategies: Record<StrategyName, StrategyFigures>;
  /** Round trips on the floor's critical path, and what they cost at this latency alone. */
  floorCriticalPathCalls: number;
  floorCriticalPathMs: number;
  /** The app's own aggregation (issue 11) at this size and latency. */
  aggregation: AggregationFigures;
}

async function runStrategy(scale: ScaleSite, name: StrategyName): Promise<StrategyFigures> {
  const busyBefore = scale.emulatorBusyMs();
  const run = await measure(() => runInvocation({ moduleKey: 'bench-portfolio', accountId: DEMO_USERS.lead.accountId, timeoutMs: INVOCATION_LIMIT_MS }, () => STRATEGIES[name](scale.scopeJql)));
  const { rows, jiraResponseBytes } = run.value;
  // Every way must read the same program: all items, and a summary on each that has a record.
  const withSummary = rows.filter((r) => r.summary !== null).length;
  if (rows.length !== scale.n || withSummary !== scale.program.ledgers.length) {
    throw new Error(`${name} read ${rows.length} items (${withSummary} with a summary); the program has ${scale.n} (${scale.program.ledgers.length}).`);
  }
  const emulatorBusyMs = scale.emulatorBusyMs() - busyBefore;
  return { jiraCalls: run.jiraCalls, wallMs: run.wallMs, peakRssMb: run.peakRssMb, heapGrowthMb: run.heapGrowthMb, jiraResponseBytes, emulatorBusyMs };
}

/** Runs every way of reading `scale` at each latency; `naiveAtCap` holds the NAIVE_CAP_N figures by latency. */
export async function backendFigures(scale: ScaleSite, naiveAtCap: Map<number, StrategyFigures>, log: (line: string) => void): Promise<BackendFigures[]> {
  const out: BackendFigures[] = [];
  let naiveAtZero: StrategyFigures | undefined;
  for (const latencyMs of LATENCIES_MS) {
    scale.site.faults.setLatency({ jira: latencyMs });
    try {
      const strategies = {} as Record<StrategyName, StrategyFigures>;
      for (const name of Object.keys(STRATEGIES) as StrategyName[]) {
        const capped = name === 'naive' && latencyMs > 0 && scale.n > NAIVE_CAP_N;
        if (capped) {
          const small = naiveAtCap.get(latencyMs);
          if (!small || !naiveAtZero) throw new Error(`The naive way at ${scale.n} items and ${latencyMs} ms needs the ${NAIVE_CAP_N}-item run first.`);
          // The app's side (waiting and parsing; the 500-item run overlaps little) grows with the calls,
          // linearly with N; the emulator's time at this N is the one measured at 0 ms (its scans grow faster).
          const appSideMs = ((small.wallMs - small.emulatorBusyMs) * scale.n) / NAIVE_CAP_N;
          strategies.naive = { ...naiveAtZero, wallMs: appSideMs + naiveAtZero.emulatorBusyMs, extrapolatedFrom: NAIVE_CAP_N };
          continue;
        }
        log(`  n=${scale.n} latency=${latencyMs} ms: ${name}...`);
        strategies[name] = await runStrategy(scale, name);
      }
      log(`  n=${scale.n} latency=${latencyMs} ms: the app's aggregation...`);
      const aggregation = await aggregationFigures(scale);
      if (latencyMs === 0) naiveAtZero = strategies.naive;
      if (scale.n === NAIVE_CAP_N) naiveAtCap.set(latencyMs, strategies.naive);
      const path = floorCriticalPath(scale.n);
      out.push({ n: scale.n, latencyMs, concurrency: CONCURRENCY, strategies, floorCriticalPathCalls: path, floorCriticalPathMs: path * latencyMs, aggregation });
    } finally {
      scale.site.faults.setLatency({});
    }
  }
  return out;
}

/** One untimed pass of each way, so the first timed run does not pay for loading and compiling the code. */
export async function warmUp(scale: ScaleSite): Promise<void> {
  for (const name of Object.keys(STRATEGIES) as StrategyName[]) await runStrategy(scale, name);
}

/**
 * What the app has before a user opens the page: the daily snapshot (the first paint reads it), and the Team
 * field's id cached by a first read. Untimed; above SNAPSHOT_ONLY_ABOVE the snapshot itself is what is timed.
 */
export async function prepareApp(scale: ScaleSite): Promise<void> {
  if (scale.n <= SNAPSHOT_ONLY_ABOVE) await runSnapshot(scale);
}
