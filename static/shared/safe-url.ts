/**
 * The one rule for links in user-written Markdown: http and https only. Everything else (javascript:,
 * data:, vbscript:, mailto:, relative paths that would resolve inside the app's iframe) is dropped, so the
 * link renders as plain text. Answers the URL as the browser would read it, or null.
 */
export function safeLinkUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}
