import { ErrorMessage, Field } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { ReactElement } from 'react';

/**
 * A number typed into an Atlaskit Form, with its problem shown inline (`<testId>-error`) as it is typed.
 * The value stays text, so that a half-typed number can be told apart from 0. With `hideLabel` the label
 * is only for screen readers (a compact row of fields such as the T-shirt scale).
 */
export function NumberField<Values>(props: {
  name: string;
  label: string;
  hideLabel?: boolean;
  testId: string;
  defaultValue: string;
  width?: 'xsmall' | 'small';
  validate: (value: string | undefined, all: Values) => string | undefined;
  /** Called as the user changes the value (before it is validated), e.g. to drop a stale save message. */
  onEdit?: () => void;
}): ReactElement {
  const { name, label, hideLabel = false, testId, defaultValue, width, validate, onEdit } = props;
  return (
    <Field<string> name={name} id={testId} label={hideLabel ? undefined : label} defaultValue={defaultValue} validate={(value, all) => validate(value, all as Values)}>
      {({ fieldProps, error }) => (
        <Stack space="space.050">
          <Textfield
            {...fieldProps}
            onChange={(e) => {
              onEdit?.();
              fieldProps.onChange(e);
            }}
            aria-label={hideLabel ? label : undefined}
            testId={testId}
            width={width}
            type="number"
            min={0}
          />
          {error ? <ErrorMessage testId={`${testId}-error`}>{error}</ErrorMessage> : null}
        </Stack>
      )}
    </Field>
  );
}
