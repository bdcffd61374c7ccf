import { demoPlanningScripts, type DemoRecordSoFar } from '../jira/demo-planning';
import { seedDemoDependencies, type InvokeDependencies } from '../jira/demo-dependencies';
import { demoReadinessSettings } from '../jira/demo-readiness';
import { seedDemoRisks } from '../jira/demo-risks';
import { demoPortfolioCalls } from '../jira/demo-portfolio';
import { seedEscalations } from '../jira/demo-escalations';
import type { SiteData } from '../jira/model';
import { DEMO_USERS } from '../jira/seed-users';

/**
 * Seeds the demo's app data through the app's own resolvers, as the demo's people: the lead (a project
 * administrator) names Arjun Architect in each project's settings, then the planning records are built
 * step by step in the Planning panel's resolver. The host knows nothing of the app's storage: it reaches
 * the app only through manifest.yml and the handlers it names. Another app on the demo site (`--app`) is
 * left without this app's data.
 */
export interface ResolverCall {
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  context: { issueKey?: string; projectKey?: string };
}

export type InvokeAs = (call: ResolverCall, email: string) => Promise<unknown>;

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

const PANEL = 'planning-panel';
const SETTINGS = 'planning-readiness-settings';

async function call(invokeAs: InvokeAs, c: ResolverCall, email: string): Promise<unknown> {
  const answer = (await invokeAs(c, email)) as Answer;
  if (!answer.ok) throw new Error(`demo seed: ${c.functionKey} on ${c.context.issueKey ?? c.context.projectKey ?? ''} as ${email} failed: ${answer.error.message}`);
  return answer.data;
}

export async function seedAppData(site: SiteData, invokeAs: InvokeAs, what: { settings: boolean; planning: boolean; hasModule: (key: string) => boolean }): Promise<void> {
  if (what.settings && what.hasModule(SETTINGS)) {
    for (const project of site.projects) {
      const current = (await call(invokeAs, { moduleKey: SETTINGS, functionKey: 'settings.get', payload: {}, context: { projectKey: project.key } }, DEMO_USERS.lead.email)) as {
        settings: { tshirtScale: unknown; divergenceThresholdPct: number };
      };
      await call(
        invokeAs,
        { moduleKey: SETTINGS, functionKey: 'settings.update', payload: { architectAccountIds: [DEMO_USERS.architect.accountId], tshirtScale: current.settings.tshirtScale, divergenceThresholdPct: current.settings.divergenceThresholdPct }, context: { projectKey: project.key } },
        DEMO_USERS.lead.email,
      );
    }
  }
  if (what.planning && what.hasModule(PANEL)) {
    for (const [issueKey, steps] of Object.entries(demoPlanningScripts(site))) {
      let record: DemoRecordSoFar & { rev: number } = { rev: 0, review: { threads: [] } };
      for (const s of steps) {
        const operation = typeof s.operation === 'function' ? s.operation(record) : s.operation;
        const result = (await call(invokeAs, { moduleKey: PANEL, functionKey: 'planning.update', payload: { baseRev: record.rev, operation }, context: { issueKey } }, s.actorEmail)) as { view: { record: typeof record } };
        record = result.view.record;
      }
    }
    await seedDemoDependencies(
      ((functionKey, issueKey, payload, email) => call(invokeAs, { moduleKey: PANEL, functionKey, payload, context: { issueKey } }, email)) as InvokeDependencies,
      (projectKey, email) => call(invokeAs, { moduleKey: SETTINGS, functionKey: 'settings.dependencies.update', payload: { linkTypes: [{ name: 'Blocks', dependentReads: 'inward' }] }, context: { projectKey } }, email),
      site.projects.map((p) => p.key),
    );
    await seedDemoRisks(site, invokeAs);
  }
  // Readiness settings, after the planning records: each save rescores its project (issue 11).
  if (what.planning && what.hasModule(SETTINGS)) for (const r of demoReadinessSettings(site)) await call(invokeAs, { moduleKey: SETTINGS, functionKey: 'settings.readiness.update', payload: r.payload, context: { projectKey: r.projectKey } }, DEMO_USERS.lead.email);
  // Escalations before the committed plan, so the plan includes them.
  if (what.planning && what.hasModule('planning-readiness-page')) await seedEscalations(site, (c, email) => call(invokeAs, c, email));
  // The committed plan, once everything is scored, then a change since it (local/jira/demo-portfolio.ts).
  if (what.planning && what.hasModule(PANEL)) for (const { actorEmail, ...c } of demoPortfolioCalls()) await call(invokeAs, c, actorEmail);
}
