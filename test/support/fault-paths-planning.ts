import type { LocalSite } from '../../local/host/site';
import { casesSoFar, indexed, KVS_LEDGER, lead, property, unique, type WritePath } from './fault-matrix';
import { editSection, ok, panelUpdate, panelView } from './planning-site';

/** The planning record's write path (issue 8: a spec section edit) for the fault matrix. */
const PLANNING_ISSUES = ['PAY-12', 'PAY-17', 'DATA-7', 'DATA-12'];

export const PLANNING_WRITE_PATHS: readonly WritePath[] = [
  {
    name: 'planning: edit a spec section',
    jira: property('planning-readiness'),
    kvs: KVS_LEDGER,
    prepare: async (site: LocalSite) => {
      const key = PLANNING_ISSUES[casesSoFar() % PLANNING_ISSUES.length]!;
      const text = unique('Fault matrix approach');
      const { rev } = ok(await panelView(site, key, lead)).record;
      const view = async () => ok(await panelView(site, key, lead));
      return {
        run: () => panelUpdate(site, key, lead, editSection(rev, 'approach', text)),
        landed: async () => ((await view()).record.spec.sections.approach === text ? 1 : 0),
        // A ledger ahead of the record reads as "changed outside the app"; JQL follows the record's revision.
        consistent: async () => {
          const now = await view();
          expect(now.integrity.changedOutsideApp).toBe(false);
          await indexed(site, key, { planningRecordRev: now.record.rev, planningChangedOutsideApp: 0 });
        },
      };
    },
  },
];
