import { debounceSearch } from '../../static/shared/debounce-search';

describe('a debounced people search', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('makes one call for a burst of keystrokes, with the last query; the replaced ones answer no matches', async () => {
    const queries: string[] = [];
    const search = debounceSearch(async (q: string) => {
      queries.push(q);
      return [`match for ${q}`];
    }, 300);
    const answers = [search('c'), search('ch'), search('che')];
    await jest.advanceTimersByTimeAsync(299);
    expect(queries).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(await Promise.all(answers)).toEqual([[], [], ['match for che']]);
    expect(queries).toEqual(['che']);
  });

  it('searches again after a pause', async () => {
    const queries: string[] = [];
    const search = debounceSearch(async (q: string) => (queries.push(q), []), 300);
    const first = search('arj');
    await jest.advanceTimersByTimeAsync(300);
    await first;
    const second = search('arjun');
    await jest.advanceTimersByTimeAsync(300);
    await second;
    expect(queries).toEqual(['arj', 'arjun']);
  });

  it('passes a failed search on to the picker', async () => {
    const search = debounceSearch(() => Promise.reject(new Error('Jira is not answering')), 300);
    const answer = search('x');
    const settled = expect(answer).rejects.toThrow('Jira is not answering');
    await jest.advanceTimersByTimeAsync(300);
    await settled;
  });
});
