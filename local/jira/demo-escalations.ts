import type { SiteData } from './model';
import { DEMO_USERS } from './seed-users';

/**
 * The demo's escalations, played through the app's own resolvers like the planning records: the lead re-scans
 * each project (the seed's flagged issues become impediments on their features and epics, with the comments
 * mentioning their tech leads), then prepares the Scrum of Scrums agenda of Payments: an owner and a next step
 * for the oldest impediment, and one discussed.
 */
interface Call {
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  context: { projectKey: string };
}

type Run = (call: Call, email: string) => Promise<unknown>;

const PAGE = 'planning-readiness-page';
const lead = DEMO_USERS.lead.email;

export async function seedEscalations(site: SiteData, run: Run): Promise<void> {
  for (const project of site.projects) await run({ moduleKey: PAGE, functionKey: 'escalations.rescan', payload: {}, context: { projectKey: project.key } }, lead);
  const agenda = (await run({ moduleKey: PAGE, functionKey: 'escalations.getAgenda', payload: {}, context: { projectKey: 'PAY' } }, lead)) as {
    impediments: Array<{ id: string; item: { key: string } }>;
  };
  const [oldest, next] = agenda.impediments;
  if (oldest) {
    const payload = { itemKey: oldest.item.key, impedimentId: oldest.id, owner: DEMO_USERS.architect.accountId, nextStep: 'Infra team to provide the environment by Thursday' };
    await run({ moduleKey: PAGE, functionKey: 'escalations.followUp', payload, context: { projectKey: 'PAY' } }, lead);
  }
  if (next) await run({ moduleKey: PAGE, functionKey: 'escalations.followUp', payload: { itemKey: next.item.key, impedimentId: next.id, discussed: true }, context: { projectKey: 'PAY' } }, lead);
}
