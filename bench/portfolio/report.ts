import { cpus, freemem, release, totalmem, type } from 'node:os';
import type { BackendFigures, StrategyFigures } from './backend';
import type { MapFigures } from '../dependency-map/map-figures';

/**
 * The program-scale results: the JSON document of issue 13 (its keys, with null for a figure not measured,
 * and `pending` saying why) and a table for people, with the targets next to the figures.
 *
 * To add a UI figure: measure it in its own file, put it in `UiFigures.extra` from run.ts, and give it a
 * PENDING reason here for runs that do not measure it.
 */
export interface SetupFigures {
  n: number;
  issues: number;
  links: number;
  records: number;
  generateMs: number;
  bulkLoadMs: number;
}

export interface UiFigures {
  pageFirstRenderMs: Record<string, number>;
  pageFirstRenderSamplesMs: Record<string, number[]>;
  firstLoadGzipBytes: Record<string, number>;
  scrollJankFrames: number | null;
  /** The scroll's table size, frames and longest frame. */
  scrollFrames: { n: number; frames: number; longestFrameMs: number } | null;
  panelFirstRenderMs: number | null;
  /** The dependency map of 1,000 nodes and 3,000 edges (bench/dependency-map). */
  dependencyMap?: MapFigures;
  /** Figures added by other harness files, by their key in `ui`. */
  extra: Record<string, number | null>;
}

export const emptyUiFigures = (firstLoadGzipBytes: Record<string, number>): UiFigures => ({
  pageFirstRenderMs: {},
  pageFirstRenderSamplesMs: {},
  firstLoadGzipBytes,
  scrollJankFrames: null,
  scrollFrames: null,
  panelFirstRenderMs: null,
  extra: {},
});

/** Why a figure is null, by its path in the document. */
const PENDING: Record<string, string> = {
  'events.linkToJqlMs': 'not measured in this run',
  'ui.dependencyMap1000Ms': 'not measured in this run',
  'ui.scrollJankFrames': 'not measured in this run',
  'ui.panelFirstRenderMs': 'not measured in this run',
};

/** Issue 11 and 13's targets, with the figure each is checked against. */
const TARGET_CALLS_5000 = 52;
const TARGET_FRESH_MS = 4_000;
const TARGET_COMPUTE_MS = 200;
const TARGET_PAINT_MS = 1_000;
const TARGET_SNAPSHOT_MS = 900_000;
const TARGET_PANEL_GZIP = 150 * 1024;
const TARGET_MAP_MS = 1_500;
const TARGET_LINK_TO_JQL_MS = 5_000;

/** The event path (issue 13): a link created over REST to the changed `dependencyCycle` in JQL; null when not measured. */
export interface EventFigures {
  linkToJql: { medianMs: number; samplesMs: number[] } | null;
}

const round = (x: number): number => Math.round(x);

