import Button from '@atlaskit/button/new';
import Form, { ErrorMessage, Field, HelperMessage } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { ReactElement } from 'react';
import { TSHIRT_SIZE_DTOS, type ProjectSettingsDto, type TShirtSize } from '../../../src/shared/contract/common';
import type { UpdateSettingsPayload } from '../../../src/shared/contract/project-settings';
import { NumberField } from '../../shared/number-field';
import { SaveFeedback } from '../../shared/save-feedback';
import type { SaveAction } from '../../shared/use-save-action';
import { ArchitectsPicker, personOption, type PersonOption } from './architects-picker';

/** The form's values: numbers stay text while typed, so that a half-typed value can be told apart from 0. */
type SettingsValues = { architects: PersonOption[]; threshold: string } & Record<`${'low' | 'high'}-${TShirtSize}`, string>;

/** A whole number of points or percent within [min, max], or why not. */
function wholeNumberProblem(value: string | undefined, min: number, max: number): string | undefined {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n)) return 'Enter a whole number.';
  return n < min || n > max ? `Choose ${min} to ${max.toLocaleString('en')}.` : undefined;
}

/** The ends of a size's range: within 0-10,000, the high end not below the low end nor below the size before. */
function highProblem(size: TShirtSize, value: string | undefined, all: SettingsValues): string | undefined {
  const problem = wholeNumberProblem(value, 0, 10_000);
  if (problem) return problem;
  if (Number(value) < Number(all[`low-${size}`])) return 'Below the low end.';
  const previous = TSHIRT_SIZE_DTOS[TSHIRT_SIZE_DTOS.indexOf(size) - 1];
  return previous && Number(value) < Number(all[`high-${previous}`]) ? `Below ${previous}'s high end.` : undefined;
}

export function toPayload(values: SettingsValues): UpdateSettingsPayload {
  return {
    architectAccountIds: values.architects.map((a) => a.value),
    tshirtScale: Object.fromEntries(TSHIRT_SIZE_DTOS.map((s) => [s, { low: Number(values[`low-${s}`]), high: Number(values[`high-${s}`]) }])) as UpdateSettingsPayload['tshirtScale'],
    divergenceThresholdPct: Number(values.threshold),
  };
}

/**
 * Who approves specs, the T-shirt scale and the divergence threshold (Atlaskit Form): each field says what
 * is wrong as it is typed, and a change not yet saved shows as unsaved.
 */
export function SettingsForm({ settings, editable, save, onSave }: { settings: ProjectSettingsDto; editable: boolean; save: SaveAction; onSave: (payload: UpdateSettingsPayload) => Promise<void> }): ReactElement {
  return (
    <Form<SettingsValues> onSubmit={(values) => onSave(toPayload(values))} isDisabled={!editable}>
      {({ formProps, dirty, submitting }) => (
        <form {...formProps} data-testid="settings-form">
          <Stack space="space.300">
            <Stack space="space.100">
              <Heading size="small" as="h2">
                Architects
              </Heading>
              <Text color="color.text.subtle">Architects approve technical specs. With none named, the project's administrators do.</Text>
              <Field<PersonOption[]> name="architects" id="architects" label="Architects" defaultValue={settings.architects.map(personOption)}>
                {({ fieldProps: { id, value, onChange, isDisabled } }) => (
                  <Box style={{ maxWidth: 480 }} testId="architects">
                    <ArchitectsPicker id={id} value={value} onChange={onChange} isDisabled={isDisabled} />
                    {value.length === 0 ? <HelperMessage>None: project administrators approve.</HelperMessage> : null}
                  </Box>
                )}
              </Field>
            </Stack>
            <Stack space="space.100">
              <Heading size="small" as="h2">
                T-shirt sizes in story points
              </Heading>
              {TSHIRT_SIZE_DTOS.map((s) => (
                <Inline key={s} space="space.100" alignBlock="start">
                  <Box style={{ width: 48, paddingTop: 8 }}>
                    <Text weight="bold">{s}</Text>
                  </Box>
                  <NumberField<SettingsValues> name={`low-${s}`} label={`${s} low`} hideLabel testId={`low-${s}`} width="xsmall" defaultValue={String(settings.tshirtScale[s].low)} validate={(v) => wholeNumberProblem(v, 0, 10_000)} />
                  <Box style={{ paddingTop: 8 }}>
                    <Text>to</Text>
                  </Box>
                  <NumberField<SettingsValues> name={`high-${s}`} label={`${s} high`} hideLabel testId={`high-${s}`} width="xsmall" defaultValue={String(settings.tshirtScale[s].high)} validate={(v, all) => highProblem(s, v, all)} />
                </Inline>
              ))}
            </Stack>
            <Field<string> name="threshold" id="threshold" label="Flag divergence beyond (percent)" defaultValue={String(settings.divergenceThresholdPct)} validate={(v) => wholeNumberProblem(v, 0, 200)}>
              {({ fieldProps, error }) => (
                <Stack space="space.050">
                  <Box style={{ maxWidth: 120 }}>
                    <Textfield {...fieldProps} testId="threshold" type="number" />
                  </Box>
                  {error ? (
                    <ErrorMessage testId="threshold-error">{error}</ErrorMessage>
                  ) : (
                    <HelperMessage>When the stories' points fall this far outside the estimated range, the estimate is flagged.</HelperMessage>
                  )}
                </Stack>
              )}
            </Field>
            {editable ? (
              <Stack space="space.100">
                <Inline space="space.100" alignBlock="center">
                  <Button type="submit" appearance="primary" isDisabled={submitting || save.busy} testId="settings-save">
                    {save.state.kind === 'saving' ? 'Saving…' : 'Save settings'}
                  </Button>
                  {dirty ? (
                    <Lozenge appearance="moved" testId="settings-unsaved">
                      Unsaved changes
                    </Lozenge>
                  ) : null}
                </Inline>
                <SaveFeedback state={dirty && save.state.kind === 'saved' ? { kind: 'idle' } : save.state} testId="settings" />
              </Stack>
            ) : null}
          </Stack>
        </form>
      )}
    </Form>
  );
}
