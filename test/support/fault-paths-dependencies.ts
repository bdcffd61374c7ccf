import type { LocalSite } from '../../local/host/site';
import { depsAdd, depsChange, depsView, needOn } from './dependencies-site';
import { rest } from './events-site';
import { architect, indexed, KVS_LEDGER, lead, property, unique, type WritePath } from './fault-matrix';
import { USERS } from './local-site';
import { ok } from './planning-site';

/** The dependencies' write paths (issue 9) for the fault matrix, each on two new features. */
/** Two new PAY features, so each case starts with no dependency between them. */
async function newPair(site: LocalSite): Promise<[string, string]> {
  const create = async (summary: string): Promise<string> => {
    const r = await rest(site, USERS.lead.email, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'PAY' }, issuetype: { name: 'Feature' }, summary } });
    if (r.status !== 201) throw new Error(`Creating a feature failed: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { key: string }).key;
  };
  const pair: [string, string] = [await create(unique('Fault matrix dependent')), await create(unique('Fault matrix provider'))];
  await site.events.drain();
  return pair;
}

const linksBetween = (site: LocalSite, a: string, b: string): number => {
  const id = (key: string): string => site.store.data.issues.find((i) => i.key === key)!.id;
  return site.store.data.links.filter((l) => new Set([l.inwardIssueId, l.outwardIssueId]).size === 2 && [l.inwardIssueId, l.outwardIssueId].every((x) => x === id(a) || x === id(b))).length;
};

async function depsConsistent(site: LocalSite, key: string): Promise<void> {
  const view = ok(await depsView(site, key, lead));
  expect(view.integrity.changedOutsideApp).toBe(false);
  expect([...view.needs, ...view.neededBy].filter((d) => d.unverified)).toEqual([]);
  await indexed(site, key, { openDependencies: view.facts.open, lateDependencies: view.facts.late });
}

const NEEDED = { date: '2027-03-01', release: null };
const DESCRIPTION = 'Added under a fault';

/** A requested dependency of `dependent` on `provider`, added without faults, for the provider to answer. */
async function requested(site: LocalSite): Promise<{ dependent: string; provider: string; id: string }> {
  const [dependent, provider] = await newPair(site);
  const added = ok(await depsAdd(site, dependent, lead, provider, { request: true, neededBy: NEEDED }));
  await site.events.drain();
  return { dependent, provider, id: needOn(added.view, provider).id };
}

const providerAnswer = (name: string, operation: (id: string) => unknown, status: string, before?: (site: LocalSite, dep: { provider: string; id: string }) => Promise<void>): WritePath => ({
  name,
  jira: property('planning-readiness-dependencies'),
  kvs: KVS_LEDGER,
  prepare: async (site) => {
    const dep = await requested(site);
    await before?.(site, dep);
    return {
      run: () => depsChange(site, dep.provider, architect, operation(dep.id)),
      landed: async () => (needOn(ok(await depsView(site, dep.dependent, lead)), dep.provider).commitment?.status === status ? 1 : 0),
      consistent: async () => {
        await depsConsistent(site, dep.dependent);
        await depsConsistent(site, dep.provider);
      },
    };
  },
});

const commitOp = (dependencyId: string) => ({ type: 'commit', dependencyId, committedBy: { date: '2027-02-01', release: null } });

export const DEPENDENCY_WRITE_PATHS: readonly WritePath[] = [
  {
    name: 'dependencies: add',
    jira: { method: 'POST', path: '/rest/api/3/issueLink' },
    kvs: KVS_LEDGER,
    prepare: async (site) => {
      const [dependent, provider] = await newPair(site);
      return {
        run: () => depsAdd(site, dependent, lead, provider, { description: DESCRIPTION, neededBy: NEEDED }),
        landed: async () => {
          const needs = ok(await depsView(site, dependent, lead)).needs.filter((d) => d.far.kind === 'issue' && d.far.key === provider);
          // Never a second link for one dependency, whatever happened to the first attempt.
          expect(linksBetween(site, dependent, provider)).toBe(needs.length);
          return needs.filter((d) => d.commitment?.description === DESCRIPTION).length;
        },
        consistent: () => depsConsistent(site, dependent),
      };
    },
  },
  providerAnswer('dependencies: commit (provider)', commitOp, 'COMMITTED'),
  providerAnswer('dependencies: decline (provider)', (dependencyId) => ({ type: 'decline', dependencyId, reason: 'No capacity this quarter' }), 'DECLINED'),
  providerAnswer('dependencies: deliver', (dependencyId) => ({ type: 'deliver', dependencyId }), 'DELIVERED', async (site, dep) => {
    ok(await depsChange(site, dep.provider, architect, commitOp(dep.id)));
    await site.events.drain();
  }),
];
