/**
 * Wraps a search so that a burst of keystrokes makes one call: only the last query within `ms` runs, and the
 * ones it replaced answer no matches (a picker shows only its latest answer anyway).
 */
export function debounceSearch<T>(search: (query: string) => Promise<T[]>, ms: number): (query: string) => Promise<T[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let superseded: ((none: T[]) => void) | null = null;
  return (query) =>
    new Promise<T[]>((resolve, reject) => {
      clearTimeout(timer);
      superseded?.([]);
      superseded = resolve;
      timer = setTimeout(() => {
        superseded = null;
        search(query).then(resolve, reject);
      }, ms);
    });
}
