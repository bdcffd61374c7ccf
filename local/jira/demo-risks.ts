import type { InvokeAs } from '../host/seed-app-data';
import { demoDate } from './demo-dates';
import type { SiteData } from './model';
import { DEMO_USERS } from './seed-users';

/**
 * The demo's risk registers, played through the app's Risks tab resolvers as the demo's people: risks in every
 * rating (Low to Critical under the default thresholds 5 / 10 / 20) and every ROAM state, on epics and features
 * of both projects. The risk a late dependency raises by itself comes from the dependencies seed: the app
 * raises it when it counts the late dependency (src/application/dependencies/publish-dependency-facts.ts).
 */
type Roam =
  | { state: 'RESOLVED'; note: string }
  | { state: 'OWNED'; ownerAccountId: string }
  | { state: 'ACCEPTED'; rationale: string }
  | { state: 'MITIGATED'; plan: string; residual: { likelihood: number; impact: number } };

interface DemoRisk {
  title: string;
  description: string;
  category: 'technical' | 'dependency' | 'resource' | 'schedule' | 'external';
  likelihood: number;
  impact: number;
  dueDate: string | null;
  roam?: Roam;
  /** Who ROAMs it (the lead by default). */
  roamedBy?: string;
}

const lead = DEMO_USERS.lead;
const architect = DEMO_USERS.architect;

export const DEMO_RISKS: Record<string, DemoRisk[]> = {
  // The ledger epic: a critical risk mitigated, a high one owned, a low one accepted.
  'PAY-1': [
    { title: 'Ledger migration loses events during cut-over', description: 'Dual writes may diverge while consumers move one by one.', category: 'technical', likelihood: 4, impact: 5, dueDate: '2027-01-15', roam: { state: 'MITIGATED', plan: 'Reconciliation job compares both ledgers hourly; cut-over per consumer behind a flag with instant rollback.', residual: { likelihood: 2, impact: 4 } } },
    { title: 'Card scheme certification slips past the release', description: 'The scheme books certification slots eight weeks ahead.', category: 'schedule', likelihood: 4, impact: 4, dueDate: '2026-12-18', roam: { state: 'OWNED', ownerAccountId: architect.accountId } },
    { title: 'PCI auditor availability in January', description: 'Our usual auditor may be booked out.', category: 'external', likelihood: 2, impact: 2, dueDate: null, roam: { state: 'ACCEPTED', rationale: 'A second audit firm is on the framework contract; a two-week delay is tolerable.' }, roamedBy: architect.email },
  ],
  // A feature with open risks: unROAMed High and Medium.
  'PAY-2': [
    { title: 'Legacy batch API switched off before consumers move', description: 'Operations plan to retire the batch API in Q1.', category: 'technical', likelihood: 3, impact: 5, dueDate: '2027-01-08' },
    { title: 'Only one engineer knows the posting rules', description: 'Knowledge of the posting rules sits with one person.', category: 'resource', likelihood: 2, impact: 3, dueDate: null },
  ],
  // In review: a critical risk nobody has ROAMed, and one resolved.
  'PAY-7': [
    { title: 'Vendor SDK reaches end of life mid-release', description: 'The vendor announced end of support; no successor SDK yet.', category: 'external', likelihood: 5, impact: 5, dueDate: '2026-12-11' },
    { title: 'Test environment shared with the Data team', description: 'Contention for the shared environment during system test.', category: 'resource', likelihood: 3, impact: 2, dueDate: null, roam: { state: 'RESOLVED', note: 'A dedicated environment was provisioned.' } },
  ],
  'DATA-1': [
    { title: 'Schema registry ownership unclear after go-live', description: 'No team has agreed to run the registry.', category: 'technical', likelihood: 3, impact: 4, dueDate: '2027-02-01', roam: { state: 'OWNED', ownerAccountId: lead.accountId } },
    { title: 'Backfill window too short', description: 'Historical backfill may not finish in the maintenance window.', category: 'schedule', likelihood: 1, impact: 3, dueDate: null },
  ],
};

const PANEL = 'planning-panel';
type Answer = { ok: true; data: unknown } | { ok: false; error: { message: string } };
interface View {
  rev: number;
  risks: Array<{ id: string; title: string }>;
}

async function call(invokeAs: InvokeAs, issueKey: string, functionKey: string, payload: unknown, email: string): Promise<unknown> {
  const answer = (await invokeAs({ moduleKey: PANEL, functionKey, payload, context: { issueKey } }, email)) as Answer;
  if (!answer.ok) throw new Error(`demo seed: ${functionKey} on ${issueKey} as ${email} failed: ${answer.error.message}`);
  return answer.data;
}

export async function seedDemoRisks(site: SiteData, invokeAs: InvokeAs): Promise<void> {
  for (const [issueKey, risks] of Object.entries(DEMO_RISKS)) {
    for (const r of risks) {
      const added = (await call(invokeAs, issueKey, 'risks.update', { baseRev: 0, operation: { type: 'risk.add', fields: { title: r.title, description: r.description, category: r.category, dueDate: r.dueDate && demoDate(r.dueDate) }, rating: { likelihood: r.likelihood, impact: r.impact } } }, lead.email)) as { view: View };
      if (!r.roam) continue;
      const risk = added.view.risks.find((x) => x.title === r.title)!;
      await call(invokeAs, issueKey, 'risks.update', { baseRev: added.view.rev, operation: { type: 'risk.roam', riskId: risk.id, roam: r.roam } }, r.roamedBy ?? lead.email);
    }
  }
}
