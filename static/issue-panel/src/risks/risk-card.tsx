import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ReactElement } from 'react';
import type { RiskDto, RiskViewDto } from '../../../../src/shared/contract/risks';
import { useDateFormat } from '../../../shared/date-format-context';
import { useConfirmDialog } from '../../../shared/confirm-dialog';
import { CATEGORY_LABEL, RATING_LABEL, RatingLozenge, RoamLozenge } from '../../../shared/risks/rating';
import { SaveFeedback } from '../../../shared/save-feedback';
import { useSaveAction } from '../../../shared/use-save-action';
import { RateForm } from './rate-form';
import { RiskForm } from './risk-form';
import { RoamForm } from './roam-form';
import type { ApplyRisk } from './use-risks';

export type Editor = 'edit' | 'rate' | 'roam' | null;

const card = xcss({ borderColor: 'color.border', borderStyle: 'solid', borderWidth: 'border.width', borderRadius: 'radius.medium', padding: 'space.150' });

/** What a ROAMed risk's response says: who owns it, the plan, why it was accepted, how it was resolved. */
function RoamDetails({ risk }: { risk: RiskDto }): ReactElement | null {
  const format = useDateFormat();
  const { roam } = risk;
  switch (roam.state) {
    case 'UNROAMED':
      return null;
    case 'OWNED':
      return <Text size="small">Owner: {roam.owner.displayName} (since {format.dateTime(roam.at)}, by {roam.by.displayName})</Text>;
    case 'ACCEPTED':
      return <Text size="small">Accepted by {roam.by.displayName} ({format.dateTime(roam.at)}): {roam.rationale}</Text>;
    case 'MITIGATED':
      return (
        <Text size="small">
          Mitigation ({roam.by.displayName}): {roam.plan} · residual {roam.residual.likelihood} x {roam.residual.impact}: {RATING_LABEL[risk.currentRating]}
        </Text>
      );
    case 'RESOLVED':
      return <Text size="small">Resolved by {roam.by.displayName} ({format.dateTime(roam.at)}){roam.note ? `: ${roam.note}` : ''}</Text>;
  }
}

/**
 * A mitigated risk counts at its residual rating (the headline, readiness and the side panel use it), so
 * the card shows it beside the inherent one: a red "Critical" alone would contradict a "Medium" headline.
 */
function Residual({ risk }: { risk: RiskDto }): ReactElement | null {
  if (risk.roam.state !== 'MITIGATED') return null;
  return (
    <Inline space="space.050" alignBlock="center">
      <Text size="small" color="color.text.subtle">
        → residual
      </Text>
      <RatingLozenge rating={risk.currentRating} testId={`risk-residual-${risk.id}`} />
    </Inline>
  );
}

/**
 * Deleting is the one risk action that cannot be undone: the risk and its ROAM trail are gone. The user
 * confirms it in a modal first; the other actions are reversible edits and go straight through.
 */
function useDeleteRisk(risk: RiskDto, apply: ApplyRisk): { remove: ReturnType<typeof useSaveAction>; confirmDelete: () => Promise<void>; dialog: ReactElement | null } {
  const remove = useSaveAction();
  const { ask, dialog } = useConfirmDialog();
  const confirmDelete = async (): Promise<void> => {
    const sure = await ask({
      title: 'Delete this risk?',
      body: `"${risk.title}" is removed for everyone, with its rating and ROAM response. This cannot be undone; to close a risk that is handled, ROAM it as Resolved instead.`,
      confirmLabel: 'Delete the risk',
      cancelLabel: 'Keep it',
      testId: `confirm-risk-delete-${risk.id}`,
    });
    if (sure) await remove.run(() => apply({ type: 'risk.delete', riskId: risk.id }));
  };
  return { remove, confirmDelete, dialog };
}

