import { pastDateProblem } from '../../shared/past-dates';
import { RISK_LIMITS } from './model';

/**
 * The rules for each field a person fills in on a risk. The panel runs the same functions as it is typed
 * (through src/shared/payloads/risks.ts) and the domain runs them again on save, so both sides say the same.
 * Each answers null when the value is fine, or a message that names the field.
 */
// Control characters other than tab and newline.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function textProblem(field: string, text: string, maxChars: number, required: boolean): string | null {
  if (CONTROL.test(text)) return `${field}: remove the invisible control characters.`;
  if (required && text.trim() === '') return `${field}: required.`;
  if (text.length > maxChars) return `${field}: ${text.length.toLocaleString('en')} characters; the limit is ${maxChars.toLocaleString('en')}.`;
  return null;
}

export const titleProblem = (text: string): string | null => textProblem('Title', text, RISK_LIMITS.titleChars, true);
export const descriptionProblem = (text: string): string | null => textProblem('Description', text, RISK_LIMITS.descriptionChars, false);
export const planProblem = (text: string): string | null => textProblem('Mitigation plan', text, RISK_LIMITS.planChars, true);
export const rationaleProblem = (text: string): string | null => textProblem('Why it is accepted', text, RISK_LIMITS.noteChars, true);
export const resolutionProblem = (text: string): string | null => textProblem('Resolution note', text, RISK_LIMITS.noteChars, false);

/** A likelihood or impact: a whole number from 1 to 5. */
export function levelProblem(field: string, value: unknown): string | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? null : `${field}: choose a level from 1 to 5.`;
}

/**
 * A response due date: empty, or a real calendar date written yyyy-mm-dd, not already passed (before
 * `earliest`, see src/shared/past-dates) unless it is the one the risk has (`kept`).
 *
 * @example
 * dueDateProblem('2026-02-30', '2026-01-01') // => 'Response due: 2026-02-30 is not a date (use yyyy-mm-dd).'
 */
export function dueDateProblem(value: string | null, earliest: string, kept: string | null = null): string | null {
  if (value === null || value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) return `Response due: ${value} is not a date (use yyyy-mm-dd).`;
  return pastDateProblem('Response due', value, earliest, kept);
}

/** The residual rating cannot be worse than the inherent one: mitigation lowers a risk or leaves it. */
export function residualProblem(inherentScore: number, likelihood: number, impact: number): string | null {
  return likelihood * impact > inherentScore ? `Residual rating: ${likelihood} x ${impact} is above the risk's inherent score (${inherentScore}); mitigation cannot raise it.` : null;
}
