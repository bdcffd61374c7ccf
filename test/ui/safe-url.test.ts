import { safeLinkUrl } from '../../static/shared/safe-url';

describe('safeLinkUrl: the link rule for user-written Markdown', () => {
  it.each([
    ['https://wiki.example.com/adr/12', 'https://wiki.example.com/adr/12'],
    ['http://intranet.example/spec', 'http://intranet.example/spec'],
    ['  HTTPS://Example.com/a b  ', 'https://example.com/a%20b'],
  ])('keeps the http(s) link %p, as the browser reads it', (url, expected) => {
    expect(safeLinkUrl(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:lead@example.com',
    'file:///etc/passwd',
    '/browse/PAY-1',
    '../secrets',
    '#top',
    '',
  ])('drops %p', (url) => {
    expect(safeLinkUrl(url)).toBeNull();
  });
});
