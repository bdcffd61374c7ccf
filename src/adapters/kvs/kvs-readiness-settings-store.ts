import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { CRITERION_IDS } from '../../domain/readiness/criterion';
import { DEFAULT_READINESS_SETTINGS, readinessSettingsProblem, type ReadinessSettings } from '../../domain/readiness/settings';
import type { ReadinessSettingsStore } from '../../application/readiness/ports';
import { kvsCall } from './kvs-call';

const criterion = z.object({ enabled: z.boolean(), weight: z.number() });
/** Version 1. A criterion added later is missing from older values: it gets its default. */
const storedSettings = z.object({
  schemaVersion: z.literal(1),
  criteria: z.record(z.string(), criterion),
  thresholds: z.object({ ready: z.number(), atRisk: z.number() }),
  epicTypeIds: z.array(z.string()),
  featureTypeIds: z.array(z.string()),
});

export const readinessSettingsKey = (projectKey: string): string => `settings:readiness:${projectKey}`;

/** Readiness settings in Forge KVS, one key per project; a value that is not valid settings reads as the defaults. */
export class KvsReadinessSettingsStore implements ReadinessSettingsStore {
  async get(projectKey: string): Promise<ReadinessSettings> {
    const parsed = storedSettings.safeParse(await kvsCall('readiness settings read', () => kvs.get(readinessSettingsKey(projectKey))));
    if (!parsed.success) return DEFAULT_READINESS_SETTINGS;
    const { criteria, thresholds, epicTypeIds, featureTypeIds } = parsed.data;
    const settings: ReadinessSettings = {
      criteria: Object.fromEntries(CRITERION_IDS.map((id) => [id, criteria[id] ?? DEFAULT_READINESS_SETTINGS.criteria[id]])) as ReadinessSettings['criteria'],
      thresholds,
      epicTypeIds,
      featureTypeIds,
    };
    return readinessSettingsProblem(settings) === null ? settings : DEFAULT_READINESS_SETTINGS;
  }

  async save(projectKey: string, settings: ReadinessSettings): Promise<void> {
    await kvsCall('readiness settings write', () => kvs.set(readinessSettingsKey(projectKey), { schemaVersion: 1, ...settings }));
  }
}
