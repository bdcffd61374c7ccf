import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { EscalationSettingsStore } from '../../application/impediments/ports';
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '../../domain/impediments/settings';
import { kvsCall } from './kvs-call';

const storedSettings = z.object({
  rules: z.object({ FLAGGED: z.boolean(), PRIORITY_HIGHEST: z.boolean(), LABEL: z.boolean(), BLOCKED_BY: z.boolean() }),
  label: z.string(),
  slaWorkingDays: z.number(),
  commentOnRaise: z.boolean(),
  fieldSignal: z.enum(['NONE', 'LABEL', 'FLAG']),
  signalLabel: z.string(),
});

export const escalationSettingsKey = (projectKey: string): string => `settings:escalations:${projectKey}`;

/** Escalation settings in Forge KVS, one key per project; unreadable values fall back to the defaults. */
export class KvsEscalationSettingsStore implements EscalationSettingsStore {
  async get(projectKey: string): Promise<EscalationSettings> {
    const parsed = storedSettings.safeParse(await kvsCall('escalation settings read', () => kvs.get(escalationSettingsKey(projectKey))));
    return parsed.success ? parsed.data : DEFAULT_ESCALATION_SETTINGS;
  }

  async save(projectKey: string, settings: EscalationSettings): Promise<void> {
    await kvsCall('escalation settings write', () => kvs.set(escalationSettingsKey(projectKey), settings));
  }
}
