/**
 * The rule for a design-document link, shared by the server (the planning record's operations) and the
 * panel's link form, so the form refuses exactly what the server would, with the same words, before
 * anything is sent. Only http(s): a `javascript:` or `data:` address would run or show content when clicked.
 */

/** An http(s) link to a design document, or the reason it is not acceptable. */
export function checkLinkUrl(url: string, maxChars: number): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = url.trim();
  if (trimmed.length === 0) return { ok: false, message: 'Link URL: enter the address of the design document.' };
  if (trimmed.length > maxChars) return { ok: false, message: `Link URL is longer than ${maxChars} characters.` };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, message: `Link URL: '${trimmed.slice(0, 60)}' is not a web address (it should start with https://).` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, message: 'Link URL: only http and https addresses are allowed.' };
  return { ok: true, url: parsed.toString() };
}
