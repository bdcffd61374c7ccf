import { backendFigures, NAIVE_CAP_N, warmUp, type BackendFigures, type StrategyFigures } from './backend';
import { scaleDocument, scaleTable, type SetupFigures, type UiFigures } from './report';
import { startScaleSite } from './scale-site';
import { firstLoadGzipBytes, launchBrowser, pageFirstRenderMs } from './ui';
import { dependencyMapFigures } from '../dependency-map/map-figures';

/**
 * `npm run bench:scale`: issue 13's program-scale figures, every size side by side in one run.
 *   --quick  500 items only, fewer page loads (about a minute)
 *   --json   print the JSON document instead of the table (progress goes to stderr)
 * Sizes run in ascending order: the naive way's capped figures are extrapolated from the 500-item run.
 */
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const SIZES = QUICK ? [NAIVE_CAP_N] : [NAIVE_CAP_N, 5_000, 20_000];
const UI_SIZES = new Set(QUICK ? [NAIVE_CAP_N] : [NAIVE_CAP_N, 5_000]);
const UI_RUNS = QUICK ? 3 : 7;

const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const setup: SetupFigures[] = [];
  const backend: BackendFigures[] = [];
  const ui: UiFigures = { pageFirstRenderMs: {}, pageFirstRenderSamplesMs: {}, firstLoadGzipBytes: firstLoadGzipBytes() };
  const naiveAtCap = new Map<number, StrategyFigures>();
  const browser = await launchBrowser();
  try {
    for (const n of SIZES) {
      log(`n=${n}: generating and loading...`);
      const scale = await startScaleSite(n);
      try {
        const data = scale.site.store.data;
        setup.push({ n, issues: data.issues.length, links: data.links.length, records: scale.program.ledgers.length, generateMs: scale.generateMs, bulkLoadMs: scale.loadMs });
        if (setup.length === 1) await warmUp(scale);
        backend.push(...(await backendFigures(scale, naiveAtCap, log)));
        if (UI_SIZES.has(n)) {
          log(`  n=${n}: project page in Chromium...`);
          const page = await pageFirstRenderMs(browser, scale, UI_RUNS);
          ui.pageFirstRenderMs[String(n)] = page.medianMs;
          ui.pageFirstRenderSamplesMs[String(n)] = page.samplesMs;
        }
      } finally {
        await scale.site.close();
      }
    }
    log('dependency map (1,000 nodes, 3,000 edges) in Chromium...');
    ui.dependencyMap = await dependencyMapFigures(browser, UI_RUNS);
  } finally {
    await browser.close();
  }
  console.log(args.has('--json') ? JSON.stringify(scaleDocument(setup, backend, ui), null, 2) : scaleTable(setup, backend, ui));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
