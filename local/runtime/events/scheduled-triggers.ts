import { invokeFunction, TIME_LIMIT_SECONDS, type AppFunctions } from './app-functions';
import { SCHEDULE_INTERVALS, type ScheduledTriggerModule } from './manifest-modules';

/**
 * `scheduledTrigger` modules: each runs on its interval (fiveMinute, hour, day, week) with the app's identity
 * and the 900 s limit; `runNow` runs one at once (the host's button, tests), so a daily job can be tried
 * without waiting a day.
 */
export interface ScheduledRun {
  key: string;
  at: string;
  ok: boolean;
  result: unknown;
}

export class ScheduledTriggers {
  private readonly timers: NodeJS.Timeout[] = [];
  readonly runs: ScheduledRun[] = [];

  constructor(readonly modules: ScheduledTriggerModule[], private readonly app: AppFunctions, private readonly secondsToMs = 1000) {}

  /** Starts the interval timers (the first run comes one interval after start, as after a Forge deploy). */
  start(): void {
    for (const m of this.modules) {
      const timer = setInterval(() => void this.runNow(m.key), SCHEDULE_INTERVALS[m.interval] * this.secondsToMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  stop(): void {
    this.timers.splice(0).forEach((t) => clearInterval(t));
  }

  async runNow(key: string): Promise<ScheduledRun> {
    const m = this.modules.find((x) => x.key === key);
    if (!m) throw new Error(`No scheduledTrigger '${key}' in manifest.yml`);
    const payload = { context: { cloudId: this.app.cloudId, moduleKey: m.key } };
    let run: ScheduledRun;
    try {
      const result = await invokeFunction(this.app, { functionKey: m.function, moduleKey: m.key, accountId: null, timeLimitSeconds: TIME_LIMIT_SECONDS.scheduledTrigger }, payload);
      run = { key, at: new Date().toISOString(), ok: true, result };
    } catch (e) {
      console.warn(`[forge scheduled] ${key} failed:`, e);
      run = { key, at: new Date().toISOString(), ok: false, result: e instanceof Error ? e.message : String(e) };
    }
    this.runs.push(run);
    return run;
  }
}
