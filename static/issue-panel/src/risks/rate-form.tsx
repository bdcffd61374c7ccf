import { Stack } from '@atlaskit/primitives';
import { useState, type ReactElement } from 'react';
import type { RiskDto, RiskSettingsDto } from '../../../../src/shared/contract/risks';
import { MatrixPicker, type MatrixValue } from '../../../shared/risks/matrix-picker';
import { SaveFeedback } from '../../../shared/save-feedback';
import { useSaveAction } from '../../../shared/use-save-action';
import { FormActions } from './form-actions';
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
      <FormActions save={save} label="Save rating" onSave={() => void submit()} onCancel={onDone} testId="rate" />
      <SaveFeedback state={save.state} testId="rate" />
    </Stack>
  );
}
