import type { SiteEvents } from '../runtime/events/event-runtime';
import { esc } from './pages';

/** The host page of the app's background modules: web trigger URLs, scheduled triggers with "Run now", recent deliveries. */
export function eventsPage(events: SiteEvents): string {
  const webTriggers = Object.entries(events.webTriggers.list())
    .map(([key, url]) => `<tr><td>${esc(key)}</td><td><code data-testid="webtrigger-url-${esc(key)}">${esc(url)}</code></td></tr>`)
    .join('');
  const scheduled = events.scheduled.modules
    .map((m) => {
      const last = [...events.scheduled.runs].reverse().find((r) => r.key === m.key);
      const lastRun = last ? `${esc(last.at)} ${last.ok ? 'ok' : `failed: ${esc(String(last.result))}`}` : 'not yet';
      return `<tr><td>${esc(m.key)}</td><td>${esc(m.interval)}</td><td data-testid="scheduled-last-${esc(m.key)}">${lastRun}</td><td><button type="button" data-run="${esc(m.key)}">Run now</button></td></tr>`;
    })
    .join('');
  const deliveries = [...events.queue.records]
    .reverse()
    .slice(0, 50)
    .map((d) => `<tr><td>${esc(d.at)}</td><td>${esc(d.label)}</td><td>${d.attempt}</td><td>${esc(d.outcome)}</td><td>${esc(d.detail)}</td></tr>`)
    .join('');
  const empty = (cols: number, text: string): string => `<tr><td colspan="${cols}">${esc(text)}</td></tr>`;
  return `<h1>Forge events</h1>
<p>The app's triggers, scheduled triggers, web triggers and async event consumers on the offline runtime.</p>
<h2>Web triggers</h2>
<table class="list"><thead><tr><th>Module</th><th>URL</th></tr></thead><tbody>${webTriggers || empty(2, 'No webtrigger modules in manifest.yml')}</tbody></table>
<h2>Scheduled triggers</h2>
<table class="list"><thead><tr><th>Module</th><th>Interval</th><th>Last run</th><th></th></tr></thead><tbody>${scheduled || empty(4, 'No scheduledTrigger modules in manifest.yml')}</tbody></table>
<h2>Recent deliveries</h2>
<table class="list"><thead><tr><th>When</th><th>Delivery</th><th>Attempt</th><th>Outcome</th><th>Detail</th></tr></thead><tbody>${deliveries || empty(5, 'Nothing delivered yet')}</tbody></table>
<script>
document.querySelectorAll('button[data-run]').forEach(function (button) {
  button.addEventListener('click', function () {
    button.disabled = true;
    fetch('/__forge/scheduled/' + encodeURIComponent(button.dataset.run) + '/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      .then(function () { window.location.reload(); });
  });
});
</script>`;
}
