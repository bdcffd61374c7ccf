import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { observeProductCalls } from '../../local/runtime/forge-runtime';

/**
 * One measured run: wall time, the Jira calls the emulator saw, and peak memory. The bench process also
 * holds the emulated site, so the peak RSS is the whole process's; the heap growth (peak minus the
 * heap before the run, after a full GC when `--expose-gc` is on) is what the run itself allocated.
 */
export interface Measured<T> {
  value: T;
  wallMs: number;
  jiraCalls: number;
  peakRssMb: number;
  heapGrowthMb: number;
}

const MB = 1024 * 1024;
const SAMPLE_EVERY_MS = 5;

export async function measure<T>(run: () => Promise<T>): Promise<Measured<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = getHeapStatistics().used_heap_size;
  let peakRss = process.memoryUsage.rss();
  let peakHeap = heapBefore;
  const sample = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  };
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);
  let jiraCalls = 0;
  const stop = observeProductCalls((call) => {
    if (call.service === 'jira') jiraCalls += 1;
  });
  const started = performance.now();
  try {
    const value = await run();
    const wallMs = performance.now() - started;
    sample();
    return { value, wallMs, jiraCalls, peakRssMb: peakRss / MB, heapGrowthMb: (peakHeap - heapBefore) / MB };
  } finally {
    clearInterval(sampler);
    stop();
  }
}
