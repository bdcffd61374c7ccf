import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import type { ReactElement } from 'react';

/**
 * What a view could not read (Jira answered 429 or 5xx for part of the program): one warning that names
 * what is missing, so a partial picture is never taken for the whole. Nothing when everything was read.
 */
export function PartialResults({ warnings, title, testId }: { warnings: readonly string[]; title: string; testId?: string }): ReactElement | null {
  if (warnings.length === 0) return null;
  return (
    <SectionMessage appearance="warning" title={title} testId={testId}>
      <Stack space="space.050">
        {warnings.map((w) => (
          <Text as="p" key={w}>
            {w}
          </Text>
        ))}
      </Stack>
    </SectionMessage>
  );
}
