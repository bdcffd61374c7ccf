import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { RiskSettingsStore } from '../../../application/risks/ports';
import { DEFAULT_RISK_SETTINGS, riskSettingsProblem, type RiskSettings } from '../../../domain/risks/settings';
import { kvsCall } from '../kvs-call';

const storedSettings = z.object({
  likelihoodLabels: z.array(z.string()),
  impactLabels: z.array(z.string()),
  thresholds: z.object({ medium: z.number(), high: z.number(), critical: z.number() }),
});

export const riskSettingsKey = (projectKey: string): string => `settings:risks:${projectKey}`;

/** A project's risk settings in Forge KVS; a missing or inconsistent value reads as the defaults. */
export class KvsRiskSettingsStore implements RiskSettingsStore {
  async get(projectKey: string): Promise<RiskSettings> {
    const parsed = storedSettings.safeParse(await kvsCall('settings read', () => kvs.get(riskSettingsKey(projectKey))));
    return parsed.success && riskSettingsProblem(parsed.data) === null ? parsed.data : DEFAULT_RISK_SETTINGS;
  }

  async save(projectKey: string, settings: RiskSettings): Promise<void> {
    await kvsCall('settings write', () => kvs.set(riskSettingsKey(projectKey), settings));
  }
}
