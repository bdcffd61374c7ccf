import Button from '@atlaskit/button/new';
import { Inline, Stack } from '@atlaskit/primitives';
import { useState, type ReactElement } from 'react';
import type { RiskDto, RiskSettingsDto } from '../../../../src/shared/contract/risks';
import { MatrixPicker, type MatrixValue } from '../../../shared/risks/matrix-picker';
import { SaveFeedback } from '../../../shared/save-feedback';
import { useSaveAction } from '../../../shared/use-save-action';
import type { ApplyRisk } from './use-risks';

/** Re-rates a risk on the matrix; an accepted risk goes back to unROAMed (its acceptance was for the old rating). */
export function RateForm({ risk, settings, apply, onDone }: { risk: RiskDto; settings: RiskSettingsDto; apply: ApplyRisk; onDone: () => void }): ReactElement {
  const [rating, setRating] = useState<MatrixValue>({ likelihood: risk.likelihood, impact: risk.impact });
  const save = useSaveAction();
  const submit = async (): Promise<void> => {
    if (await save.run(() => apply({ type: 'risk.rate', riskId: risk.id, rating }))) onDone();
  };
  return (
    <Stack space="space.150" testId="rate-form">
      <MatrixPicker testId="rate-matrix" value={rating} settings={settings} onChange={setRating} />
      <Inline space="space.100">
        <Button appearance="primary" onClick={() => void submit()} isDisabled={save.busy} testId="rate-save">
          {save.state.kind === 'saving' ? 'Saving…' : 'Save rating'}
        </Button>
        <Button appearance="subtle" onClick={onDone} isDisabled={save.busy}>
          Cancel
        </Button>
      </Inline>
      <SaveFeedback state={save.state} testId="rate" />
    </Stack>
  );
}
