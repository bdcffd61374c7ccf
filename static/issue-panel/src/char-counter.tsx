import { ErrorMessage, HelperMessage } from '@atlaskit/form';
import type { ReactElement } from 'react';

const count = (n: number): string => n.toLocaleString('en');

/** A live "n / max characters" under a text area, in the error style (with how much to cut) once it is over. */
export function CharCounter({ length, max, testId }: { length: number; max: number; testId: string }): ReactElement {
  return length > max ? (
    <ErrorMessage testId={testId}>
      {count(length)} / {count(max)} characters: shorten by {count(length - max)}
    </ErrorMessage>
  ) : (
    <HelperMessage testId={testId}>
      {count(length)} / {count(max)} characters
    </HelperMessage>
  );
}
