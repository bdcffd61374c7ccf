import { resolve } from 'node:path';
import { startLocalSite } from './host/site';
import { DEMO_USERS } from './jira/seed';

/** `npm start`: the app on the offline Forge runtime with the demo site. Flags: --reset restores the seed. */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const reset = process.argv.includes('--reset');
  const port = Number(process.env.PORT ?? 8080);
  const site = await startLocalSite({ root, port, host: process.env.HOST ?? '127.0.0.1', dataDir: resolve(root, process.env.DATA_DIR ?? '.local-data'), reset });
  console.log(`\nPlanning Readiness is running on the offline Forge runtime: ${site.url}`);
  console.log(`  Open an epic:      ${site.url}/browse/PAY-1`);
  console.log(`  Project page:      ${site.url}/projects/PAY/apps/planning-readiness-page`);
  console.log(`  Jira REST (Basic): curl -u ${DEMO_USERS.lead.email}:any-token ${site.url}/rest/api/3/myself`);
  console.log(`  Data in .local-data/ (${reset ? 'reset to the demo seed' : 'kept across restarts; --reset restores the seed'})\n`);
  const stop = (): void => {
    void site.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
