import Button from '@atlaskit/button/new';
import Form, { ErrorMessage, Field, HelperMessage } from '@atlaskit/form';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import { useState, type ReactElement } from 'react';
import { TSHIRT_SIZE_DTOS, type TShirtSize } from '../../../src/shared/contract/common';
import type { EstimateValueDto, PlanningViewDto } from '../../../src/shared/contract/planning';
import { pointsBoundProblem, pointsRangeProblem } from '../../../src/shared/rules/points-range';
import { NumberField } from '../../shared/number-field';
import { SaveFeedback } from '../../shared/save-feedback';
import { useSaveAction } from '../../shared/use-save-action';
import type { Apply } from './use-planning';

const CONFIDENCE = ['1 - no confidence', '2 - low', '3 - moderate', '4 - high', '5 - full confidence'];

interface Option<T> {
  value: T;
  label: string;
}

interface EstimateValues {
  size: Option<TShirtSize> | null;
  low: string;
  high: string;
  confidence: Option<number> | null;
  assumptions: string;
}

const count = (n: number): string => n.toLocaleString('en');

/** The low end: a number of points the server accepts (the same rule, the same words). */
const lowProblem = (value: string | undefined): string | undefined => pointsBoundProblem(value) ?? undefined;

/** The high end, and the range as a whole once the low end is acceptable. */
function highProblem(value: string | undefined, all: EstimateValues): string | undefined {
  const own = pointsBoundProblem(value);
  if (own) return own;
  return pointsBoundProblem(all.low) ? undefined : (pointsRangeProblem(Number(all.low), Number(value)) ?? undefined);
}

/** The estimate editor (Atlaskit Form): a T-shirt size or a points range, confidence and assumptions, checked as typed. */
export function EstimateForm({ view, apply }: { view: PlanningViewDto; apply: Apply }): ReactElement {
  const current = view.record.estimate;
  // Which kind of estimate is a mode of the form (it decides the fields shown), not a value sent as typed.
  const [kind, setKind] = useState<EstimateValueDto['kind']>(current?.value.kind ?? 'tshirt');
  const save = useSaveAction();
  const limit = view.limits.assumptionsChars;

  const sizeOptions: Option<TShirtSize>[] = TSHIRT_SIZE_DTOS.map((s) => ({ value: s, label: `${s} (${view.tshirtScale[s].low}-${view.tshirtScale[s].high} points)` }));
  const confidenceOptions: Option<number>[] = CONFIDENCE.map((label, i) => ({ value: i + 1, label }));
  const initialSize = current?.value.kind === 'tshirt' ? current.value.size : 'M';

  // One message at a time: once the user changes a value, what the server said of the previous one is gone.
  const edited = (): void => {
    if (save.state.kind === 'failed') save.dismiss();
    else save.editing();
  };

  const submit = async (values: EstimateValues): Promise<void> => {
    const value: EstimateValueDto = kind === 'tshirt' ? { kind, size: values.size?.value ?? initialSize } : { kind, low: Number(values.low), high: Number(values.high) };
    await save.run(() => apply({ type: 'estimate.set', value, confidence: values.confidence?.value ?? 3, assumptions: values.assumptions }));
  };

  return (
    <Form<EstimateValues> onSubmit={submit}>
      {({ formProps, submitting }) => (
        <form {...formProps} data-testid="estimate-form">
          <Stack space="space.150">
            <Inline space="space.100">
              <Button isSelected={kind === 'tshirt'} onClick={() => setKind('tshirt')} testId="estimate-kind-tshirt">
                T-shirt size
              </Button>
              <Button isSelected={kind === 'points'} onClick={() => setKind('points')} testId="estimate-kind-points">
                Points range
              </Button>
            </Inline>
            {kind === 'tshirt' ? (
              <Box style={{ maxWidth: 280 }}>
                <Field<Option<TShirtSize> | null> name="size" id="estimate-size" label="Size" defaultValue={sizeOptions.find((o) => o.value === initialSize) ?? null}>
                  {({ fieldProps: { id, value, onChange } }) => <Select inputId={id} testId="estimate-size" options={sizeOptions} value={value} onChange={(o) => {
                        edited();
                        onChange(o);
                      }} />}
                </Field>
              </Box>
            ) : (
              <Inline space="space.100">
                <NumberField<EstimateValues> name="low" label="Low (points)" testId="estimate-low" defaultValue={current?.value.kind === 'points' ? String(current.value.low) : ''} validate={lowProblem} onEdit={edited} />
                <NumberField<EstimateValues>
                  name="high"
                  label="High (points)"
                  testId="estimate-high"
                  defaultValue={current?.value.kind === 'points' ? String(current.value.high) : ''}
                  validate={highProblem}
                  onEdit={edited}
                />
              </Inline>
            )}
            <Box style={{ maxWidth: 280 }}>
              <Field<Option<number> | null> name="confidence" id="estimate-confidence" label="Confidence (fist of five)" defaultValue={confidenceOptions.find((o) => o.value === (current?.confidence ?? 3)) ?? null}>
                {({ fieldProps: { id, value, onChange } }) => <Select inputId={id} testId="estimate-confidence" options={confidenceOptions} value={value} onChange={(o) => {
                        edited();
                        onChange(o);
                      }} />}
              </Field>
            </Box>
            <Field<string, HTMLTextAreaElement>
              name="assumptions"
              id="estimate-assumptions"
              label="Assumptions"
              defaultValue={current?.assumptions ?? ''}
              validate={(value = '') => (value.length > limit ? `${count(value.length)} / ${count(limit)} characters: shorten by ${count(value.length - limit)}` : undefined)}
            >
              {({ fieldProps, error }) => (
                <Stack space="space.050">
                  <TextArea
                    {...fieldProps}
                    onChange={(e) => {
                      edited();
                      fieldProps.onChange(e);
                    }}
                    testId="estimate-assumptions"
                    minimumRows={2}
                  />
                  {error ? (
                    <ErrorMessage testId="estimate-assumptions-counter">{error}</ErrorMessage>
                  ) : (
                    <HelperMessage testId="estimate-assumptions-counter">
                      {count(fieldProps.value.length)} / {count(limit)} characters
                    </HelperMessage>
                  )}
                </Stack>
              )}
            </Field>
            <Inline space="space.100">
              <Button type="submit" appearance="primary" isDisabled={submitting || save.busy} testId="estimate-save">
                {save.state.kind === 'saving' ? 'Saving…' : 'Save estimate'}
              </Button>
              {current ? (
                <Button appearance="subtle" isDisabled={save.busy} onClick={() => void save.run(() => apply({ type: 'estimate.clear' }))} testId="estimate-clear">
                  Clear
                </Button>
              ) : null}
            </Inline>
            <SaveFeedback state={save.state} testId="estimate" />
          </Stack>
        </form>
      )}
    </Form>
  );
}
