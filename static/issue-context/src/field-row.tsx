import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import type { ReactElement } from 'react';

// The side panel is narrow: the value wraps, never the label ("Breakdow / n" broke mid-word).
const labelBox = xcss({ flexShrink: 0 });
const valueBox = xcss({ minWidth: '0' });

/** One "label value" line of the side panel. */
export function FieldRow({ label, children, testId }: { label: string; children: ReactElement | string; testId?: string }): ReactElement {
  return (
    <Inline space="space.100" alignBlock="center">
      <Box xcss={labelBox}>
        <Text color="color.text.subtle">{label}</Text>
      </Box>
      <Box xcss={valueBox}>{typeof children === 'string' ? <Text testId={testId}>{children}</Text> : children}</Box>
    </Inline>
  );
}
