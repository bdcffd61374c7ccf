import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { ReviewSettingsStore } from '../../application/project-settings/ports';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../../domain/planning-record/review-settings';
import { kvsCall } from './kvs-call';

const storedReviewSettings = z.object({ schemaVersion: z.literal(1), notifyByComment: z.boolean() });

export const reviewSettingsKey = (projectKey: string): string => `settings:review:${projectKey}`;

/** A project's review settings in Forge KVS; absent or unreadable values are the defaults (notices on). */
export class KvsReviewSettingsStore implements ReviewSettingsStore {
  async get(projectKey: string): Promise<ReviewSettings> {
    const parsed = storedReviewSettings.safeParse(await kvsCall('review settings read', () => kvs.get(reviewSettingsKey(projectKey))));
    return parsed.success ? { notifyByComment: parsed.data.notifyByComment } : DEFAULT_REVIEW_SETTINGS;
  }

  async save(projectKey: string, settings: ReviewSettings): Promise<void> {
    await kvsCall('review settings write', () => kvs.set(reviewSettingsKey(projectKey), { schemaVersion: 1, notifyByComment: settings.notifyByComment }));
  }
}
