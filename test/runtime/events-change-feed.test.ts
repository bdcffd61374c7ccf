import { ChangeFeed, type SiteChange } from '../../local/jira/changes';

/** The emulator's one write path: persist, then emit, in commit order, attributed to the user or the app. */
const now = (): Date => new Date('2026-11-25T12:00:00Z');
const lead = { kind: 'user' as const, accountId: 'lead' };
const change = (propertyKey: string) => ({ type: 'issue-property:set' as const, issueId: '10001', propertyKey });

function feedWith(persist: () => void | Promise<void>, appIsCalling = (): boolean => false): { feed: ChangeFeed; seen: SiteChange[] } {
  const feed = new ChangeFeed({ persist, now, appIsCalling });
  const seen: SiteChange[] = [];
  feed.subscribe((c) => seen.push(c));
  return { feed, seen };
}

describe('ChangeFeed', () => {
  it('persists, then emits at once when the store persists synchronously', () => {
    const order: string[] = [];
    const { feed, seen } = feedWith(() => void order.push('persist'));
    feed.subscribe(() => order.push('emit'));
    const committed = feed.commit(change('a'), lead);
    expect(order).toEqual(['persist', 'emit']);
    expect(seen).toEqual([{ ...change('a'), sequence: 1, actor: { accountId: 'lead', viaApp: false }, at: '2026-11-25T12:00:00.000Z' }]);
    expect(committed.sequence).toBe(1);
  });

  it('emits only once an asynchronous persist resolves, in commit order, and never a change that was not persisted', async () => {
    const resolvers: Array<() => void> = [];
    const rejecters: Array<(e: Error) => void> = [];
    const { feed, seen } = feedWith(() => new Promise<void>((resolve, reject) => (resolvers.push(resolve), rejecters.push(reject))));
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    feed.commit(change('first'), lead);
    feed.commit(change('lost'), lead);
    feed.commit(change('third'), lead);
    resolvers[2]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([]); // the first is not on disk yet
    resolvers[0]!();
    rejecters[1]!(new Error('disk full'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.map((c) => (c as { propertyKey: string }).propertyKey)).toEqual(['first', 'third']);
    errors.mockRestore();
  });

  it("attributes asApp() writes and writes made while the app's code runs to the app", () => {
    let appRunning = false;
    const { feed, seen } = feedWith(() => undefined, () => appRunning);
    feed.commit(change('by-user'), lead);
    feed.commit(change('as-app'), { kind: 'app' });
    appRunning = true;
    feed.commit(change('as-user-from-the-app'), lead);
    expect(seen.map((c) => c.actor)).toEqual([
      { accountId: 'lead', viaApp: false },
      { accountId: null, viaApp: true },
      { accountId: 'lead', viaApp: true },
    ]);
  });

  it('does not fail the write when a listener throws', () => {
    const { feed, seen } = feedWith(() => undefined);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    feed.subscribe(() => {
      throw new Error('listener bug');
    });
    expect(() => feed.commit(change('a'), lead)).not.toThrow();
    expect(seen).toHaveLength(1);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
