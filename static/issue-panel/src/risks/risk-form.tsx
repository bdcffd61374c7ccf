import { Label } from '@atlaskit/form';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useState, type ReactElement } from 'react';
import type { RiskCategoryDto, RiskDto, RiskFieldsDto, RiskSettingsDto } from '../../../../src/shared/contract/risks';
import { descriptionProblem, dueDateProblem, levelProblem, titleProblem } from '../../../../src/shared/payloads/risks';
import { earliestNewDate } from '../../../../src/shared/past-dates';
import { MatrixPicker, type MatrixValue } from '../../../shared/risks/matrix-picker';
import { CATEGORY_LABEL } from '../../../shared/risks/rating';
import { SaveFeedback } from '../../../shared/save-feedback';
import { useUnsavedChanges } from '../../../shared/unsaved-changes';
import { useSaveAction } from '../../../shared/use-save-action';
import { FieldError } from './field-error';
import { FormActions } from './form-actions';
import type { ApplyRisk } from './use-risks';

const CATEGORY_OPTIONS = (Object.keys(CATEGORY_LABEL) as RiskCategoryDto[]).map((value) => ({ value, label: CATEGORY_LABEL[value] }));

/**
 * Adds a risk (with its rating on the matrix) or edits one's title, description, category and response date.
 * Each field is checked as typed with the same rules the app applies on save; nothing is sent while one is
 * wrong, and what was typed stays after a failed save.
 */
export function RiskForm({ risk, settings, apply, onDone }: { risk: RiskDto | null; settings: RiskSettingsDto; apply: ApplyRisk; onDone: () => void }): ReactElement {
  const [fields, setFields] = useState<RiskFieldsDto>({ title: risk?.title ?? '', description: risk?.description ?? '', category: risk?.category ?? 'technical', dueDate: risk?.dueDate ?? null });
  const [rating, setRating] = useState<MatrixValue | null>(null);
  const [touched, setTouched] = useState(false);
  const save = useSaveAction();
  const dirty = risk ? fields.title !== risk.title || fields.description !== risk.description || fields.category !== risk.category || fields.dueDate !== risk.dueDate : fields.title !== '' || fields.description !== '' || rating !== null;
  useUnsavedChanges(dirty);

  const problems = {
    title: titleProblem(fields.title),
    description: descriptionProblem(fields.description),
    dueDate: dueDateProblem(fields.dueDate, earliestNewDate(new Date()), risk?.dueDate ?? null),
    rating: risk ? null : rating ? (levelProblem('Likelihood', rating.likelihood) ?? levelProblem('Impact', rating.impact)) : 'Rating: choose a cell of the matrix.',
  };
  const change = (patch: Partial<RiskFieldsDto>): void => {
    setFields((f) => ({ ...f, ...patch }));
    setTouched(true);
    save.editing();
  };

  const submit = async (): Promise<void> => {
    setTouched(true);
    if (Object.values(problems).some((p) => p !== null)) return;
    const saved = await save.run(() => (risk ? apply({ type: 'risk.edit', riskId: risk.id, fields }) : apply({ type: 'risk.add', fields, rating: rating! })));
    if (saved) onDone();
  };

  return (
    <Stack space="space.150" testId="risk-form">
      <Stack space="space.050">
        <Label htmlFor="risk-title">Title</Label>
        <Textfield id="risk-title" testId="risk-form-title" value={fields.title} onChange={(e) => change({ title: e.currentTarget.value })} isInvalid={touched && problems.title !== null} />
        <FieldError problem={problems.title} show={touched} testId="risk-form-title-error" />
      </Stack>
      <Stack space="space.050">
        <Label htmlFor="risk-description">Description</Label>
        <TextArea id="risk-description" testId="risk-form-description" minimumRows={2} value={fields.description} onChange={(e) => change({ description: e.currentTarget.value })} />
        <FieldError problem={problems.description} show={touched} testId="risk-form-description-error" />
      </Stack>
      <Inline space="space.200">
        <Box style={{ width: 220 }}>
          <Label htmlFor="risk-category">Category</Label>
          <Select inputId="risk-category" testId="risk-form-category" options={CATEGORY_OPTIONS} value={CATEGORY_OPTIONS.find((o) => o.value === fields.category)} onChange={(o) => o && change({ category: o.value })} />
        </Box>
        <Stack space="space.050">
          <Label htmlFor="risk-due">Response due</Label>
          <Textfield id="risk-due" testId="risk-form-due" type="date" width="small" value={fields.dueDate ?? ''} onChange={(e) => change({ dueDate: e.currentTarget.value || null })} />
          <FieldError problem={problems.dueDate} show={touched} testId="risk-form-due-error" />
        </Stack>
      </Inline>
      {risk ? null : (
        <Stack space="space.050">
          <Label htmlFor="risk-form-matrix">Rating (likelihood x impact)</Label>
          <MatrixPicker testId="risk-form-matrix" value={rating} settings={settings} onChange={(v) => {
              setRating(v);
              save.editing();
            }} />
          <FieldError problem={problems.rating} show={touched} testId="risk-form-rating-error" />
        </Stack>
      )}
      <FormActions save={save} label={risk ? 'Save changes' : 'Add risk'} onSave={() => void submit()} onCancel={onDone} testId="risk-form" />
      <SaveFeedback state={save.state} testId="risk-form" />
    </Stack>
  );
}
