import type { ChangeFeed, SiteChange } from '../../jira/changes';
import type { SiteData } from '../../jira/model';
import { backgroundLimit, invokeFunction, type AppFunctions } from './app-functions';
import type { AttemptOutcome, DeliveryQueue } from './delivery';
import { retryRequest } from './delivery';
import { compileFilterExpression, ExpressionEvaluationError, type CompiledExpression } from './filter-expression';
import type { TriggerModule } from './manifest-modules';
import { toProductEvents, type ProductEvent } from './product-events';

/**
 * Delivers product events to the app's `trigger` modules as manifest.yml declares them: the events each
 * trigger subscribes to, its `filter` (`ignoreSelf`, `expression` with `onError`), the app's project
 * visibility, with the app's identity and the trigger's time limit, asynchronously and at least once.
 */
export interface ProductTriggerOptions {
  feed: ChangeFeed;
  site: () => SiteData;
  triggers: TriggerModule[];
  queue: DeliveryQueue;
  app: AppFunctions;
  /** False for a project the app cannot browse: Forge does not deliver events about it. */
  appCanSeeProject: (projectId: string) => boolean;
}

/** Decides whether a trigger gets an event; a filter expression that fails applies the filter's onError. */
function accepts(trigger: TriggerModule, expression: CompiledExpression | null, change: SiteChange, event: ProductEvent): boolean {
  if (!trigger.events.includes(event.eventType)) return false;
  if (trigger.filter.ignoreSelf && change.actor.viaApp) return false;
  if (!expression) return true;
  try {
    return expression.matches({ ...event.payload, eventType: event.eventType });
  } catch (e) {
    if (!(e instanceof ExpressionEvaluationError)) throw e;
    console.warn(`[forge events] trigger '${trigger.key}': filter expression failed on ${event.eventType} (${e.message}); onError ${trigger.filter.onError}`);
    return trigger.filter.onError === 'RECEIVE_AND_LOG';
  }
}

/** Subscribes the triggers to the change feed; returns the function that unsubscribes them. */
export function deliverProductEvents(options: ProductTriggerOptions): () => void {
  const { app, queue } = options;
  // Compiled at start: an unsupported expression stops the site with a clear error.
  const expressions = new Map(options.triggers.map((t) => [t.key, t.filter.expression ? compileFilterExpression(t.filter.expression) : null]));
  return options.feed.subscribe((change) => {
    // The payload is taken when the change is committed: a late or repeated delivery carries the state of then.
    for (const event of toProductEvents(change, options.site())) {
      if (!event.projectIds.every((id) => options.appCanSeeProject(id))) continue;
      for (const trigger of options.triggers) {
        if (!accepts(trigger, expressions.get(trigger.key) ?? null, change, event)) continue;
        const call = { functionKey: trigger.function, moduleKey: trigger.key, accountId: null, timeLimitSeconds: backgroundLimit(app, trigger.function) };
        queue.enqueue(`${trigger.key} <- ${event.eventType} #${change.sequence}`, async (retryContext): Promise<AttemptOutcome> => {
          const payload = { ...event.payload, eventType: event.eventType, context: { cloudId: app.cloudId, moduleKey: trigger.key }, ...(retryContext ? { retryContext } : {}) };
          const retry = retryRequest(await invokeFunction(app, call, payload));
          return retry ? { kind: 'retry', ...retry } : { kind: 'done' };
        });
      }
    }
  });
}
