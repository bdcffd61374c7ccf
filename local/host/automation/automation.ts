import type { JiraEmulator } from '../../jira/api';
import type { SiteData } from '../../jira/model';
import type { AppFunctions } from '../../runtime/events/app-functions';
import type { ActionModule } from '../../runtime/events/manifest-modules';
import { RuleRunner } from './rule-runner';
import { RuleBook } from './rules';

/** Local Jira Automation, composed: the rules, their runner on the site's change feed, and the app's actions. */
export interface Automation {
  rules: RuleBook;
  runner: RuleRunner;
  actions: ActionModule[];
  /** Resolves when no rule is running. */
  drain(): Promise<void>;
  stop(): void;
}

export function startAutomation(deps: { jira: JiraEmulator; site: () => SiteData; actions: ActionModule[]; app: AppFunctions }): Automation {
  const rules = new RuleBook();
  const runner = new RuleRunner({ rules, ...deps });
  const stop = runner.start();
  return { rules, runner, actions: deps.actions, drain: () => runner.drain(), stop };
}
