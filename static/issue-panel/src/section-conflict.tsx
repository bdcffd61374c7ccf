import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ReactElement } from 'react';

const versionBox = xcss({
  flex: '1 1 0',
  minWidth: '0',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  borderRadius: 'radius.small',
  padding: 'space.100',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
});

function Version({ label, text, testId }: { label: string; text: string; testId: string }): ReactElement {
  return (
    <Stack space="space.050" grow="fill">
      <Text weight="bold">{label}</Text>
      <Box xcss={versionBox} testId={testId}>
        {text === '' ? <Text color="color.text.subtlest">(empty)</Text> : text}
      </Box>
    </Stack>
  );
}

/**
 * Two people saved one section: the user's text and the one now stored, side by side, and the two ways
 * out. "Keep mine" saves the user's text over the stored one (the panel has already read the latest
 * revision); "Use theirs" drops the user's changes.
 */
export function SectionConflict(props: { testId: string; mine: string; theirs: string; busy: boolean; onKeepMine: () => void; onUseTheirs: () => void; title?: string }): ReactElement {
  const { testId, mine, theirs, busy } = props;
  return (
    <SectionMessage appearance="warning" title={props.title ?? 'Someone else saved this section while you were editing'} testId={`${testId}-conflict`}>
      <Stack space="space.100">
        <Text>Your text is on the left and theirs, as saved now, on the right. Keep yours to save it over theirs, or use theirs and drop your changes.</Text>
        <Inline space="space.150" alignBlock="start">
          <Version label="Your text" text={mine} testId={`${testId}-conflict-mine`} />
          <Version label="Their text" text={theirs} testId={`${testId}-conflict-theirs`} />
        </Inline>
        <Inline space="space.100">
          <Button appearance="primary" onClick={props.onKeepMine} isDisabled={busy} testId={`${testId}-keep-mine`}>
            Keep mine
          </Button>
          <Button onClick={props.onUseTheirs} isDisabled={busy} testId={`${testId}-use-theirs`}>
            Use theirs
          </Button>
        </Inline>
      </Stack>
    </SectionMessage>
  );
}
