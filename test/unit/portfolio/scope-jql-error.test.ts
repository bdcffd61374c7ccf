import { userJqlError } from '../../../src/domain/portfolio/scope-jql-error';

const query = 'issuetype in (10000, 10001) AND fixVersion = "2027.1" AND (nonsense ~~ x) ORDER BY key ASC';
const at = (character: number): string => `Error in the JQL Query: extraneous input '~' (line 1, character ${character})`;

describe("a scope query's JQL error, told against the user's JQL", () => {
  it("places an error in the user's JQL by its character in what they typed", () => {
    const tilde = query.indexOf('~') + 1;
    expect(userJqlError(at(tilde), query, ' nonsense ~~ x ')).toBe("Error in your JQL: extraneous input '~' (character 10)");
  });

  it("keeps Jira's words when the error is elsewhere, unplaced, or there is no JQL of the user's", () => {
    expect(userJqlError(at(3), query, 'nonsense ~~ x')).toBe(at(3));
    expect(userJqlError("The value 'x' does not exist for the field 'Team[Team]'.", query, 'nonsense ~~ x')).toBe("The value 'x' does not exist for the field 'Team[Team]'.");
    expect(userJqlError(at(70), query, null)).toBe(at(70));
    expect(userJqlError(at(70), query, 'not in the query')).toBe(at(70));
  });
});
