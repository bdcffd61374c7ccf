import { runInvocation } from '../forge-runtime';

/**
 * How the event runtime calls the app: a manifest function key resolves to the handler exported by the app,
 * and each call is one Forge invocation with its module, identity and time limit.
 * Time limits from Forge's invocation limits: web triggers 55 s, scheduled triggers 900 s; triggers and
 * consumers 25 s unless their function sets `timeoutSeconds` (at most 900).
 * @see https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/
 */
export type FunctionHandler = (payload: unknown, context?: Record<string, unknown>) => Promise<unknown>;

export const TIME_LIMIT_SECONDS = { default: 25, webTrigger: 55, scheduledTrigger: 900, max: 900 } as const;

export interface AppFunctions {
  cloudId: string;
  handlerFor(functionKey: string): FunctionHandler;
  /** `timeoutSeconds` of a function in manifest.yml, if set. */
  timeouts: Record<string, number>;
}

export interface FunctionCall {
  functionKey: string;
  moduleKey: string;
  /** null: the app's own identity (triggers, web triggers, scheduled triggers, consumers). */
  accountId: string | null;
  timeLimitSeconds: number;
}

export function installContext(cloudId: string): string {
  return `ari:cloud:jira::site/${cloudId}`;
}

/** The time limit of a function invoked in the background: its own `timeoutSeconds`, else the default. */
export function backgroundLimit(app: AppFunctions, functionKey: string): number {
  return Math.min(app.timeouts[functionKey] ?? TIME_LIMIT_SECONDS.default, TIME_LIMIT_SECONDS.max);
}

/** Calls `handler(payload, context)` as one invocation; `context` is what Forge passes as the second argument. */
export function invokeFunction(app: AppFunctions, call: FunctionCall, payload: unknown): Promise<unknown> {
  const handler = app.handlerFor(call.functionKey);
  const context = { installContext: installContext(app.cloudId), ...(call.accountId ? { principal: { accountId: call.accountId } } : {}) };
  return runInvocation({ moduleKey: call.moduleKey, accountId: call.accountId, timeoutMs: call.timeLimitSeconds * 1000 }, () => handler(payload, context));
}
