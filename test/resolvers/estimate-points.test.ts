import type { LocalSite } from '../../local/host/site';
import { CUSTOM_FIELDS } from '../../local/jira/present';
import { basicAuth, startTestSite, USERS } from '../support/local-site';
import { ok } from '../support/planning-site';
import { portfolioExport, portfolioSnapshot, portfolioView, takeSnapshotNow } from '../support/portfolio-site';

/** The estimate against the bottom-up points of a demo item whose estimate diverges, through the real resolvers. */
let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

/** The story points of the story-level issues below an item, straight from the emulator's data. */
function storiesBelow(key: string): typeof site.store.data.issues {
  const { issues, issueTypes } = site.store.data;
  const level = (typeId: string): number => issueTypes.find((t) => t.id === typeId)?.hierarchyLevel ?? 0;
  const below = (id: string): typeof issues => issues.filter((i) => i.parentId === id).flatMap((c) => [c, ...below(c.id)]);
  return below(issues.find((i) => i.key === key)!.id).filter((i) => level(i.issueTypeId) === 0);
}
const storyPointsBelow = (key: string): number => storiesBelow(key).reduce((sum, i) => sum + (i.storyPoints ?? 0), 0);
const bottomUpOf = async (key: string): Promise<number | null | undefined> =>
  ok(await portfolioView(site, 'PAY', USERS.lead.accountId)).rows.find((r) => r.key === key)?.estimateCheck?.bottomUpPoints;

describe('the estimate against the bottom-up points of PAY-7 (estimated before its stories were written)', () => {
  it('is in the table row, the CSV and the planning pack with its numbers, and in the snapshot', async () => {
    const points = storyPointsBelow('PAY-7');
    // The demo estimates PAY-7 at 1 to a third of its stories' points.
    const high = Math.max(1, Math.floor(points / 3));
    expect(points).toBeGreaterThan(high);

    const pay7 = ok(await portfolioView(site, 'PAY', USERS.lead.accountId)).rows.find((r) => r.key === 'PAY-7')!;
    expect(pay7.estimateCheck).toMatchObject({ agreement: 'DIVERGES', estimate: { size: null, low: 1, high }, bottomUpPoints: points });

    const words = `Diverges from the stories: 1-${high} pts vs ${points} pts (${pay7.estimateCheck!.estimatedStories} of ${pay7.estimateCheck!.stories} stories estimated)`;
    const csv = ok(await portfolioExport(site, 'PAY', USERS.lead.accountId, 'csv')).content;
    expect(csv.split('\r\n').find((l) => l.startsWith('PAY-7,'))).toContain(`,2,${words},`);
    const md = ok(await portfolioExport(site, 'PAY', USERS.lead.accountId, 'markdown')).content;
    expect(md.slice(md.indexOf('## PAY-7:'))).toContain(`- Estimate: confidence 2/5; against the bottom-up points: ${words}`);

    await takeSnapshotNow(site);
    const snapshot = ok(await portfolioSnapshot(site, 'PAY', USERS.lead.accountId));
    expect(snapshot?.rows.find((r) => r.key === 'PAY-7')?.estimateCheck).toEqual(pay7.estimateCheck);
  });

  it("follows a story's points when they change in Jira (the product event refreshes the facts)", async () => {
    const story = storiesBelow('PAY-7').find((i) => i.storyPoints !== null)!;
    const [original, before] = [story.storyPoints!, storyPointsBelow('PAY-7')];
    const setPoints = async (points: number): Promise<void> => {
      const res = await fetch(`${site.url}/rest/api/3/issue/${story.key}`, {
        method: 'PUT',
        headers: { authorization: basicAuth(USERS.lead.email), 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { [CUSTOM_FIELDS.storyPoints.id]: points } }),
      });
      expect(res.status).toBe(204);
      await site.events.drain();
    };
    expect(await bottomUpOf('PAY-7')).toBe(before);
    try {
      await setPoints(original + 5);
      expect(await bottomUpOf('PAY-7')).toBe(before + 5);
    } finally {
      // Leaves the demo as it found it, so the other test reads the seed's numbers in any order.
      await setPoints(original);
    }
  });
});
