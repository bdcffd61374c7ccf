import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState, type ReactElement } from 'react';
import type { PlanningOperationDto, PlanningViewDto } from '../../../src/shared/contract/planning';
import { useDateFormat } from '../../shared/date-format-context';
import { SPEC_STATUS_APPEARANCE, SPEC_STATUS_LABEL } from '../../shared/planning-format';
import { SaveFeedback } from '../../shared/save-feedback';
import { useSaveAction } from '../../shared/use-save-action';
import { History } from './history';
import type { Apply } from './use-planning';

type Section = PlanningViewDto['sections'][number];

const count = (n: number): string => n.toLocaleString('en');

function SectionEditor({ section, saved, canEdit, apply }: { section: Section; saved: string; canEdit: boolean; apply: Apply }): ReactElement {
  const [draft, setDraft] = useState(saved);
  const [dirty, setDirty] = useState(false);
  const save = useSaveAction();
  // Show others' saved changes unless the user is in the middle of editing this section.
  useEffect(() => {
    if (!dirty) setDraft(saved);
  }, [saved, dirty]);
  const over = draft.length > section.maxChars;
  const id = `section-${section.key}`;

  const submit = async (): Promise<void> => {
    if (await save.run(() => apply({ type: 'spec.editSection', section: section.key, text: draft }))) setDirty(false);
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
          save.editing();
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
          <Button appearance="primary" onClick={() => void submit()} isDisabled={!dirty || over || save.busy} testId={id + '-save'}>
            {save.state.kind === 'saving' ? 'Saving…' : 'Save'}
          </Button>
        ) : null}
      </Inline>
      <SaveFeedback state={save.state} testId={id} />
    </Stack>
  );
}

function DesignLinks({ view, apply }: { view: PlanningViewDto; apply: Apply }): ReactElement {
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const save = useSaveAction();
  const add = async (): Promise<void> => {
    if (await save.run(() => apply({ type: 'spec.addLink', title, url }))) {
      setTitle('');
      setUrl('');
    }
  };
  const remove = (op: PlanningOperationDto): void => void save.run(() => apply(op));
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
            <Button appearance="subtle" spacing="compact" isDisabled={save.busy} onClick={() => remove({ type: 'spec.removeLink', linkId: link.id })}>
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
          <Button onClick={() => void add()} isDisabled={!title.trim() || !url.trim() || save.busy} testId="link-add">
            Add link
          </Button>
        </Inline>
      ) : null}
      <SaveFeedback state={save.state} testId="design-links" />
    </Stack>
  );
}

function Workflow({ view, apply }: { view: PlanningViewDto; apply: Apply }): ReactElement {
  const { spec } = view.record;
  const save = useSaveAction();
  const format = useDateFormat();
  const run = (op: PlanningOperationDto): void => void save.run(() => apply(op));
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center">
        <Text weight="bold">Spec status</Text>
        <Lozenge appearance={SPEC_STATUS_APPEARANCE[spec.status]} testId="spec-status">
          {SPEC_STATUS_LABEL[spec.status]}
        </Lozenge>
        {spec.approval ? (
          <Text color="color.text.subtle" testId="spec-approval">
            Approved by {spec.approval.by.displayName}, {format.dateTime(spec.approval.at)}
          </Text>
        ) : null}
      </Inline>
      {spec.lastEditor && spec.lastEditedAt ? (
        <Text color="color.text.subtle" size="small">
          Written by {spec.author?.displayName ?? spec.lastEditor.displayName}; last edited by {spec.lastEditor.displayName}, {format.dateTime(spec.lastEditedAt)}
        </Text>
      ) : null}
      <Inline space="space.100">
        {view.canEdit && spec.status === 'DRAFT' ? (
          <Button onClick={() => run({ type: 'spec.submitForReview' })} isDisabled={save.busy} testId="spec-submit">
            Submit for review
          </Button>
        ) : null}
        {view.canApprove && spec.status === 'IN_REVIEW' ? (
          <Button appearance="primary" onClick={() => run({ type: 'spec.approve' })} isDisabled={save.busy} testId="spec-approve">
            Approve spec
          </Button>
        ) : null}
      </Inline>
      <SaveFeedback state={save.state} testId="spec-workflow" />
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
