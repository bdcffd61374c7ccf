import { Queue } from '@forge/events';
import { rest, seenBy, shellPage, useEventsSite } from '../support/events-site';
import { USERS } from '../support/local-site';

/** Scheduled triggers, web triggers and the @forge/events queue of the fixture app on the offline runtime. */
const harness = useEventsSite();


describe('scheduledTrigger', () => {
  it('runs now from the test helper, as the app, with its module in the context', async () => {
    const run = await harness.site.events.runScheduled('daily-sweep');
    expect(run).toMatchObject({ key: 'daily-sweep', ok: true, result: { epics: expect.any(Number) as number } });
    expect((run.result as { epics: number }).epics).toBeGreaterThan(0); // asApp() sees every project
    const [call] = seenBy('onSchedule');
    expect(call!.payload).toEqual({ context: { cloudId: harness.site.store.data.cloudId, moduleKey: 'daily-sweep' } });
    expect(call!.accountId).toBeNull();
  });

  it("runs now from the host's button endpoint, for a signed-in user only", async () => {
    expect((await fetch(`${harness.site.url}/__forge/scheduled/daily-sweep/run`, { method: 'POST' })).status).toBe(401);
    const answer = await rest(harness.site, USERS.lead.email, 'POST', '/__forge/scheduled/daily-sweep/run', {});
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ key: 'daily-sweep', ok: true });
    expect(await shellPage(harness.site, USERS.lead.email, '/__local/events')).toContain('daily-sweep');
  });

  it('runs on its interval', async () => {
    await harness.restart({ schedule: true, secondsToMs: 0.0002 }); // a day is about 17 ms
    // Generous on a busy machine: a few intervals pass in well under the 5 s allowed.
    for (let waited = 0; seenBy('onSchedule').length < 2 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seenBy('onSchedule').length).toBeGreaterThanOrEqual(2);
  });
});

describe('webtrigger', () => {
  it('is listed at GET /__forge/webtriggers with the URL that webTrigger.getUrl() returns', async () => {
    const list = (await (await fetch(`${harness.site.url}/__forge/webtriggers`)).json()) as Record<string, string>;
    expect(Object.keys(list)).toEqual(['inbound-hook']);
    const url = list['inbound-hook']!;
    expect(url).toMatch(new RegExp(`^${harness.site.url}/x1/[A-Za-z0-9_-]{24}$`));
    const answer = await fetch(`${url}/orders/7?tag=a&tag=b`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-caller': 'test' }, body: '{"hello":1}' });
    expect(answer.status).toBe(202);
    expect(answer.headers.get('x-fixture')).toBe('yes');
    expect(await answer.json()).toEqual({ url, method: 'POST', userPath: '/orders/7' });
  });

  it("gives the function Forge's request shape and the app's identity", async () => {
    const url = harness.site.events.webTriggers.urlFor('inbound-hook');
    await fetch(`${url}?tag=a&tag=b`, { method: 'PUT', headers: { 'x-caller': 'test' }, body: 'plain text' });
    const [call] = seenBy('onWeb');
    expect(call!.payload).toMatchObject({
      method: 'PUT',
      body: 'plain text',
      path: new URL(url).pathname,
      queryParameters: { tag: ['a', 'b'] },
      headers: expect.objectContaining({ 'x-caller': ['test'] }) as unknown,
      context: { moduleKey: 'inbound-hook' },
    });
    expect(call!.accountId).toBeNull();
  });

  it('keeps its URL across restarts and answers 500 to an invalid response, 404 to an unknown id', async () => {
    const before = new URL(harness.site.events.webTriggers.urlFor('inbound-hook')).pathname;
    await harness.restart();
    expect(new URL(harness.site.events.webTriggers.urlFor('inbound-hook')).pathname).toBe(before);
    expect((await fetch(`${harness.site.url}${before}`, { method: 'DELETE' })).status).toBe(500);
    expect((await fetch(`${harness.site.url}/x1/no-such-trigger-id-000000`)).status).toBe(404);
  });
});

describe('@forge/events queue and consumer', () => {
  const queue = new Queue({ key: 'fixture-queue' });
  const bodies = (): unknown[] => seenBy('onQueue').map((s) => s.payload.body);

  it("delivers pushed events to the queue's consumer, honouring delayInSeconds", async () => {
    const { jobId } = await queue.push([{ body: { n: 'late' }, delayInSeconds: 60 }, { body: { n: 'early' } }]);
    await harness.site.events.drain();
    expect(bodies()).toEqual([{ n: 'early' }, { n: 'late' }]);
    expect(seenBy('onQueue')[0]!.payload).toMatchObject({ queueName: 'fixture-queue', jobId, eventId: expect.any(String) as string });
    expect(await queue.getStats(jobId)).toEqual({ success: 2, inProgress: 0, failed: 0 });
  });

  it('retries a failing consumer with backoff, and an InvocationError after its retryAfter', async () => {
    await queue.push([{ body: { failTimes: 2 } }, { body: { askRetry: true } }]);
    await harness.site.events.drain();
    const contexts = seenBy('onQueue').map((s) => [s.payload.body, s.payload.retryContext ?? null]);
    expect(contexts.filter(([b]) => (b as { failTimes?: number }).failTimes === 2).map(([, r]) => r)).toEqual([
      null,
      { retryCount: 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR', retryData: undefined },
      { retryCount: 2, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR', retryData: undefined },
    ]);
    expect(contexts.filter(([b]) => (b as { askRetry?: boolean }).askRetry).map(([, r]) => r)).toEqual([null, { retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { from: 'fixture' } }]);
  });

  it('gives up after 4 retries and counts the event as failed', async () => {
    const { jobId } = await queue.push({ body: { failTimes: 10 } });
    await harness.site.events.drain();
    expect(seenBy('onQueue')).toHaveLength(5);
    expect(await queue.getStats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  it('calls a resolver-style consumer with the body as its payload and the job in its context', async () => {
    const { jobId } = await new Queue({ key: 'fixture-resolver-queue' }).push({ body: { via: 'resolver' } });
    await harness.site.events.drain();
    const [call] = seenBy('onQueueResolver');
    expect(call!.payload).toMatchObject({ payload: { via: 'resolver' }, context: { queueName: 'fixture-resolver-queue', jobId, eventId: expect.any(String) as string } });
  });

  it('takes at most 50 events and 200 KB per push', async () => {
    await expect(queue.push(Array.from({ length: 51 }, (_, n) => ({ body: { n } })))).rejects.toThrow(/more than the 50 events/);
    // The platform enforces the limits too, whatever the client sends.
    const tooMany = harness.site.events.asyncEvents.push({ queueName: 'fixture-queue', jobId: 'j1', payload: Array.from({ length: 51 }, () => ({ body: {} })) });
    const tooBig = harness.site.events.asyncEvents.push({ queueName: 'fixture-queue', jobId: 'j2', payload: [{ body: { text: 'x'.repeat(201 * 1024) } }] });
    expect([tooMany.status, tooBig.status]).toEqual([413, 413]);
    expect(seenBy('onQueue')).toHaveLength(0);
  });
});
