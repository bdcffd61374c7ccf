import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import type { PlanningOperationDto, PlanningViewDto } from '../../../src/shared/contract/planning';
import { useDateFormat } from '../../shared/date-format-context';
import { SPEC_STATUS_APPEARANCE, SPEC_STATUS_LABEL } from '../../shared/planning-format';
import { useConfirmDialog } from '../../shared/confirm-dialog';
import { SaveFeedback } from '../../shared/save-feedback';
import { useSaveAction } from '../../shared/use-save-action';
import { DesignLinks } from './design-links';
import { History } from './history';
import { ChangesRequestMessage, RequestChanges } from './changes-request';
import { SectionComments } from './section-comments';
import { SectionField } from './section-field';
import type { Apply } from './use-planning';

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
      <ChangesRequestMessage view={view} />
      <Inline space="space.100">
        {view.canEdit && (spec.status === 'DRAFT' || spec.status === 'CHANGES_REQUESTED') ? (
          <Button appearance={spec.status === 'CHANGES_REQUESTED' ? 'primary' : 'default'} onClick={() => run({ type: 'spec.submitForReview' })} isDisabled={save.busy} testId="spec-submit">
            {spec.status === 'CHANGES_REQUESTED' ? 'Resubmit for review' : 'Submit for review'}
          </Button>
        ) : null}
        {view.canApprove && spec.status === 'IN_REVIEW' ? (
          <Button appearance="primary" onClick={() => run({ type: 'spec.approve' })} isDisabled={save.busy} testId="spec-approve">
            Approve spec
          </Button>
        ) : null}
      </Inline>
      <RequestChanges view={view} apply={apply} disabled={save.busy} />
      <SaveFeedback state={save.state} testId="spec-workflow" />
    </Stack>
  );
}

/**
 * Before an edit sends an approved spec back to review, the user says so: the approval is lost and an
 * architect must approve again. Any other status answers yes at once.
 */
function useConfirmReopen(spec: PlanningViewDto['record']['spec']): { confirmReopen: () => Promise<boolean>; dialog: ReactElement | null } {
  const { ask, dialog } = useConfirmDialog();
  const confirmReopen = (): Promise<boolean> =>
    spec.status !== 'APPROVED'
      ? Promise.resolve(true)
      : ask({
          title: 'Send the approved spec back to review?',
          body: `${spec.approval ? `${spec.approval.by.displayName} approved this spec. ` : ''}Saving this change moves it back to In review, and an architect has to approve it again.`,
          confirmLabel: 'Save and send back to review',
          cancelLabel: 'Keep it approved',
          testId: 'confirm-reopen',
        });
  return { confirmReopen, dialog };
}

export function SpecTab({ view, apply }: { view: PlanningViewDto; apply: Apply }): ReactElement {
  const { confirmReopen, dialog } = useConfirmReopen(view.record.spec);
  return (
    <Stack space="space.250" testId="spec-tab">
      <Workflow view={view} apply={apply} />
      {view.sections.map((section) => (
        <Stack key={section.key} space="space.100">
          <SectionField section={section} saved={view.record.spec.sections[section.key] ?? ''} canEdit={view.canEdit} apply={apply} confirmReopen={confirmReopen} />
          <SectionComments section={section.key} title={section.title} view={view} apply={apply} />
        </Stack>
      ))}
      <DesignLinks view={view} apply={apply} confirmReopen={confirmReopen} />
      <History view={view} />
      {dialog}
    </Stack>
  );
}
