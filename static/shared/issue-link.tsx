import { router } from '@forge/bridge';
import type { ReactElement } from 'react';

/** A link to an issue that navigates the Jira page (not the app's iframe), as Jira's own links do. */
export function IssueLink({ issueKey }: { issueKey: string }): ReactElement {
  return (
    <a
      href={`/browse/${issueKey}`}
      onClick={(e) => {
        e.preventDefault();
        void router.navigate(`/browse/${issueKey}`);
      }}
    >
      {issueKey}
    </a>
  );
}
