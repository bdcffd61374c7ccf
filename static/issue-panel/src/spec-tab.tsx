import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState, type ReactElement } from 'react';
import type { PlanningViewDto } from '../../../src/shared/contract/planning';
import { SPEC_STATUS_APPEARANCE, SPEC_STATUS_LABEL, when } from '../../shared/planning-format';
import { SaveFeedback, type SaveState } from './save-state';
import type { Outcome } from './use-planning';
import type { PlanningOperationDto } from '../../../src/shared/contract/planning';

type Apply = (op: PlanningOperationDto) => Promise<Outcome>;
type Section = PlanningViewDto['sections'][number];

const count = (n: number): string => n.toLocaleString('en');

function SectionEditor({ section, saved, canEdit, apply }: { section: Section; saved: string; canEdit: boolean; apply: Apply }): ReactElement {
  const [draft, setDraft] = useState(saved);
  const [dirty, setDirty] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // Show others' saved changes unless the user is in the middle of editing this section.
  useEffect(() => {
    if (!dirty) setDraft(saved);
  }, [saved, dirty]);
  const over = draft.length > section.maxChars;
  const id = `section-${section.key}`;

  const save = async (): Promise<void> => {
    setState({ kind: 'saving' });
    const outcome = await apply({ type: 'spec.editSection', section: section.key, text: draft });
    if (outcome.ok) {
      setDirty(false);
      setState({ kind: 'saved', warnings: outcome.warnings });
    } else setState({ kind: 'failed', error: outcome.error });
  };

  return (
    <Stack space="space.050" testId={id}>
      <Label htmlFor={id + '-input'}>{section.title}</Label>
      <TextArea
        id={id + '-input'}
        testId={id + '-input'}
        value={draft}
        isReadOnly={!canEdit}
        isInvalid={over}
        minimumRows={3}
        resize="vertical"
        onChange={(e) => {
          setDraft(e.target.value);
          setDirty(true);
          if (state.kind === 'saved') setState({ kind: 'idle' });
        }}
      />
      <Inline spread="space-between" alignBlock="center">
        {over ? (
          <ErrorMessage testId={id + '-counter'}>
            {count(draft.length)} / {count(section.maxChars)} characters: shorten by {count(draft.length - section.maxChars)}
          </ErrorMessage>
        ) : (
          <HelperMessage testId={id + '-counter'}>
            {count(draft.length)} / {count(section.maxChars)} characters
          </HelperMessage>
        )}
        {canEdit ? (
          <Button appearance="primary" onClick={() => void save()} isDisabled={!dirty || over || state.kind === 'saving'} testId={id + '-save'}>
            {state.kind === 'saving' ? 'Saving…' : 'Save'}
          </Button>
        ) : null}
      </Inline>
      <SaveFeedback state={state} testId={id} />
    </Stack>
  );
}

function DesignLinks({ view, apply }: { view: PlanningViewDto; apply: Apply }): ReactElement {
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const run = async (op: PlanningOperationDto, clear: boolean): Promise<void> => {
    setState({ kind: 'saving' });
    const outcome = await apply(op);
    if (outcome.ok) {
      if (clear) {
        setTitle('');
        setUrl('');
      }
      setState({ kind: 'saved', warnings: outcome.warnings });
    } else setState({ kind: 'failed', error: outcome.error });
  };
  return (
    <Stack space="space.100" testId="design-links">
      <Heading size="xsmall" as="h3">
        Design documents
      </Heading>
      {view.record.spec.links.length === 0 ? <Text color="color.text.subtlest">No design documents linked yet.</Text> : null}
      {view.record.spec.links.map((link) => (
        <Inline key={link.id} space="space.100" alignBlock="center">
          <a href={link.url} target="_blank" rel="noreferrer noopener">
            {link.title}
          </a>
          {view.canEdit ? (
            <Button appearance="subtle" spacing="compact" onClick={() => void run({ type: 'spec.removeLink', linkId: link.id }, false)}>
              Remove
            </Button>
          ) : null}
        </Inline>
      ))}
      {view.canEdit ? (
        <Inline space="space.100" alignBlock="end">
          <Box>
            <Label htmlFor="link-title">Title</Label>
            <Textfield id="link-title" testId="link-title" value={title} maxLength={view.limits.linkTitleChars} onChange={(e) => setTitle(e.currentTarget.value)} />
          </Box>
          <Box>
            <Label htmlFor="link-url">URL</Label>
            <Textfield id="link-url" testId="link-url" value={url} placeholder="https://" maxLength={view.limits.linkUrlChars} onChange={(e) => setUrl(e.currentTarget.value)} />
          </Box>
          <Button onClick={() => void run({ type: 'spec.addLink', title, url }, true)} isDisabled={!title.trim() || !url.trim()} testId="link-add">
            Add link
          </Button>
        </Inline>
      ) : null}
      <SaveFeedback state={state} testId="design-links" />
    </Stack>
  );
}

