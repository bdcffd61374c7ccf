import { linkToJqlFigures } from '../../bench/events/link-to-jql';

describe("the benchmark's event path", () => {
  it('measures a cycle link removed and created over REST until JQL flags it again, each run', async () => {
    const figures = await linkToJqlFigures(2);
    expect(figures.samplesMs).toHaveLength(2);
    for (const s of figures.samplesMs) expect(s).toBeGreaterThan(0);
    expect(figures.samplesMs).toContain(figures.medianMs);
  }, 120_000);
});
