import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { MeetingState, MeetingStore } from '../../application/impediments/agenda';
import { kvsCall } from './kvs-call';

const stored = z.object({ lastMeetingAt: z.string().nullable(), late: z.array(z.string()), critical: z.array(z.string()) });
const meetingKey = (projectKey: string): string => `escalations:meeting:${projectKey}`;

/** The last Scrum of Scrums of a project: when, and what was already on its agenda. */
export class KvsEscalationMeetings implements MeetingStore {
  async get(projectKey: string): Promise<MeetingState> {
    const parsed = stored.safeParse(await kvsCall('meeting read', () => kvs.get(meetingKey(projectKey))));
    return parsed.success ? parsed.data : { lastMeetingAt: null, late: [], critical: [] };
  }

  async save(projectKey: string, state: MeetingState): Promise<void> {
    await kvsCall('meeting write', () => kvs.set(meetingKey(projectKey), state));
  }
}
