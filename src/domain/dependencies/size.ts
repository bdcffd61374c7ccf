import { DEPENDENCY_LIMITS } from './model';

const bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * Null when the stored record fits in one Jira issue property (32,768 bytes); otherwise a message saying what
 * to do. Never truncated silently.
 *
 * @example
 * dependencyOversizeMessage(hugeStoredRecord) // => 'The dependencies of this issue would take 33,120 bytes ...'
 */
export function dependencyOversizeMessage(stored: unknown): string | null {
  const total = bytes(stored);
  if (total <= DEPENDENCY_LIMITS.propertyBytes) return null;
  const fmt = (n: number): string => n.toLocaleString('en');
  return `The dependencies of this issue would take ${fmt(total)} bytes, and Jira stores at most ${fmt(DEPENDENCY_LIMITS.propertyBytes)} bytes per issue property: shorten descriptions or remove delivered or declined dependencies (${fmt(total - DEPENDENCY_LIMITS.propertyBytes)} bytes too many). Nothing was saved.`;
}
