import SectionMessage from '@atlaskit/section-message';
import { Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { AppError } from '../../../src/shared/contract/common';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; warnings?: string[] } | { kind: 'failed'; error: AppError };

/** Saved / failed / conflict feedback under an editor. A conflict shows the other person's version. */
export function SaveFeedback({ state, testId }: { state: SaveState; testId: string }): ReactElement | null {
  if (state.kind === 'saved' && state.warnings?.length) {
    return (
      <SectionMessage appearance="warning" title="Saved, with a problem" testId={`${testId}-saved-warning`}>
        {state.warnings.map((w) => (
          <Text as="p" key={w}>
            {w}
          </Text>
        ))}
      </SectionMessage>
    );
  }
  if (state.kind === 'saved') {
    return (
      <Text color="color.text.success" testId={`${testId}-saved`}>
        Saved
      </Text>
    );
  }
  if (state.kind !== 'failed') return null;
  const { error } = state;
  if (error.code === 'CONFLICT') {
    const current = error.conflict?.current;
    return (
      <SectionMessage appearance="warning" title="Someone else changed this" testId={`${testId}-conflict`}>
        <Text>{error.message}</Text>
        {typeof current === 'string' ? (
          <Text as="p">
            Their version: <Text as="em">{current === '' ? '(empty)' : current}</Text>
          </Text>
        ) : null}
        <Text as="p">Your text is still in the editor: save again to replace theirs, or copy what you need first.</Text>
      </SectionMessage>
    );
  }
  if (error.code === 'UNCONFIRMED') {
    return (
      <SectionMessage appearance="warning" title="Not confirmed yet" testId={`${testId}-unconfirmed`}>
        <Text>{error.message}</Text>
      </SectionMessage>
    );
  }
  return (
    <SectionMessage appearance="error" title="Not saved" testId={`${testId}-error`}>
      <Text>{error.message}</Text>
    </SectionMessage>
  );
}
