import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../../domain/project-settings/project-settings';
import { TSHIRT_SIZES } from '../../domain/planning-record/model';
import type { ProjectSettingsStore } from '../../application/project-settings/ports';
import { kvsCall } from './kvs-call';

const range = z.object({ low: z.number(), high: z.number() });
const storedSettings = z.object({
  architects: z.array(z.object({ accountId: z.string(), displayName: z.string() })),
  tshirtScale: z.object(Object.fromEntries(TSHIRT_SIZES.map((s) => [s, range])) as Record<(typeof TSHIRT_SIZES)[number], typeof range>),
  divergenceThresholdPct: z.number(),
});

export const settingsKey = (projectKey: string): string => `settings:project:${projectKey}`;

/** Project settings in Forge KVS, one key per project; unreadable values fall back to the defaults. */
export class KvsProjectSettingsStore implements ProjectSettingsStore {
  async get(projectKey: string): Promise<ProjectSettings> {
    const parsed = storedSettings.safeParse(await kvsCall('settings read', () => kvs.get(settingsKey(projectKey))));
    return parsed.success ? parsed.data : DEFAULT_PROJECT_SETTINGS;
  }

  async save(projectKey: string, settings: ProjectSettings): Promise<void> {
    await kvsCall('settings write', () => kvs.set(settingsKey(projectKey), settings));
  }
}
