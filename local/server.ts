import { resolve } from 'node:path';
import { startLocalSite } from './host/site';
import { DEMO_USERS } from './jira/seed';

/**
 * `npm start`: the app on the offline Forge runtime with the demo site. Flags: --reset restores the seed;
 * --user <email> (or --user=<email>) makes a visitor without a session act as that user instead of choosing;
 * --app <dir> runs another Forge app's manifest and handlers on the demo site.
 */
async function main(): Promise<void> {
  const repo = resolve(__dirname, '..');
  // --app <dir> runs another Forge app (its manifest.yml and src/index.ts) on the demo site, e.g. the
  // events fixture app, whose trigger and Automation action show the runtime's events end to end.
  const app = flagValue(process.argv, '--app');
  const root = app ? resolve(app) : repo;
  const reset = process.argv.includes('--reset');
  const dataDir = resolve(repo, process.env.DATA_DIR ?? (app ? '.local-data-app' : '.local-data'));
  const user = flagValue(process.argv, '--user');
  const port = Number(process.env.PORT ?? 8080);
  const site = await startLocalSite({ root, port, host: process.env.HOST ?? '127.0.0.1', dataDir, reset, events: { schedule: true }, ...(user ? { defaultUser: user } : {}) });
  console.log(`\nPlanning Readiness is running on the offline Forge runtime: ${site.url}`);
  console.log(user ? `  Acting as:         ${user} (choose another in the top bar)` : `  Acting as:         the user you choose on first visit (or start with --user ${DEMO_USERS.lead.email})`);
  console.log(`  Open an epic:      ${site.url}/browse/PAY-1`);
  if (!app) console.log(`  Project page:      ${site.url}/projects/PAY/apps/planning-readiness-page`);
  console.log(`  Automation rules:  ${site.url}/__local/automation (Forge events: ${site.url}/__local/events)`);
  console.log(`  Jira REST (Basic): curl -u ${DEMO_USERS.lead.email}:any-token ${site.url}/rest/api/3/myself`);
  console.log(`  Data in ${dataDir} (${reset ? 'reset to the demo seed' : 'kept across restarts; --reset restores the seed'})\n`);
  // npm start execs this process, so npm's SIGTERM and Ctrl+C reach it: close the site and exit.
  const stop = (): void => {
    void site.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The value of `--name value` or `--name=value`, if given. */
function flagValue(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const value = argv[i] === name ? argv[i + 1] : argv[i]!.slice(name.length + 1);
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value, e.g. ${name} ${DEMO_USERS.lead.email}`);
  return value;
}

main().catch((e: unknown) => {
  // A port taken between the check and the start: one line, no stack.
  if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port ${process.env.PORT ?? 8080} is in use (another npm start?): stop it, or start on another port with PORT=9000 npm start`);
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});
