import { startLocalSite, type LocalSite } from '../../local/host/site';
import { DEMO_USERS } from '../../local/jira/seed';
import { ROOT } from './paths';

/** A fresh demo site in memory on a free loopback port. */
export function startTestSite(): Promise<LocalSite> {
  return startLocalSite({ root: ROOT, port: 0, dataDir: null });
}

export const basicAuth = (email: string): string => `Basic ${Buffer.from(`${email}:test-token`).toString('base64')}`;

export const USERS = DEMO_USERS;
