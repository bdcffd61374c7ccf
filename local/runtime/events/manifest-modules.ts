/**
 * The manifest.yml modules that run the app's functions without a user interface: product-event `trigger`s,
 * `scheduledTrigger`s, `webtrigger`s, async-event `consumer`s, and Automation `action`s with their
 * `automation:actionProvider`. Read as Forge's manifest reference describes them.
 */
export interface TriggerModule {
  key: string;
  function: string;
  events: string[];
  filter: { ignoreSelf: boolean; expression: string | null; onError: 'IGNORE_AND_LOG' | 'RECEIVE_AND_LOG' };
}

export const SCHEDULE_INTERVALS = { fiveMinute: 300, hour: 3_600, day: 86_400, week: 604_800 } as const;
export type ScheduleInterval = keyof typeof SCHEDULE_INTERVALS;

export interface ScheduledTriggerModule {
  key: string;
  function: string;
  interval: ScheduleInterval;
}

export interface WebTriggerModule {
  key: string;
  function: string;
}

/** A consumer names its handler either as a function (`function:`) or as a resolver method (`resolver:`). */
export interface ConsumerModule {
  key: string;
  queue: string;
  function: string;
  resolverMethod: string | null;
}

export interface ActionInput {
  title: string;
  type: string;
  required: boolean;
  description: string;
}

export interface ActionModule {
  key: string;
  name: string;
  function: string;
  description: string;
  inputs: Record<string, ActionInput>;
}

export interface EventModules {
  triggers: TriggerModule[];
  scheduledTriggers: ScheduledTriggerModule[];
  webTriggers: WebTriggerModule[];
  consumers: ConsumerModule[];
  /** Actions that an `automation:actionProvider` offers to Automation. */
  actions: ActionModule[];
  /** function key -> its `timeoutSeconds`, when manifest.yml sets one (async event consumers may use up to 900 s). */
  functionTimeouts: Record<string, number>;
}

type RawModules = Record<string, Array<Record<string, unknown>> | undefined>;

class ManifestError extends Error {}

const text = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

const str = (m: Record<string, unknown>, field: string, type: string): string => {
  const v = m[field];
  if (typeof v !== 'string' || v === '') throw new ManifestError(`manifest.yml ${type} '${String(m.key)}' needs a string '${field}'`);
  return v;
};

function triggers(raw: RawModules): TriggerModule[] {
  return (raw.trigger ?? []).map((m) => {
    const filter = (m.filter ?? {}) as { ignoreSelf?: unknown; expression?: unknown; onError?: unknown };
    const events = m.events;
    if (!Array.isArray(events) || events.some((e) => typeof e !== 'string')) throw new ManifestError(`manifest.yml trigger '${String(m.key)}' needs a list of events`);
    return {
      key: str(m, 'key', 'trigger'),
      function: str(m, 'function', 'trigger'),
      events: events as string[],
      filter: {
        ignoreSelf: filter.ignoreSelf === true,
        expression: typeof filter.expression === 'string' ? filter.expression : null,
        onError: filter.onError === 'RECEIVE_AND_LOG' ? 'RECEIVE_AND_LOG' : 'IGNORE_AND_LOG',
      },
    };
  });
}

function scheduledTriggers(raw: RawModules): ScheduledTriggerModule[] {
  return (raw.scheduledTrigger ?? []).map((m) => {
    const interval = m.interval;
    if (typeof interval !== 'string' || !(interval in SCHEDULE_INTERVALS)) {
      throw new ManifestError(`manifest.yml scheduledTrigger '${String(m.key)}' has interval '${String(interval)}'; use ${Object.keys(SCHEDULE_INTERVALS).join(', ')}`);
    }
    return { key: str(m, 'key', 'scheduledTrigger'), function: str(m, 'function', 'scheduledTrigger'), interval: interval as ScheduleInterval };
  });
}

function consumers(raw: RawModules): ConsumerModule[] {
  return (raw.consumer ?? []).map((m) => {
    const resolver = m.resolver as { function?: unknown; method?: unknown } | undefined;
    if (resolver) {
      if (typeof resolver.function !== 'string' || typeof resolver.method !== 'string') throw new ManifestError(`manifest.yml consumer '${String(m.key)}' needs resolver.function and resolver.method`);
      return { key: str(m, 'key', 'consumer'), queue: str(m, 'queue', 'consumer'), function: resolver.function, resolverMethod: resolver.method };
    }
    return { key: str(m, 'key', 'consumer'), queue: str(m, 'queue', 'consumer'), function: str(m, 'function', 'consumer'), resolverMethod: null };
  });
}

function actions(raw: RawModules): ActionModule[] {
  const offered = new Set((raw['automation:actionProvider'] ?? []).flatMap((p) => (Array.isArray(p.actions) ? (p.actions as unknown[]).map(String) : [])));
  return (raw.action ?? [])
    .filter((m) => offered.has(String(m.key)))
    .map((m) => {
      const inputs: Record<string, ActionInput> = Object.create(null) as Record<string, ActionInput>;
      for (const [name, def] of Object.entries((m.inputs ?? {}) as Record<string, Record<string, unknown>>)) {
        inputs[name] = { title: text(def.title, name), type: text(def.type, 'string'), required: def.required === true, description: text(def.description, '') };
      }
      return { key: str(m, 'key', 'action'), name: text(m.name, String(m.key)), function: str(m, 'function', 'action'), description: text(m.description, ''), inputs };
    });
}

export function loadEventModules(raw: RawModules): EventModules {
  const functionTimeouts: Record<string, number> = {};
  for (const f of raw.function ?? []) if (typeof f.timeoutSeconds === 'number') functionTimeouts[String(f.key)] = f.timeoutSeconds;
  const webTriggers = (raw.webtrigger ?? []).map((m) => ({ key: str(m, 'key', 'webtrigger'), function: str(m, 'function', 'webtrigger') }));
  return { triggers: triggers(raw), scheduledTriggers: scheduledTriggers(raw), webTriggers, consumers: consumers(raw), actions: actions(raw), functionTimeouts };
}
