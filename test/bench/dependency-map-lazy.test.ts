import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { firstLoadScripts } from '../../bench/portfolio/ui';
import { ROOT } from '../support/paths';

/**
 * The dependency map (React Flow and dagre, about 78 KB gzip) must be loaded lazily by whatever panel or
 * page shows it, so no app's first paint pays for it. Checks the built apps' first-load JavaScript (the
 * same files `firstLoadGzipBytes` weighs) for text only those libraries contain.
 */
const MARKERS = [
  { library: '@xyflow/react', file: 'node_modules/@xyflow/react/dist/esm/index.js', text: 'react-flow__renderer' },
  { library: '@dagrejs/dagre', file: 'node_modules/@dagrejs/dagre/dist/dagre.esm.js', text: 'Not possible to find intersection inside of the rectangle' },
];

describe('the dependency map in the built apps', () => {
  it('marks each library with text that survives minification', () => {
    for (const { file, text } of MARKERS) expect(readFileSync(join(ROOT, file), 'utf8')).toContain(text);
  });

  it('is in no app\'s first-load JavaScript', () => {
    const built = firstLoadScripts();
    const apps = readdirSync(join(ROOT, 'static'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(ROOT, 'static', d.name, 'index.html')));
    for (const app of apps) if (!built[app.name]) throw new Error(`static/${app.name} is not built: run npm run build first.`);
    const found = Object.entries(built).flatMap(([app, files]) => files.flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return MARKERS.filter((m) => code.includes(m.text)).map((m) => `${m.library} in static/${app}'s first load (${basename(file)})`);
    }));
    expect(found).toEqual([]);
  });
});
