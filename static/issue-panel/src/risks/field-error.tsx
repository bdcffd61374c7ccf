import { ErrorMessage } from '@atlaskit/form';
import type { ReactElement } from 'react';

/** A field's problem under it, once the user has touched the field or tried to save. */
export function FieldError({ problem, show, testId }: { problem: string | null; show: boolean; testId: string }): ReactElement | null {
  return problem && show ? <ErrorMessage testId={testId}>{problem}</ErrorMessage> : null;
}
