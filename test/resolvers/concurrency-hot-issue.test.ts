import type { LocalSite } from '../../local/host/site';
import { dependencyTarget, editors, eventDriver, expectNoLostUpdate, expectSummaryAgrees, riskTarget, settle, SECTIONS, specTarget, writer, type Target } from '../support/concurrency';
import { startTestSite } from '../support/local-site';

/**
 * Issue 14, concurrency on ONE issue: 50 writers x 20 edits on a single feature, across its spec sections,
 * two risks and two dependencies, with JIRA_LATENCY_MS=150 and product events running the app's triggers on
 * the same issue. Every write to an issue holds its lease (ADR 0002), so the issue takes about one write a
 * second: each writer sends each of its 20 edits once, from a fresh read, and is told when it was refused (a
 * conflict, or the issue busy for longer than the wait a resolver can afford). Nothing acknowledged is lost,
 * nothing refused is half saved, and the summary agrees with the records at the end.
 * (The ten-issue test, concurrency-features, sends every refused edit again until it lands.)
 */
const ISSUE = 'PAY-17';
const WRITERS = 50;
const EDITS = 20;
const PLATFORM_SECOND_MS = 20;

let site: LocalSite;
afterAll(() => site.close());

it('on one hot issue: no acknowledged edit is lost, every refused writer is told, the summary agrees', async () => {
  site = await startTestSite({ events: { secondsToMs: PLATFORM_SECOND_MS } });
  await site.events.drain();
  const features: Target[] = [
    ...SECTIONS.map((section) => specTarget(site, ISSUE, section)),
    await riskTarget(site, ISSUE, 'Hot issue risk A'),
    await riskTarget(site, ISSUE, 'Hot issue risk B'),
    await dependencyTarget(site, ISSUE, 'Hot issue team A'),
    await dependencyTarget(site, ISSUE, 'Hot issue team B'),
  ];
  const people = editors(site);

  site.faults.setLatency({ jira: 150 });
  const started = Date.now();
  const stop = { done: false };
  const events = eventDriver(site, [ISSUE], stop);
  const runs = await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(features[w % features.length]!, people[w % people.length]!, w, EDITS, false))).finally(() => {
    stop.done = true;
  });
  const rounds = await events;
  const seconds = (Date.now() - started) / 1000;
  site.faults.setLatency({ jira: 0 });
  await settle(site);

  const counted = await expectNoLostUpdate(runs);
  console.info(`[concurrency-hot-issue] ${WRITERS} writers x ${EDITS} edits on ${ISSUE} in ${seconds.toFixed(1)} s: ${counted.acks} saved, ${counted.conflicts} conflicts, ${counted.busy} busy, ${rounds} rounds of events`);
  // Every edit was either saved or refused with a reason told to its writer.
  expect(counted.acks + counted.conflicts + counted.busy).toBe(WRITERS * EDITS);
  // Writers sharing a target saw each other's edits, and every target took edits.
  expect(counted.conflicts).toBeGreaterThan(0);
  for (const target of features) expect(runs.some((r) => r.target === target && r.acks.length > 0)).toBe(true);
  await expectSummaryAgrees(site, ISSUE);
}, 1_200_000);