function Workflow({ view, apply }: { view: PlanningViewDto; apply: Apply }): ReactElement {
  const { spec } = view.record;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const run = async (op: PlanningOperationDto): Promise<void> => {
    setState({ kind: 'saving' });
    const outcome = await apply(op);
    setState(outcome.ok ? { kind: 'saved', warnings: outcome.warnings } : { kind: 'failed', error: outcome.error });
  };
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center">
        <Text weight="bold">Spec status</Text>
        <Lozenge appearance={SPEC_STATUS_APPEARANCE[spec.status]} testId="spec-status">
          {SPEC_STATUS_LABEL[spec.status]}
        </Lozenge>
        {spec.approval ? (
          <Text color="color.text.subtle" testId="spec-approval">
            Approved by {spec.approval.by.displayName}, {when(spec.approval.at)}
          </Text>
        ) : null}
      </Inline>
      {spec.lastEditor && spec.lastEditedAt ? (
        <Text color="color.text.subtle" size="small">
          Written by {spec.author?.displayName ?? spec.lastEditor.displayName}; last edited by {spec.lastEditor.displayName}, {when(spec.lastEditedAt)}
        </Text>
      ) : null}
      <Inline space="space.100">
        {view.canEdit && spec.status === 'DRAFT' ? (
          <Button onClick={() => void run({ type: 'spec.submitForReview' })} testId="spec-submit">
            Submit for review
          </Button>
        ) : null}
        {view.canApprove && spec.status === 'IN_REVIEW' ? (
          <Button appearance="primary" onClick={() => void run({ type: 'spec.approve' })} testId="spec-approve">
            Approve spec
          </Button>
        ) : null}
      </Inline>
      <SaveFeedback state={state} testId="spec-workflow" />
    </Stack>
  );
}

export function History({ view }: { view: PlanningViewDto }): ReactElement {
  return (
    <Stack space="space.075" testId="history">
      <Heading size="xsmall" as="h3">
        Last changes
      </Heading>
      {view.record.history.length === 0 ? <Text color="color.text.subtlest">No changes yet.</Text> : null}
      {view.record.history.map((h) => (
        <Text key={h.rev} size="small">
          <Text weight="bold" size="small">
            {h.by.displayName}
          </Text>{' '}
          {h.what} <Text color="color.text.subtlest" size="small">({when(h.at)})</Text>
        </Text>
      ))}
    </Stack>
  );
}

export function SpecTab({ view, apply }: { view: PlanningViewDto; apply: Apply }): ReactElement {
  return (
    <Stack space="space.250" testId="spec-tab">
      <Workflow view={view} apply={apply} />
      {view.sections.map((section) => (
        <SectionEditor key={section.key} section={section} saved={view.record.spec.sections[section.key] ?? ''} canEdit={view.canEdit} apply={apply} />
      ))}
      <DesignLinks view={view} apply={apply} />
      <History view={view} />
    </Stack>
  );
}
