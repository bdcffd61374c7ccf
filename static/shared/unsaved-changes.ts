import { useEffect, useId } from 'react';

/**
 * Which editors of this app hold text the user has not saved. While any does, the browser asks before the
 * page unloads (`beforeunload`), and the app's own navigation asks first (see `IssueLink`).
 */
const unsaved = new Set<string>();

function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older Chromium shows the prompt only when returnValue is set.
  event.returnValue = '';
}

function mark(id: string, dirty: boolean): void {
  const before = unsaved.size;
  if (dirty) unsaved.add(id);
  else unsaved.delete(id);
  if (before === 0 && unsaved.size > 0) window.addEventListener('beforeunload', warnBeforeUnload);
  if (before > 0 && unsaved.size === 0) window.removeEventListener('beforeunload', warnBeforeUnload);
}

export function hasUnsavedChanges(): boolean {
  return unsaved.size > 0;
}

/** Declares the calling editor's unsaved state; it is forgotten when the editor unmounts. */
export function useUnsavedChanges(dirty: boolean): void {
  const id = useId();
  useEffect(() => {
    mark(id, dirty);
    return () => mark(id, false);
  }, [id, dirty]);
}
