import type { JiraEmulator } from '../../jira/api';
import { JsonFile } from '../../json-file';
import type { SiteData } from '../../jira/model';
import type { AppFunctions } from '../../runtime/events/app-functions';
import type { ActionModule } from '../../runtime/events/manifest-modules';
import { RuleRunner } from './rule-runner';
import { RuleBook, type StoredRules } from './rules';

/** Local Jira Automation, composed: the rules, their runner on the site's change feed, and the app's actions. */
export interface Automation {
  rules: RuleBook;
  runner: RuleRunner;
  actions: ActionModule[];
  /** Resolves when no rule is running. */
  drain(): Promise<void>;
  stop(): void;
}

/** `rulesFile`: where the rules persist (null: in memory); `reset` forgets them, with the demo seed. */
export function startAutomation(
  deps: { jira: JiraEmulator; site: () => SiteData; actions: ActionModule[]; app: AppFunctions },
  storage: { rulesFile: string | null; reset: boolean } = { rulesFile: null, reset: false },
): Automation {
  const rules = new RuleBook(storage.rulesFile ? new JsonFile<StoredRules>(storage.rulesFile, { reset: storage.reset }) : null);
  const runner = new RuleRunner({ rules, ...deps });
  const stop = runner.start();
  return {
    rules,
    runner,
    actions: deps.actions,
    // Changes reach the rules once on disk: wait for those first.
    drain: async () => {
      await deps.jira.changes.settled();
      await runner.drain();
    },
    stop: () => {
      stop();
      rules.flush();
    },
  };
}
