import { cpus, freemem, release, totalmem, type } from 'node:os';
import type { BackendFigures, StrategyFigures } from './backend';
import type { MapFigures } from '../dependency-map/map-figures';

/**
 * The program-scale results: the JSON document of issue 13 (its keys, with null for a figure whose
 * capability does not exist yet, and `pending` naming the issue it waits for) and a table for people.
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
  /** The dependency map of 1,000 nodes and 3,000 edges (bench/dependency-map). */
  dependencyMap?: MapFigures;
}

const round = (x: number): number => Math.round(x);

export function scaleDocument(setup: SetupFigures[], backend: BackendFigures[], ui: UiFigures): Record<string, unknown> {
  return {
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), freeMemoryGiB: +(freemem() / 2 ** 30).toFixed(1), os: `${type()} ${release()}`, node: process.version },
    date: new Date().toISOString(),
    setup: setup.map((s) => ({ ...s, generateMs: round(s.generateMs), bulkLoadMs: round(s.bulkLoadMs) })),
    portfolio: backend.map((b) => ({
      n: b.n,
      latencyMs: b.latencyMs,
      jiraCalls: null,
      naiveJiraCalls: b.strategies.naive.jiraCalls,
      sequentialJiraCalls: b.strategies.sequential.jiraCalls,
      floorJiraCalls: b.strategies.floor.jiraCalls,
      wallMs: null,
      naiveWallMs: round(b.strategies.naive.wallMs),
      naiveWallExtrapolatedFrom: b.strategies.naive.extrapolatedFrom ?? null,
      sequentialWallMs: round(b.strategies.sequential.wallMs),
      floorWallMs: round(b.strategies.floor.wallMs),
      concurrency: b.concurrency,
      floorCriticalPathCalls: b.floorCriticalPathCalls,
      floorCriticalPathMs: b.floorCriticalPathMs,
      computeMs: null,
      peakRssMb: null,
      responseBytes: null,
      strategies: Object.fromEntries(
        Object.entries(b.strategies).map(([name, f]) => [
          name,
          { wallMs: round(f.wallMs), emulatorBusyMs: round(f.emulatorBusyMs), wallMinusEmulatorMs: round(f.wallMs - f.emulatorBusyMs), peakRssMb: round(f.peakRssMb), heapGrowthMb: round(f.heapGrowthMb), jiraResponseBytes: f.jiraResponseBytes },
        ]),
      ),
    })),
    events: { linkToJqlMs: null },
    ui: {
      pageFirstRenderMs: mapValues(ui.pageFirstRenderMs, round),
      pageFirstRenderSamplesMs: mapValues(ui.pageFirstRenderSamplesMs, (s) => s.map(round)),
      scrollJankFrames: null,
      dependencyMap1000Ms: ui.dependencyMap ? round(ui.dependencyMap.medianMs) : null,
      dependencyMap1000SamplesMs: ui.dependencyMap?.samplesMs.map(round) ?? null,
      panelFirstRenderMs: null,
      firstLoadGzipBytes: ui.firstLoadGzipBytes,
    },
    pending: {
      'portfolio[].jiraCalls, wallMs, computeMs, peakRssMb, responseBytes': 'the portfolio aggregation and its resolver (issue 11); the strategies measure what exists: reading the program from Jira',
      'events.linkToJqlMs': 'the dependencyCycle summary written on a link event (issue 9)',
      'ui.scrollJankFrames': 'the 5,000-row table of the readiness page (issue 11); today the project page lists 50 items a page',
      'ui.panelFirstRenderMs': 'not measured by this harness yet',
    },
  };
}

function mapValues<A, B>(record: Record<string, A>, fn: (a: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}

const kb = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
const ms = (x: number): string => `${Math.round(x).toLocaleString('en')} ms`;

/** A plain-text table of the figures (what `npm run bench:scale` prints without --json). */
export function scaleTable(setup: SetupFigures[], backend: BackendFigures[], ui: UiFigures): string {
  const lines: string[] = [];
  lines.push('Program setup: n, issues, links, records, generate, bulk load');
  for (const s of setup) lines.push(`  ${s.n}\t${s.issues}\t${s.links}\t${s.records}\t${ms(s.generateMs)}\t${ms(s.bulkLoadMs)}`);
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
  if (ui.dependencyMap) lines.push(`UI: dependency map, ${ui.dependencyMap.nodes} nodes and ${ui.dependencyMap.edges} edges, layout and render (median)\t${ms(ui.dependencyMap.medianMs)}`);
  lines.push('First-load JavaScript, gzip:');
  for (const [app, bytes] of Object.entries(ui.firstLoadGzipBytes)) lines.push(`  ${app}\t${kb(bytes)}`);
  return lines.join('\n');
}
