import { DEMO_USERS } from './seed-users';
import { demoDate } from './demo-dates';

/**
 * The demo's dependencies, as what people do in the Dependencies tab (the `dependencies.*` resolver
 * functions of the Planning panel, played by the host as these users): cross-team and cross-project
 * dependencies in every status, a dependency on a team and one on an external party, a late one (committed
 * after it is needed) and a cycle of three. The seeded "blocks" links of the demo site show as Identified.
 * Teams: Atlas (PAY-28, PAY-39, PAY-76, DATA-39), Borealis (PAY-18, PAY-44, DATA-18, DATA-55), Cobalt
 * (PAY-12, PAY-34, DATA-34, DATA-60, DATA-71).
 */
export type InvokeDependencies = (functionKey: string, issueKey: string, payload: unknown, email: string) => Promise<{ view: { needs: Array<{ id: string; far: { kind: string; key?: string; name?: string } }> } }>;
/** Saves a project's dependency settings (as its administrator), which also counts the links made before the app. */
export type SaveDependencySettings = (projectKey: string, email: string) => Promise<unknown>;

const lead = DEMO_USERS.lead.email;
const architect = DEMO_USERS.architect.email;

interface IssueDependency {
  dependent: string;
  provider: string;
  description: string;
  neededBy: string | null;
  /** What the providing side does after the request, in order. */
  then: Array<{ type: 'commit'; date: string; release?: string } | { type: 'deliver' } | { type: 'decline'; reason: string }>;
  request?: boolean;
}

const ISSUE_DEPENDENCIES: IssueDependency[] = [
  // Cross-project and cross-team, committed in time.
  { dependent: 'PAY-12', provider: 'DATA-18', description: 'Settlement events on the shared bus', neededBy: '2027-02-26', then: [{ type: 'commit', date: '2027-02-12' }] },
  // Requested, waiting for an answer.
  { dependent: 'PAY-18', provider: 'PAY-28', description: 'Refund API v2 contract', neededBy: '2027-03-01', then: [] },
  // Late: committed after it is needed.
  { dependent: 'PAY-34', provider: 'PAY-39', description: 'Fraud score in the authorisation response', neededBy: '2027-02-01', then: [{ type: 'commit', date: '2027-03-31', release: '2027.1' }] },
  // Declined with a reason.
  { dependent: 'DATA-34', provider: 'DATA-39', description: 'Backfill of three years of history', neededBy: '2027-02-15', then: [{ type: 'decline', reason: 'No capacity this PI: the storage migration comes first.' }] },
  // Delivered.
  { dependent: 'PAY-44', provider: 'PAY-76', description: 'Card tokens in the vault', neededBy: '2027-01-15', then: [{ type: 'commit', date: '2027-01-08' }, { type: 'deliver' }] },
  // A cycle of three (each needs the next), identified only.
  { dependent: 'DATA-55', provider: 'DATA-60', description: 'Schema registry in production', neededBy: null, then: [], request: false },
  { dependent: 'DATA-60', provider: 'DATA-71', description: 'Lineage events', neededBy: null, then: [], request: false },
  { dependent: 'DATA-71', provider: 'DATA-55', description: 'Consumer onboarding API', neededBy: null, then: [], request: false },
];

/** A demo date as of the seed's day (demo-dates.ts), so the seed is never refused as past. */
const milestone = (date: string, release?: string) => ({ date: demoDate(date), release: release ?? null });

export async function seedDemoDependencies(invoke: InvokeDependencies, saveSettings: SaveDependencySettings, projectKeys: string[]): Promise<void> {
  for (const d of ISSUE_DEPENDENCIES) {
    const added = await invoke('dependencies.addIssue', d.dependent, { providerKey: d.provider, linkType: 'Blocks', description: d.description, neededBy: d.neededBy ? milestone(d.neededBy) : null, ownerAccountId: null, request: d.request ?? true }, lead);
    const id = added.view.needs.find((n) => n.far.key === d.provider)!.id;
    for (const step of d.then) {
      const operation = step.type === 'commit' ? { type: 'commit', dependencyId: id, committedBy: milestone(step.date, step.release) } : step.type === 'decline' ? { type: 'decline', dependencyId: id, reason: step.reason } : { type: 'deliver', dependencyId: id };
      // The providing side answers: the architect can edit the providing issues.
      await invoke('dependencies.change', d.dependent, { operation }, architect);
    }
  }
  // A team without an issue yet, with its named owner (who commits), and an external party.
  const team = await invoke('dependencies.change', 'PAY-55', { operation: { type: 'add', target: { kind: 'team', team: 'Cobalt' }, description: 'Load test environment for peak season', neededBy: milestone('2027-02-20'), ownerAccountId: DEMO_USERS.architect.accountId } }, lead);
  const teamId = team.view.needs.find((n) => n.far.kind === 'team')!.id;
  await invoke('dependencies.change', 'PAY-55', { operation: { type: 'request', dependencyId: teamId } }, lead);
  await invoke('dependencies.change', 'DATA-44', { operation: { type: 'add', target: { kind: 'external', party: 'Card network sandbox (Visa)' }, description: 'Certification slot for the new token format', neededBy: milestone('2027-01-29'), ownerAccountId: DEMO_USERS.lead.accountId } }, lead);
  // The demo site's own "blocks" links (made before the app) get their JQL counts too.
  for (const projectKey of projectKeys) await saveSettings(projectKey, lead);
}
