import { LIMITS, SPEC_SECTION_KEYS, sectionTitle, type PlanningRecord } from './model';

const bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value ?? '')).length;

/**
 * Null when the record fits in one Jira issue property; otherwise a message naming what to shorten,
 * largest first.
 *
 * @example
 * oversizeMessage(recordWithAHugeApproach) // => 'The planning record would be 40,210 bytes ... "Solution approach (architecture)" (31,002 bytes) ...'
 */
export function oversizeMessage(record: PlanningRecord): string | null {
  const total = bytes(record);
  if (total <= LIMITS.propertyBytes) return null;
  const parts = [
    ...SPEC_SECTION_KEYS.map((k) => ({ name: `"${sectionTitle(k)}"`, size: bytes(record.spec.sections[k]) })),
    { name: 'the design links', size: bytes(record.spec.links) },
    { name: 'the estimate assumptions', size: bytes(record.estimate?.assumptions) },
    { name: 'the review comments', size: bytes(record.review) },
  ]
    .filter((p) => p.size > 2)
    .sort((a, b) => b.size - a.size)
    .slice(0, 3);
  const fmt = (n: number): string => n.toLocaleString('en');
  return `The planning record would be ${fmt(total)} bytes, and Jira stores at most ${fmt(LIMITS.propertyBytes)} bytes per issue. Shorten ${parts
    .map((p) => `${p.name} (${fmt(p.size)} bytes)`)
    .join(', ')} by ${fmt(total - LIMITS.propertyBytes)} bytes in all.`;
}
