/**
 * Rules for text people type into the planning record: bounded length, no control characters. Text is
 * data: `List<Payment>`, `POST /v1/<tenant>/payments` and `a<b and c>d` are stored as typed and never
 * interpreted as HTML (the UI renders them as text). Each rule answers with a message that names the field.
 */
// Control characters other than tab and newline.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Normalised text, or the reason it is not acceptable. */
export function checkPlainText(field: string, text: string, maxChars: number): { ok: true; text: string } | { ok: false; message: string } {
  const normalised = text.replace(/\r\n?/g, '\n');
  if (CONTROL.test(normalised)) return { ok: false, message: `${field}: remove the invisible control characters.` };
  if (normalised.length > maxChars) {
    return { ok: false, message: `${field} is ${normalised.length.toLocaleString('en')} characters; the limit is ${maxChars.toLocaleString('en')}. Shorten it by ${(normalised.length - maxChars).toLocaleString('en')}.` };
  }
  return { ok: true, text: normalised };
}
