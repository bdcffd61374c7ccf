import { startLocalSite, type LocalSite, type LocalSiteOptions } from '../../local/host/site';
import { DEMO_USERS } from '../../local/jira/seed';
import { ROOT } from './paths';

/** A fresh demo site in memory on a free loopback port (options: latency, events, ...). */
export function startTestSite(options: Partial<Omit<LocalSiteOptions, 'root' | 'port' | 'dataDir'>> = {}): Promise<LocalSite> {
  return startLocalSite({ root: ROOT, port: 0, dataDir: null, ...options });
}

export const basicAuth = (email: string): string => `Basic ${Buffer.from(`${email}:test-token`).toString('base64')}`;

export const USERS = DEMO_USERS;
