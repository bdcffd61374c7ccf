import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { ReactElement } from 'react';
import type { SaveState } from './use-save-action';

/**
 * What became of a save, under its editor. Warnings and problems stay visible until the next save: a
 * save that landed with a warning is still a save the user must hear about.
 */
export function SaveFeedback({ state, testId }: { state: SaveState; testId: string }): ReactElement | null {
  switch (state.kind) {
    case 'idle':
    case 'saving':
      return null;
    case 'saved':
      return (
        <Text color="color.text.success" testId={`${testId}-saved`}>
          Saved
        </Text>
      );
    case 'saved-with-warnings':
      return (
        <SectionMessage appearance="warning" title="Saved, with a problem" testId={`${testId}-saved-warning`}>
          {state.warnings.map((w) => (
            <Text as="p" key={w}>
              {w}
            </Text>
          ))}
        </SectionMessage>
      );
    case 'conflict': {
      const current = state.error.conflict?.current;
      return (
        <SectionMessage appearance="warning" title="Someone else changed this" testId={`${testId}-conflict`}>
          <Text>{state.error.message}</Text>
          {typeof current === 'string' ? (
            <Text as="p">
              Their version: <Text as="em">{current === '' ? '(empty)' : current}</Text>
            </Text>
          ) : null}
          <Text as="p">Your text is still in the editor: save again to replace theirs, or copy what you need first.</Text>
        </SectionMessage>
      );
    }
    case 'unconfirmed':
      return (
        <SectionMessage appearance="warning" title="Not confirmed yet: your change may not be saved" testId={`${testId}-unconfirmed`}>
          <Stack space="space.100">
            <Text>{state.message}</Text>
            {state.checking ? (
              <Inline space="space.075" alignBlock="center">
                <Spinner size="small" label="Checking what was stored" />
                <Text>Checking what Jira stored…</Text>
              </Inline>
            ) : (
              <Text>What Jira stored could not be read yet. Reload the page in a moment to see it before saving again.</Text>
            )}
          </Stack>
        </SectionMessage>
      );
    case 'failed':
      return (
        <SectionMessage appearance="error" title="Not saved" testId={`${testId}-error`}>
          <Text>{state.error.message}</Text>
        </SectionMessage>
      );
  }
}