export function scaleDocument(setup: SetupFigures[], backend: BackendFigures[], ui: UiFigures, eventFigures: EventFigures): Record<string, unknown> {
  const uiDoc: Record<string, unknown> = {
    pageFirstRenderMs: mapValues(ui.pageFirstRenderMs, round),
    pageFirstRenderSamplesMs: mapValues(ui.pageFirstRenderSamplesMs, (s) => s.map(round)),
    scrollJankFrames: ui.scrollJankFrames,
    scrollFrames: ui.scrollFrames && { n: ui.scrollFrames.n, frames: ui.scrollFrames.frames, longestFrameMs: round(ui.scrollFrames.longestFrameMs) },
    dependencyMap1000Ms: ui.dependencyMap ? round(ui.dependencyMap.medianMs) : null,
    dependencyMap1000SamplesMs: ui.dependencyMap?.samplesMs.map(round) ?? null,
    panelFirstRenderMs: ui.panelFirstRenderMs === null ? null : round(ui.panelFirstRenderMs),
    firstLoadGzipBytes: ui.firstLoadGzipBytes,
    ...ui.extra,
  };
  const events = { linkToJqlMs: eventFigures.linkToJql ? round(eventFigures.linkToJql.medianMs) : null, linkToJqlSamplesMs: eventFigures.linkToJql?.samplesMs.map(round) ?? null };
  const pending = Object.fromEntries(
    Object.entries(PENDING).filter(([path]) => {
      const [section, key] = path.split('.') as [string, string];
      return (section === 'ui' ? uiDoc : (events as Record<string, unknown>))[key] === null;
    }),
  );
  return {
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), freeMemoryGiB: +(freemem() / 2 ** 30).toFixed(1), os: `${type()} ${release()}`, node: process.version },
    date: new Date().toISOString(),
    setup: setup.map((s) => ({ ...s, generateMs: round(s.generateMs), bulkLoadMs: round(s.bulkLoadMs) })),
    portfolio: backend.map((b) => ({
      n: b.n,
      latencyMs: b.latencyMs,
      aggregationPath: b.aggregation.path,
      jiraCalls: b.aggregation.jiraCalls,
      naiveJiraCalls: b.strategies.naive.jiraCalls,
      sequentialJiraCalls: b.strategies.sequential.jiraCalls,
      floorJiraCalls: b.strategies.floor.jiraCalls,
      wallMs: round(b.aggregation.wallMs),
      naiveWallMs: round(b.strategies.naive.wallMs),
      naiveWallExtrapolatedFrom: b.strategies.naive.extrapolatedFrom ?? null,
      sequentialWallMs: round(b.strategies.sequential.wallMs),
      floorWallMs: round(b.strategies.floor.wallMs),
      concurrency: b.concurrency,
      floorCriticalPathCalls: b.floorCriticalPathCalls,
      floorCriticalPathMs: b.floorCriticalPathMs,
      computeMs: +b.aggregation.computeMs.toFixed(2),
      peakRssMb: round(b.aggregation.peakRssMb),
      responseBytes: b.aggregation.responseBytes,
      snapshotPaint: b.aggregation.snapshotPaint && { jiraCalls: b.aggregation.snapshotPaint.jiraCalls, wallMs: round(b.aggregation.snapshotPaint.wallMs), responseBytes: b.aggregation.snapshotPaint.responseBytes },
      strategies: Object.fromEntries(
        Object.entries(b.strategies).map(([name, f]) => [
          name,
          { wallMs: round(f.wallMs), emulatorBusyMs: round(f.emulatorBusyMs), wallMinusEmulatorMs: round(f.wallMs - f.emulatorBusyMs), peakRssMb: round(f.peakRssMb), heapGrowthMb: round(f.heapGrowthMb), jiraResponseBytes: f.jiraResponseBytes },
        ]),
      ),
    })),
    events,
    ui: uiDoc,
    targets: targetChecks(backend, ui, eventFigures).map(({ target, figure, met }) => ({ target, figure, met })),
    pending,
  };
}

