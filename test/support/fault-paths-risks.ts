import type { LocalSite } from '../../local/host/site';
import type { RiskViewDto } from '../../src/shared/contract/risks';
import { casesSoFar, indexed, KVS_LEDGER, lead, architect, property, unique, type WritePath } from './fault-matrix';
import { ok } from './planning-site';
import { addRisk, riskUpdate, riskView } from './risks-site';

/** The risk register's write paths (issue 10) for the fault matrix. */
const risksOf = async (site: LocalSite, key: string): Promise<RiskViewDto> => ok(await riskView(site, key, lead));

async function risksConsistent(site: LocalSite, key: string): Promise<void> {
  const view = await risksOf(site, key);
  expect(view.integrity).toMatchObject({ changedOutsideApp: false, unverifiedAcceptances: [] });
  await indexed(site, key, { riskLevel: view.counts.level, unroamedRisks: view.counts.unroamed });
}

/** A risk of its own on `key`, added without faults, for the cases that change one. */
async function riskOn(site: LocalSite, key: string): Promise<{ rev: number; riskId: string }> {
  const before = await risksOf(site, key);
  const title = unique('Fault matrix risk');
  const after = ok(await riskUpdate(site, key, lead, before.rev, addRisk(title, 3, 4))).view;
  await site.events.drain();
  return { rev: after.rev, riskId: after.risks.find((r) => r.title === title)!.id };
}

const RISK_ISSUES = ['PAY-12', 'PAY-17', 'PAY-23', 'DATA-7'];
const withAcceptance = new Set<string>();

/**
 * The next issue for a risk case, holding an accepted risk: a ledger that ran ahead of its register would
 * leave that acceptance unproved, which `risksConsistent` sees.
 */
async function riskIssue(site: LocalSite): Promise<string> {
  const key = RISK_ISSUES[casesSoFar() % RISK_ISSUES.length]!;
  if (!withAcceptance.has(key)) {
    const { rev, riskId } = await riskOn(site, key);
    ok(await riskUpdate(site, key, lead, rev, { type: 'risk.roam', riskId, roam: { state: 'ACCEPTED', rationale: 'Accepted before the fault' } }));
    await site.events.drain();
    withAcceptance.add(key);
  }
  return key;
}

const riskChange = (name: string, change: (riskId: string) => Parameters<typeof riskUpdate>[4], applied: (risk: RiskViewDto['risks'][number]) => boolean): WritePath => ({
  name,
  jira: property('planning-readiness-risks'),
  kvs: KVS_LEDGER,
  prepare: async (site) => {
    const key = await riskIssue(site);
    const { rev, riskId } = await riskOn(site, key);
    const operation = change(riskId);
    return {
      run: () => riskUpdate(site, key, lead, rev, operation),
      landed: async () => ((await risksOf(site, key)).risks.some((r) => r.id === riskId && applied(r)) ? 1 : 0),
      consistent: () => risksConsistent(site, key),
    };
  },
});

export const RISK_WRITE_PATHS: readonly WritePath[] = [
  {
    name: 'risks: add',
    jira: property('planning-readiness-risks'),
    kvs: KVS_LEDGER,
    prepare: async (site) => {
      const key = await riskIssue(site);
      const title = unique('Fault matrix added risk');
      const { rev } = await risksOf(site, key);
      return {
        run: () => riskUpdate(site, key, lead, rev, addRisk(title, 4, 4)),
        landed: async () => (await risksOf(site, key)).risks.filter((r) => r.title === title).length,
        consistent: () => risksConsistent(site, key),
      };
    },
  },
  (() => {
    const title = unique('Fault matrix edited risk');
    return riskChange('risks: edit', (riskId) => ({ type: 'risk.edit', riskId, fields: { title, description: 'edited under a fault', category: 'technical', dueDate: null } }), (r) => r.title === title);
  })(),
  riskChange('risks: ROAM (owned)', (riskId) => ({ type: 'risk.roam', riskId, roam: { state: 'OWNED', ownerAccountId: architect } }), (r) => r.roam.state === 'OWNED'),
  riskChange('risks: accept', (riskId) => ({ type: 'risk.roam', riskId, roam: { state: 'ACCEPTED', rationale: 'Accepted under a fault' } }), (r) => r.roam.state === 'ACCEPTED'),
];
