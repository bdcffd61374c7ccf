/**
 * Jira's text search for `~` and `!~`: words, not substrings. The text is split into lower-case words; the
 * query is a list of terms that must all be present (Jira joins terms with AND). A term may end with `*`
 * (any word starting with it), hold `?` (one character), or be an exact phrase in quotes
 * (`summary ~ "\"ledger posting\""`). Not emulated: stemming, fuzzy and proximity searches, boolean operators
 * inside the text; Jira's own tokenizer also differs on some punctuation.
 */
/** Whether texts, given as their words (see `words`), match the query. */
export type TextQuery = (textsAsWords: ReadonlyArray<readonly string[]>) => boolean;

const WORD = /[\p{L}\p{N}_]+/gu;

/** The words of a text, lower-cased, in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function wordMatcher(term: string): (word: string) => boolean {
  if (!/[*?]/.test(term)) return (word) => word === term;
  const prefix = /^([^*?]+)\*$/.exec(term)?.[1];
  if (prefix) return (word) => word.startsWith(prefix);
  const pattern = new RegExp(`^${term.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\p{L}\\p{N}_]*').replace(/\?/g, '[\\p{L}\\p{N}_]')}$`, 'u');
  return (word) => pattern.test(word);
}

/** A phrase matches where its words appear one after the other; a single term anywhere. */
function phraseMatcher(phrase: string[]): (textWords: readonly string[]) => boolean {
  const matchers = phrase.map(wordMatcher);
  return (textWords) => {
    for (let start = 0; start + matchers.length <= textWords.length; start++) {
      if (matchers.every((m, k) => m(textWords[start + k]!))) return true;
    }
    return false;
  };
}

/** Compiles the text of a `~` clause; null when it holds no word at all (Jira refuses such a query). */
export function compileTextQuery(query: string): TextQuery | null {
  const parts: string[][] = [];
  for (const [, quoted, bare] of query.matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    if (quoted !== undefined) {
      const phrase = quoted.toLowerCase().match(/[\p{L}\p{N}_*?]+/gu) ?? [];
      if (phrase.length > 0) parts.push(phrase);
    } else {
      for (const term of bare!.toLowerCase().match(/[\p{L}\p{N}_*?]+/gu) ?? []) {
        if (/[\p{L}\p{N}_]/u.test(term)) parts.push([term]);
      }
    }
  }
  if (parts.length === 0) return null;
  const matchers = parts.map(phraseMatcher);
  return (textsAsWords) => matchers.every((m) => textsAsWords.some(m));
}