function mapValues<A, B>(record: Record<string, A>, fn: (a: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}

const kb = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
const ms = (x: number): string => `${Math.round(x).toLocaleString('en')} ms`;

interface TargetCheck {
  target: string;
  figure: string;
  met: boolean | null;
}

/** Each target of issues 11 and 13 against the figure this run measured (null: not measured in this run). */
export function targetChecks(backend: BackendFigures[], ui: UiFigures, events: EventFigures): TargetCheck[] {
  const at = (n: number, latencyMs: number): BackendFigures | undefined => backend.find((b) => b.n === n && b.latencyMs === latencyMs);
  const big = at(5_000, 300);
  const huge = at(20_000, 300);
  const check = (target: string, value: number | undefined, limit: number, show: (x: number) => string): TargetCheck =>
    value === undefined ? { target, figure: 'not measured in this run', met: null } : { target, figure: show(value), met: value <= limit };
  const panel = ui.firstLoadGzipBytes['issue-panel'];
  return [
    check('5,000 items: Jira calls <= 52', big?.aggregation.jiraCalls, TARGET_CALLS_5000, String),
    check('5,000 items: fresh aggregation <= 4 s at 300 ms', big?.aggregation.wallMs, TARGET_FRESH_MS, ms),
    check('5,000 items: compute <= 200 ms', big?.aggregation.computeMs, TARGET_COMPUTE_MS, (x) => `${x.toFixed(1)} ms`),
    check('5,000 items: first paint from the snapshot <= 1 s (resolver, 300 ms)', big?.aggregation.snapshotPaint?.wallMs, TARGET_PAINT_MS, ms),
    check('5,000 items: first table row in Chromium <= 1 s (300 ms)', ui.pageFirstRenderMs['5000'], TARGET_PAINT_MS, ms),
    check('20,000 items: scheduled snapshot <= 900 s at 300 ms', huge?.aggregation.wallMs, TARGET_SNAPSHOT_MS, ms),
    check('issue panel first load <= 150 KB gzip', panel, TARGET_PANEL_GZIP, kb),
    check('dependency map of 1,000 nodes <= 1.5 s', ui.dependencyMap?.medianMs, TARGET_MAP_MS, ms),
    check('a link change reflected in JQL (dependencyCycle) <= 5 s', events.linkToJql?.medianMs, TARGET_LINK_TO_JQL_MS, ms),
  ];
}

/** A plain-text table of the figures (what `npm run bench` prints without --json). */
export function scaleTable(setup: SetupFigures[], backend: BackendFigures[], ui: UiFigures, events: EventFigures): string {
  const lines: string[] = [];
  lines.push('Program setup: n, issues, links, records, generate, bulk load');
  for (const s of setup) lines.push(`  ${s.n}\t${s.issues}\t${s.links}\t${s.records}\t${ms(s.generateMs)}\t${ms(s.bulkLoadMs)}`);
  lines.push('', "The app's aggregation: n, latency | path | Jira calls | wall | compute | peak RSS | response | first paint from the snapshot (calls, wall, answer)");
  for (const b of backend) {
    const a = b.aggregation;
    const paint = a.snapshotPaint ? `${a.snapshotPaint.jiraCalls}\t${ms(a.snapshotPaint.wallMs)}\t${kb(a.snapshotPaint.responseBytes)}` : '-';
    lines.push(`  ${b.n}\t${b.latencyMs} ms | ${a.path} | ${a.jiraCalls} | ${ms(a.wallMs)} | ${a.computeMs.toFixed(1)} ms | ${Math.round(a.peakRssMb)} MB | ${kb(a.responseBytes)} | ${paint}`);
  }
  lines.push('', 'Reading the program: n, latency | naive calls, wall (minus emulator) | sequential calls, wall (minus emulator) | floor calls, wall (minus emulator), critical path | floor peak RSS, Jira bytes');
  lines.push('  (minus emulator: the wall time less the time the in-process emulator was busy answering; a lower bound when calls overlap)');
  for (const b of backend) {
    const { naive, sequential, floor } = b.strategies;
    const extrapolated = naive.extrapolatedFrom ? ` extrapolated from ${naive.extrapolatedFrom}` : '';
    const wall = (f: StrategyFigures): string => `${ms(f.wallMs)} (${ms(f.wallMs - f.emulatorBusyMs)})`;
    lines.push(
      `  ${b.n}\t${b.latencyMs} ms | ${naive.jiraCalls}\t${wall(naive)}${extrapolated} | ${sequential.jiraCalls}\t${wall(sequential)} | ${floor.jiraCalls}\t${wall(floor)}\t${b.floorCriticalPathCalls} calls = ${ms(b.floorCriticalPathMs)} | ${Math.round(floor.peakRssMb)} MB\t${kb(floor.jiraResponseBytes)}`,
    );
  }
  lines.push('', 'UI: project page first table row (median)');
  for (const [n, value] of Object.entries(ui.pageFirstRenderMs)) lines.push(`  n=${n}\t${ms(value)}`);
  if (ui.scrollJankFrames !== null && ui.scrollFrames) lines.push(`Scrolling the ${ui.scrollFrames.n.toLocaleString('en')}-row table: ${ui.scrollJankFrames} of ${ui.scrollFrames.frames} frames over 50 ms (longest ${ms(ui.scrollFrames.longestFrameMs)})`);
  if (ui.dependencyMap) lines.push(`UI: dependency map, ${ui.dependencyMap.nodes} nodes and ${ui.dependencyMap.edges} edges, layout and render (median)\t${ms(ui.dependencyMap.medianMs)}`);
  if (ui.panelFirstRenderMs !== null) lines.push(`Issue panel first render (median): ${ms(ui.panelFirstRenderMs)}`);
  for (const [key, value] of Object.entries(ui.extra)) lines.push(`${key}: ${value === null ? 'not measured' : value}`);
  lines.push('First-load JavaScript, gzip:');
  for (const [app, bytes] of Object.entries(ui.firstLoadGzipBytes)) lines.push(`  ${app}\t${kb(bytes)}`);
  lines.push('', 'Targets:');
  if (events.linkToJql) lines.push(`Event path: a link created over REST to dependencyCycle in JQL (median)\t${ms(events.linkToJql.medianMs)}`);
  for (const t of targetChecks(backend, ui, events)) lines.push(`  ${t.met === null ? '-   ' : t.met ? 'met ' : 'MISS'}  ${t.target}: ${t.figure}`);
  return lines.join('\n');
}
