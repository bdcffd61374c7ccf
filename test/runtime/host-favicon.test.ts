import type { LocalSite } from '../../local/host/site';
import { startTestSite } from '../support/local-site';

let site: LocalSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

it('answers the browser\'s /favicon.ico, so pages log no 404', async () => {
  const r = await fetch(`${site.url}/favicon.ico`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('image/svg+xml');
  expect(await r.text()).toContain('<svg');
});
