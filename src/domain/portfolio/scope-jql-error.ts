/**
 * Jira's answer to a scope query it cannot run, told against what the user typed. Jira places a syntax
 * error by its character in the whole query the app ran (the program's clauses, then the user's JQL in
 * parentheses), a place the user never saw; when the error lies in the user's own JQL, the place is given
 * in their text instead. Any other answer is kept as Jira wrote it.
 *
 * @example
 * userJqlError("Error in the JQL Query: ... (line 1, character 33)", 'project = "PAY" AND (nonsense ~~ x)', 'nonsense ~~ x')
 * // => "Error in your JQL: ... (character 12)"
 */
export function userJqlError(message: string, queryJql: string, userJql: string | null): string {
  const typed = userJql?.trim();
  if (!typed) return message;
  const start = queryJql.lastIndexOf(`(${typed})`);
  const place = /^Error in the JQL Query: (.*) \(line 1, character (\d+)\)$/s.exec(message);
  if (start < 0 || !place) return message;
  // Jira counts characters from 1; the user's text starts after the opening parenthesis.
  const inTyped = Number(place[2]) - (start + 1);
  if (inTyped < 1 || inTyped > typed.length + 1) return message;
  return `Error in your JQL: ${place[1]} (character ${inTyped})`;
}
