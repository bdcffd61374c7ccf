import { useCallback, useEffect, useState } from 'react';
import { bridgeFailure, type AppError, type Result } from './api';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: AppError };

/** Loads one resolver result; `reload` runs it again (after a failure or a change elsewhere). */
export function useResolver<T>(call: () => Promise<Result<T>>, deps: unknown[] = []): Loadable<T> & { reload: () => void } {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    let live = true;
    setValue({ state: 'loading' });
    call()
      .then((r) => live && setValue(r.ok ? { state: 'ready', data: r.data } : { state: 'failed', error: r.error }))
      .catch((e: unknown) => live && setValue({ state: 'failed', error: bridgeFailure(e) }));
    return () => {
      live = false;
    };
    // `call` is recreated on each render; the caller lists what it depends on in `deps`.
  }, [generation, ...deps]);
  return { ...value, reload };
}
