import { HISTORY_FLOOR, RISK_LIMITS, type RiskRegister } from './model';

const bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;
/** Room for what the stored format adds around the register (its schemaVersion). */
const STORED_ENVELOPE_BYTES = 32;
const fmt = (n: number): string => n.toLocaleString('en');

/**
 * Fits a register into one Jira issue property (ADR 0008): the oldest history entries go first, down to
 * the last HISTORY_FLOOR; the risks themselves are never cut. Past that, a clear error names the largest
 * risks to shorten.
 *
 * @example
 * fitRegister(registerWith40LongRisks) // => { ok: false, message: 'The risk register would be 35,120 bytes ... "Vendor SDK ..." (2,210 bytes) ...' }
 */
export function fitRegister(register: RiskRegister): { ok: true; register: RiskRegister; trimmed: number } | { ok: false; message: string } {
  const limit = RISK_LIMITS.propertyBytes - STORED_ENVELOPE_BYTES;
  let fitted = register;
  while (bytes(fitted) > limit && fitted.history.length > HISTORY_FLOOR) {
    // A quarter of what is left at a time: a few passes, never below the floor.
    const drop = Math.max(1, Math.min(fitted.history.length - HISTORY_FLOOR, Math.ceil(fitted.history.length / 4)));
    fitted = { ...fitted, history: fitted.history.slice(drop) };
  }
  const total = bytes(fitted);
  if (total <= limit) return { ok: true, register: fitted, trimmed: register.history.length - fitted.history.length };
  const largest = [...register.risks].sort((a, b) => bytes(b) - bytes(a)).slice(0, 3);
  return {
    ok: false,
    message: `The risk register would be ${fmt(total)} bytes, and Jira stores at most ${fmt(limit)} bytes per issue. Shorten the longest risks (${largest
      .map((r) => `"${r.title}" (${fmt(bytes(r))} bytes)`)
      .join(', ')}) or delete resolved ones; nothing was saved.`,
  };
}
