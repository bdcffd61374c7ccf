import { useCallback, useRef, useState } from 'react';
import { bridgeFailure, type AppError } from './api';

/** What a save answered. With UNCONFIRMED, `confirmation` settles once what was stored has been read again. */
export type SaveOutcome =
  | { ok: true; warnings: string[] }
  | { ok: false; error: AppError; confirmation?: Promise<Confirmation> };

/** After an unconfirmed save: whether the stored record now holds the change ('unknown' if it could not be read). */
export type Confirmation = 'landed' | 'lost' | 'unknown';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'saved-with-warnings'; warnings: string[] }
  | { kind: 'failed'; error: AppError }
  | { kind: 'conflict'; error: AppError }
  | { kind: 'unconfirmed'; message: string; checking: boolean };

export interface SaveAction {
  state: SaveState;
  /** Whether a save is under way or still unconfirmed: a second one now would only queue behind it. */
  busy: boolean;
  /** Runs one save and answers whether it is now stored (for an unconfirmed save: once that is known). */
  run: (save: () => Promise<SaveOutcome>) => Promise<boolean>;
  /** Forgets a plain "Saved" once the user edits again; problems and warnings stay until the next save. */
  editing: () => void;
  /** Forgets whatever is shown: the user settled it another way (a conflict resolved by taking their text). */
  dismiss: () => void;
}

const LOST: AppError = {
  code: 'UNAVAILABLE',
  message: 'Jira did not store your change after all. Your text is still here: save again.',
};

function stateOf(outcome: SaveOutcome): SaveState {
  if (outcome.ok) return outcome.warnings.length > 0 ? { kind: 'saved-with-warnings', warnings: outcome.warnings } : { kind: 'saved' };
  if (outcome.error.code === 'CONFLICT') return { kind: 'conflict', error: outcome.error };
  if (outcome.error.code === 'UNCONFIRMED') return { kind: 'unconfirmed', message: outcome.error.message, checking: outcome.confirmation !== undefined };
  return { kind: 'failed', error: outcome.error };
}

/**
 * Save state for one editor, shared by every app: saving, saved, saved with warnings, failed, conflict and
 * unconfirmed. An unconfirmed save waits for its confirmation and then says what was stored.
 */
export function useSaveAction(): SaveAction {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(0);

  const run = useCallback(async (save: () => Promise<SaveOutcome>): Promise<boolean> => {
    const ticket = ++latest.current;
    setState({ kind: 'saving' });
    const outcome = await save().catch((e: unknown): SaveOutcome => ({ ok: false, error: bridgeFailure(e) }));
    if (ticket !== latest.current) return outcome.ok;
    setState(stateOf(outcome));
    if (outcome.ok || !outcome.confirmation) return outcome.ok;
    const confirmed = await outcome.confirmation;
    if (ticket !== latest.current) return confirmed === 'landed';
    if (confirmed === 'landed') setState({ kind: 'saved' });
    else if (confirmed === 'lost') setState({ kind: 'failed', error: LOST });
    else setState({ kind: 'unconfirmed', message: outcome.error.message, checking: false });
    return confirmed === 'landed';
  }, []);

  const editing = useCallback(() => setState((s) => (s.kind === 'saved' ? { kind: 'idle' } : s)), []);

  const dismiss = useCallback(() => {
    latest.current++;
    setState({ kind: 'idle' });
  }, []);

  const busy = state.kind === 'saving' || (state.kind === 'unconfirmed' && state.checking);
  return { state, busy, run, editing, dismiss };
}
