import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactElement } from 'react';
import type { PlanningViewDto } from '../../../src/shared/contract/planning';
import { addGlobalStyle } from '../../shared/global-style';
import { Markdown } from '../../shared/markdown';
import { SaveFeedback } from '../../shared/save-feedback';
import { useUnsavedChanges } from '../../shared/unsaved-changes';
import { useSaveAction } from '../../shared/use-save-action';
import { CharCounter } from './char-counter';
import { SectionConflict } from './section-conflict';
import { SECTION_HINTS } from './section-hints';
import type { Apply } from './use-planning';

type Section = PlanningViewDto['sections'][number];

/** The read view reacts as Jira's inline-editable fields do: a hover background and a focus ring. */
addGlobalStyle(`
.pr-read-view { border-radius: ${token('radius.small')}; padding: ${token('space.075')}; margin: -${token('space.075')}; cursor: text; }
.pr-read-view:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
.pr-read-view:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; }
`);

function ReadView({ text, hint, testId }: { text: string; hint: string; testId: string }): ReactElement {
  return text === '' ? (
    <Text color="color.text.subtlest" testId={`${testId}-hint`}>
      {hint}
    </Text>
  ) : (
    <Markdown text={text} testId={`${testId}-rendered`} />
  );
}

/**
 * One spec section: rendered Markdown first; click it or press Enter on it to edit in place. Save or
 * Ctrl/Cmd+Enter saves, Cancel or Esc drops the draft. An edit that would send an approved spec back to
 * review is confirmed first (`confirmReopen`); a conflict shows both texts side by side.
 */
export function SectionField(props: { section: Section; saved: string; canEdit: boolean; apply: Apply; confirmReopen: () => Promise<boolean> }): ReactElement {
  const { section, saved, canEdit, apply, confirmReopen } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(saved);
  const save = useSaveAction();
  const readView = useRef<HTMLDivElement>(null);
  const closedByUser = useRef(false);
  useUnsavedChanges(editing && draft !== saved);
  const id = `section-${section.key}`;
  const over = draft.length > section.maxChars;

  // After Save or Cancel, focus returns to the section, so keyboard users carry on where they were.
  useEffect(() => {
    if (!editing && closedByUser.current) {
      closedByUser.current = false;
      readView.current?.focus();
    }
  }, [editing]);

  const open = (): void => {
    setDraft(saved);
    save.editing();
    setEditing(true);
  };
  const close = (): void => {
    closedByUser.current = true;
    setEditing(false);
  };
  const submit = async (): Promise<void> => {
    if (over || save.busy) return;
    if (draft === saved) return close();
    if (!(await confirmReopen())) return;
    if (await save.run(() => apply({ type: 'spec.editSection', section: section.key, text: draft }))) close();
  };
  const cancel = (): void => {
    if (save.busy) return;
    // The problem was about the draft, which is gone now.
    if (save.state.kind === 'conflict' || save.state.kind === 'failed') save.dismiss();
    close();
  };
  const onEditorKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  };
  const onReadClick = (e: MouseEvent): void => {
    // A link in the text opens the link, not the editor.
    if (!(e.target as HTMLElement).closest('a')) open();
  };
  const onReadKey = (e: KeyboardEvent): void => {
    if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      open();
    }
  };

  const conflict = save.state.kind === 'conflict' ? save.state.error.conflict?.current : undefined;
  return (
    <Stack space="space.075" testId={id}>
      <Heading size="xsmall" as="h3" id={`${id}-title`}>
        {section.title}
      </Heading>
      {!editing ? (
        canEdit ? (
          <div
            ref={readView}
            className="pr-read-view"
            role="button"
            tabIndex={0}
            aria-label={`${section.title}: ${saved === '' ? 'empty' : 'written'}. Press Enter to edit.`}
            data-testid={`${id}-view`}
            onClick={onReadClick}
            onKeyDown={onReadKey}
          >
            <ReadView text={saved} hint={SECTION_HINTS[section.key]} testId={id} />
          </div>
        ) : (
          <div data-testid={`${id}-view`}>
            <ReadView text={saved} hint={SECTION_HINTS[section.key]} testId={id} />
          </div>
        )
      ) : (
        <>
          <TextArea
            aria-labelledby={`${id}-title`}
            testId={`${id}-input`}
            value={draft}
            isInvalid={over}
            minimumRows={5}
            resize="vertical"
            autoFocus
            onKeyDown={onEditorKey}
            onChange={(e) => {
              setDraft(e.target.value);
              save.editing();
            }}
          />
          <CharCounter length={draft.length} max={section.maxChars} testId={`${id}-counter`} />
          <Inline space="space.100" alignBlock="center">
            <Button appearance="primary" onClick={() => void submit()} isDisabled={over || save.busy} testId={`${id}-save`}>
              {save.state.kind === 'saving' ? 'Saving…' : 'Save'}
            </Button>
            <Button appearance="subtle" onClick={cancel} isDisabled={save.busy} testId={`${id}-cancel`}>
              Cancel
            </Button>
            <Text size="small" color="color.text.subtlest">
              Markdown: tables, `code`, ``` blocks and - [ ] tasks. Ctrl/⌘+Enter saves, Esc cancels.
            </Text>
          </Inline>
        </>
      )}
      {editing && typeof conflict === 'string' ? (
        <SectionConflict testId={id} mine={draft} theirs={conflict} busy={save.busy} onKeepMine={() => void submit()} onUseTheirs={cancel} />
      ) : (
        <SaveFeedback state={save.state} testId={id} />
      )}
    </Stack>
  );
}
