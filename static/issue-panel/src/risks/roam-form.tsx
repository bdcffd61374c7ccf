import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { useState, type ReactElement } from 'react';
import type { RiskDto, RiskSettingsDto, RoamInputDto, RoamStateDto } from '../../../../src/shared/contract/risks';
import { planProblem, rationaleProblem, residualProblem, resolutionProblem } from '../../../../src/shared/payloads/risks';
import { MatrixPicker, type MatrixValue } from '../../../shared/risks/matrix-picker';
import { ROAM_LABEL } from '../../../shared/risks/rating';
import { SaveFeedback } from '../../../shared/save-feedback';
import { useUnsavedChanges } from '../../../shared/unsaved-changes';
import { useSaveAction } from '../../../shared/use-save-action';
import { FieldError } from './field-error';
import { OwnerPicker, type OwnerOption } from './owner-picker';
import { FormActions } from './form-actions';
import type { ApplyRisk } from './use-risks';

const HINT: Record<RoamStateDto, string> = {
  UNROAMED: 'Reopen the risk: it needs a response again.',
  RESOLVED: 'The risk no longer exists or has been dealt with.',
  OWNED: 'Someone takes responsibility for the response.',
  ACCEPTED: 'The program lives with it; you are recorded as the one who accepted it.',
  MITIGATED: 'A plan reduces it; say what is left (the residual rating).',
};

/** The states a risk may move to from its current one (Resolved only reopens). */
const targets = (from: RoamStateDto): RoamStateDto[] => (from === 'RESOLVED' ? ['UNROAMED'] : from === 'UNROAMED' ? ['RESOLVED', 'OWNED', 'ACCEPTED', 'MITIGATED'] : ['RESOLVED', 'OWNED', 'ACCEPTED', 'MITIGATED', 'UNROAMED']);

/**
 * ROAMs a risk: pick the state, fill in the fields that state requires (an owner, a plan and a residual rating,
 * why it is accepted), checked as typed with the app's own rules.
 */
export function RoamForm({ risk, settings, apply, onDone }: { risk: RiskDto; settings: RiskSettingsDto; apply: ApplyRisk; onDone: () => void }): ReactElement {
  const [state, setState] = useState<RoamStateDto | null>(null);
  const [owner, setOwner] = useState<OwnerOption | null>(risk.roam.state === 'OWNED' ? { value: risk.roam.owner.accountId, label: risk.roam.owner.displayName } : null);
  const [text, setText] = useState('');
  const [residual, setResidual] = useState<MatrixValue | null>(null);
  const [touched, setTouched] = useState(false);
  const save = useSaveAction();
  useUnsavedChanges(state !== null && (text !== '' || residual !== null));

  const problem = (): string | null => {
    switch (state) {
      case null:
        return 'Choose a ROAM state.';
      case 'UNROAMED':
        return null;
      case 'RESOLVED':
        return resolutionProblem(text);
      case 'OWNED':
        return owner ? null : 'Owner: choose the person who owns the response.';
      case 'ACCEPTED':
        return rationaleProblem(text);
      case 'MITIGATED':
        return planProblem(text) ?? (residual ? residualProblem(risk.score, residual.likelihood, residual.impact) : 'Residual rating: choose a cell of the matrix.');
    }
  };
  const current = problem();

  const request = (s: RoamStateDto): RoamInputDto => {
    switch (s) {
      case 'UNROAMED':
        return { state: s };
      case 'RESOLVED':
        return { state: s, note: text };
      case 'OWNED':
        return { state: s, ownerAccountId: owner?.value ?? '' };
      case 'ACCEPTED':
        return { state: s, rationale: text };
      case 'MITIGATED':
        return { state: s, plan: text, residual: residual ?? { likelihood: 0, impact: 0 } };
    }
  };

  const submit = async (): Promise<void> => {
    setTouched(true);
    if (current !== null || state === null) return;
    if (await save.run(() => apply({ type: 'risk.roam', riskId: risk.id, roam: request(state) }))) onDone();
  };

  const textLabel = state === 'RESOLVED' ? 'Resolution note (optional)' : state === 'ACCEPTED' ? 'Why it is accepted' : state === 'MITIGATED' ? 'Mitigation plan' : null;

  return (
    <Stack space="space.150" testId="roam-form">
      <Inline space="space.075" shouldWrap>
        {targets(risk.roam.state).map((s) => (
          <Button key={s} isSelected={state === s} onClick={() => {
              setState(s);
              setTouched(false);
              save.editing();
            }} testId={`roam-state-${s}`}>
            {s === 'UNROAMED' ? 'Reopen' : ROAM_LABEL[s]}
          </Button>
        ))}
      </Inline>
      {state ? <Text color="color.text.subtle">{HINT[state]}</Text> : null}
      {state === 'OWNED' ? (
        <Stack space="space.050">
          <Label htmlFor="roam-owner-input">Owner</Label>
          <OwnerPicker id="roam-owner-input" value={owner} onChange={(o) => {
              setOwner(o);
              save.editing();
            }} />
        </Stack>
      ) : null}
      {textLabel ? (
        <Stack space="space.050">
          <Label htmlFor="roam-text">{textLabel}</Label>
          <TextArea id="roam-text" testId="roam-text" minimumRows={2} value={text} onChange={(e) => {
              setText(e.currentTarget.value);
              setTouched(true);
              save.editing();
            }} />
        </Stack>
      ) : null}
      {state === 'MITIGATED' ? (
        <Stack space="space.050">
          <Label htmlFor="roam-residual">Residual rating, after the mitigation</Label>
          <MatrixPicker testId="roam-residual" value={residual} settings={settings} maxScore={risk.score} onChange={(v) => {
              setResidual(v);
              save.editing();
            }} />
        </Stack>
      ) : null}
      <FieldError problem={current} show={touched} testId="roam-error" />
      <FormActions save={save} label="Save ROAM" onSave={() => void submit()} onCancel={onDone} testId="roam" />
      <SaveFeedback state={save.state} testId="roam" />
    </Stack>
  );
}
