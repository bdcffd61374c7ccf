import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage } from '@atlaskit/form';
import { Inline, Stack } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { useState, type KeyboardEvent, type ReactElement } from 'react';
import { SaveFeedback } from '../../shared/save-feedback';
import { useUnsavedChanges } from '../../shared/unsaved-changes';
import { useSaveAction, type SaveOutcome } from '../../shared/use-save-action';

/**
 * The one problem with a comment's text before it is sent, checked as the server checks it (not empty once
 * trimmed, at most `maxChars`), or null. One message at a time: this one, or the save's.
 */
export function commentProblem(text: string, maxChars: number, whenEmpty: string): string | null {
  const length = text.replace(/\r\n?/g, '\n').length;
  if (length > maxChars) return `${length.toLocaleString('en')} / ${maxChars.toLocaleString('en')} characters: shorten by ${(length - maxChars).toLocaleString('en')}`;
  if (text.trim() === '') return whenEmpty;
  return null;
}

export interface CommentBoxProps {
  label: string;
  submitLabel: string;
  maxChars: number;
  /** What to say when Send is pressed on an empty box. */
  whenEmpty: string;
  send: (text: string) => Promise<SaveOutcome>;
  onDone: () => void;
  testId: string;
}

/**
 * A box to write a comment or a request for changes: Markdown, a counter, Send (or Ctrl/Cmd+Enter) and
 * Cancel (or Esc). Unsent text counts as unsaved work.
 */
export function CommentBox({ label, submitLabel, maxChars, whenEmpty, send, onDone, testId }: CommentBoxProps): ReactElement {
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const save = useSaveAction();
  useUnsavedChanges(text.trim() !== '');
  const problem = commentProblem(text, maxChars, whenEmpty);
  const over = text.length > maxChars;

  const submit = async (): Promise<void> => {
    if (save.busy) return;
    setTried(true);
    if (problem) return;
    if (await save.run(() => send(text))) {
      setText('');
      onDone();
    }
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape' && !save.busy) {
      e.preventDefault();
      onDone();
    }
  };
  // The client's own check speaks only before a save is tried; after that, the save's answer is shown alone.
  const shownProblem = (tried || over) && problem && save.state.kind !== 'saving' ? problem : null;
  return (
    <Stack space="space.075" testId={testId}>
      <TextArea
        aria-label={label}
        placeholder={label}
        testId={`${testId}-input`}
        value={text}
        isInvalid={shownProblem !== null}
        minimumRows={3}
        resize="vertical"
        autoFocus
        onKeyDown={onKey}
        onChange={(e) => {
          setText(e.target.value);
          save.editing();
        }}
      />
      {shownProblem ? (
        <ErrorMessage testId={`${testId}-problem`}>{shownProblem}</ErrorMessage>
      ) : (
        <HelperMessage testId={`${testId}-counter`}>
          {text.length.toLocaleString('en')} / {maxChars.toLocaleString('en')} characters. Markdown; Ctrl/⌘+Enter sends, Esc cancels.
        </HelperMessage>
      )}
      <Inline space="space.100">
        <Button appearance="primary" onClick={() => void submit()} isDisabled={save.busy} testId={`${testId}-send`}>
          {save.state.kind === 'saving' ? 'Sending…' : submitLabel}
        </Button>
        <Button appearance="subtle" onClick={onDone} isDisabled={save.busy} testId={`${testId}-cancel`}>
          Cancel
        </Button>
      </Inline>
      {shownProblem ? null : <SaveFeedback state={save.state} testId={testId} />}
    </Stack>
  );
}
