import type { LocalSite } from '../../local/host/site';
import type { Result } from '../../src/shared/contract/common';
import type { ReadinessSettingsViewDto } from '../../src/shared/contract/readiness';
import { lead, type WritePath } from './fault-matrix';
import { ok } from './planning-site';
import { portfolioCommit, portfolioView } from './portfolio-site';

/** The project-level write paths for the fault matrix: readiness settings (issue 11) and the baseline. */
const settingsCall = async (site: LocalSite, functionKey: string, payload?: unknown): Promise<Result<ReadinessSettingsViewDto>> =>
  (await site.invoke({ moduleKey: 'planning-readiness-settings', context: { projectKey: 'DATA' }, functionKey, ...(payload === undefined ? {} : { payload }) }, lead)) as Result<ReadinessSettingsViewDto>;

export const PROJECT_WRITE_PATHS: readonly WritePath[] = [
  {
    name: 'readiness settings: update',
    jira: { path: '/rest/api/3/**' },
    kvs: { path: '/api/v1/set' },
    prepare: async (site) => {
      const before = ok(await settingsCall(site, 'settings.readiness.get')).settings;
      // Alternates between two ready thresholds, so each case changes something.
      const next = { ...before, thresholds: { ...before.thresholds, ready: before.thresholds.ready === 80 ? 85 : 80 } };
      return {
        run: () => settingsCall(site, 'settings.readiness.update', next),
        landed: async () => {
          const now = ok(await settingsCall(site, 'settings.readiness.get')).settings;
          if (JSON.stringify(now) === JSON.stringify(next)) return 1;
          expect(now).toEqual(before);
          return 0;
        },
        consistent: async () => {
          await site.events.drain();
          expect(ok(await settingsCall(site, 'settings.readiness.get')).recompute).toMatchObject({ state: 'DONE' });
        },
      };
    },
  },
  {
    name: 'portfolio: commit the plan (baseline)',
    jira: { path: '/rest/api/3/**' },
    // The baseline's chunks, then its head: the head is the write that commits it.
    kvs: { path: '/api/v1/set', skip: 1 },
    prepare: async (site) => {
      const before = ok(await portfolioView(site, 'DATA', lead)).baseline?.committedAt ?? null;
      // Baselines are stamped to the millisecond: a new one is told from the last by its time.
      await new Promise((r) => setTimeout(r, 5));
      return {
        run: () => portfolioCommit(site, 'DATA', lead),
        landed: async () => ((ok(await portfolioView(site, 'DATA', lead)).baseline?.committedAt ?? null) !== before ? 1 : 0),
        consistent: async () => {
          const view = ok(await portfolioView(site, 'DATA', lead));
          expect(view.baseline).toMatchObject({ committedBy: { accountId: lead } });
          expect(view.warnings).toEqual([]);
        },
      };
    },
  },
];