/** One risk: its rating, ROAM state and response, and (for editors) the actions on it, one editor open at a time. */
export function RiskCard({ risk, view, apply, editor, setEditor }: { risk: RiskDto; view: RiskViewDto; apply: ApplyRisk; editor: Editor; setEditor: (e: Editor) => void }): ReactElement {
  const format = useDateFormat();
  const { remove, confirmDelete, dialog } = useDeleteRisk(risk, apply);
  const close = useSaveAction();
  const done = (): void => setEditor(null);
  const unverified = view.integrity.unverifiedAcceptances.includes(risk.id);
  return (
    <Box xcss={card} testId={`risk-${risk.id}`}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text weight="bold" testId={`risk-title-${risk.id}`}>
            {risk.title}
          </Text>
          <RatingLozenge rating={risk.rating} testId={`risk-rating-${risk.id}`} />
          <Residual risk={risk} />
          <RoamLozenge state={risk.roam.state} testId={`risk-roam-${risk.id}`} />
          {risk.dependencyId ? <Lozenge appearance="new">Raised from a dependency</Lozenge> : null}
        </Inline>
        <Text size="small" color="color.text.subtle">
          {CATEGORY_LABEL[risk.category]} · likelihood {risk.likelihood} ({view.settings.likelihoodLabels[risk.likelihood - 1]}) x impact {risk.impact} ({view.settings.impactLabels[risk.impact - 1]}) = {risk.score}
          {risk.dueDate ? ` · response due ${format.day(risk.dueDate)}` : ''} · raised by {risk.created.by.displayName}, {format.dateTime(risk.created.at)}
          {risk.updated.at !== risk.created.at ? ` · updated by ${risk.updated.by.displayName}, ${format.dateTime(risk.updated.at)}` : ''}
        </Text>
        {risk.description ? <Text>{risk.description}</Text> : null}
        <RoamDetails risk={risk} />
        {unverified ? (
          <SectionMessage appearance="warning" testId={`risk-unverified-${risk.id}`}>
            <Text>An acceptance of this risk was written outside the app and cannot be verified: it counts as unROAMed.</Text>
          </SectionMessage>
        ) : null}
        {risk.closeProposed ? (
          <SectionMessage appearance="information" title="Close this risk?" testId={`risk-close-proposed-${risk.id}`}>
            <Stack space="space.100">
              <Text>{risk.closeProposed.reason}</Text>
              {view.canEdit ? (
                <Inline>
                  <Button isDisabled={close.busy} onClick={() => void close.run(() => apply({ type: 'risk.roam', riskId: risk.id, roam: { state: 'RESOLVED', note: risk.closeProposed?.reason ?? '' } }))} testId={`risk-close-${risk.id}`}>
                    Resolve it
                  </Button>
                </Inline>
              ) : null}
              <SaveFeedback state={close.state} testId={`risk-close-${risk.id}`} />
            </Stack>
          </SectionMessage>
        ) : null}
        {view.canEdit && editor === null ? (
          <Inline space="space.075">
            <Button appearance="primary" spacing="compact" onClick={() => setEditor('roam')} testId={`risk-roam-button-${risk.id}`}>
              ROAM
            </Button>
            <Button spacing="compact" onClick={() => setEditor('rate')} testId={`risk-rate-button-${risk.id}`}>
              Rate
            </Button>
            <Button spacing="compact" onClick={() => setEditor('edit')} testId={`risk-edit-button-${risk.id}`}>
              Edit
            </Button>
            <Button spacing="compact" appearance="subtle" isDisabled={remove.busy} onClick={() => void confirmDelete()} testId={`risk-delete-${risk.id}`}>
              Delete
            </Button>
          </Inline>
        ) : null}
        <SaveFeedback state={remove.state} testId={`risk-delete-${risk.id}`} />
        {editor === 'edit' ? <RiskForm risk={risk} settings={view.settings} apply={apply} onDone={done} /> : null}
        {editor === 'rate' ? <RateForm risk={risk} settings={view.settings} apply={apply} onDone={done} /> : null}
        {editor === 'roam' ? <RoamForm risk={risk} settings={view.settings} apply={apply} onDone={done} /> : null}
        {dialog}
      </Stack>
    </Box>
  );
}
