import type { LocalSite } from '../../local/host/site';
import type { EmuResponse } from '../../local/jira/api';

/**
 * How the e2e tests break one of the app's Jira calls, to watch what the UI then tells its user:
 * - 'answer-500': Jira answers 500 and changes nothing;
 * - 'drop-after-commit': the write lands, then the answer is lost (the app cannot know it landed);
 * - 'drop-before-commit': the connection drops before anything is written.
 * A small stand-in for the offline runtime's fault injection (issue 6, item 4) until that is on main.
 */
export type JiraBreakage = 'answer-500' | 'drop-after-commit' | 'drop-before-commit';

const lostAnswer = (): TypeError => new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });

/** Breaks every call to `site.jira` with this method whose path matches; the returned function mends it. */
export function breakJira(site: LocalSite, method: string, path: RegExp, how: JiraBreakage): () => void {
  const { jira } = site;
  const handle = jira.handle.bind(jira);
  jira.handle = async (m, p, body, principal): Promise<EmuResponse> => {
    if (m !== method || !path.test(p)) return handle(m, p, body, principal);
    if (how === 'answer-500') return { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorMessages: ['Internal server error (injected by the test)'] }) };
    if (how === 'drop-after-commit') await handle(m, p, body, principal);
    throw lostAnswer();
  };
  return () => {
    jira.handle = handle;
  };
}

/** Runs `fn` with the call broken, and mends it afterwards even if `fn` fails; `fn` may mend it earlier. */
export async function withJiraBroken(site: LocalSite, method: string, path: RegExp, how: JiraBreakage, fn: (mend: () => void) => Promise<void>): Promise<void> {
  const mend = breakJira(site, method, path, how);
  try {
    await fn(mend);
  } finally {
    mend();
  }
}
