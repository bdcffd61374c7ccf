import { router } from '@forge/bridge';
import type { ReactElement } from 'react';
import { useConfirmDialog } from './confirm-dialog';
import { hasUnsavedChanges } from './unsaved-changes';

/**
 * A link to an issue that navigates the Jira page (not the app's iframe), as Jira's own links do. The
 * bridge's navigation unloads the app without a `beforeunload` prompt, so unsaved text is asked about here.
 */
export function IssueLink({ issueKey }: { issueKey: string }): ReactElement {
  const leave = useConfirmDialog();
  const go = async (): Promise<void> => {
    const sure =
      !hasUnsavedChanges() ||
      (await leave.ask({
        title: 'Leave without saving?',
        body: `You have changes that are not saved. Opening ${issueKey} discards them.`,
        confirmLabel: 'Discard and leave',
        cancelLabel: 'Stay and keep editing',
        testId: 'leave-unsaved',
      }));
    if (sure) await router.navigate(`/browse/${issueKey}`);
  };
  return (
    <>
      <a
        href={`/browse/${issueKey}`}
        onClick={(e) => {
          e.preventDefault();
          void go();
        }}
      >
        {issueKey}
      </a>
      {leave.dialog}
    </>
  );
}
