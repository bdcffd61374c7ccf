import { events } from '@forge/bridge';

/** Forge events between this app's frames on one page: the Planning panel tells the side panel it saved. */
const RECORD_CHANGED = 'planning-readiness:record-changed';

export function announceRecordChanged(issueKey: string): void {
  void events.emit(RECORD_CHANGED, { issueKey });
}

export function onRecordChanged(issueKey: string, handler: () => void): () => void {
  const subscription = events.on(RECORD_CHANGED, (payload: { issueKey?: string } | undefined) => {
    if (payload?.issueKey === issueKey) handler();
  });
  return () => {
    void subscription.then((s) => s.unsubscribe());
  };
}
