import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, type ReactElement } from 'react';
import type { ScoredCriterionDto } from '../../../../src/shared/contract/readiness';
import { ErrorMessage, Loading } from '../../../shared/components';
import { ReadinessStateLozenge } from '../../../shared/readiness-format';
import { onRecordChanged } from '../../../shared/record-events';
import { useResolver } from '../../../shared/use-resolver';
import { invoke } from '../api';

const rowStyle = xcss({ borderBlockEndWidth: 'border.width', borderBlockEndStyle: 'solid', borderBlockEndColor: 'color.border', paddingBlock: 'space.100' });

function CriterionRow({ c }: { c: ScoredCriterionDto }): ReactElement {
  return (
    <Box xcss={rowStyle} testId={`readiness-criterion-${c.criterion}`}>
      <Stack space="space.050">
        <Inline space="space.100" spread="space-between" alignBlock="center">
          <Text weight="medium">{c.title}</Text>
          <Text weight="bold" color={c.earned === c.weight ? 'color.text.success' : 'color.text'} testId="readiness-points">
            {c.earned} / {c.weight}
          </Text>
        </Inline>
        <Text testId="readiness-reason">{c.reason}</Text>
        {c.nextStep ? (
          <Text color="color.text.subtle" testId="readiness-next-step">
            Next: {c.nextStep}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}

/**
 * The Readiness tab of the Planning panel: the score, its state, and every criterion with the points it earned
 * out of its weight, why, and what to do next. The points add up to the score. `rev` is the planning record's
 * revision the panel shows.
 */
export function ReadinessTab({ issueKey, rev }: { issueKey: string; rev: number }): ReactElement {
  // A save in this panel (a new rev) rescored the item: score it again.
  const view = useResolver(() => invoke('readiness.get'), [issueKey, rev]);
  const { reload } = view;
  // So did a save in another frame on the page.
  useEffect(() => onRecordChanged(issueKey, () => void reload()), [issueKey, reload]);
  if (view.state === 'loading') return <Loading label="Scoring readiness" />;
  if (view.state === 'failed') return <ErrorMessage error={view.error} onRetry={() => void view.reload()} />;
  const r = view.data;
  return (
    <Stack space="space.200" testId="readiness-tab">
      <Inline space="space.150" alignBlock="center">
        <Heading size="large" as="h3" testId="readiness-score">
          {`${r.score} / 100`}
        </Heading>
        <ReadinessStateLozenge state={r.state} testId="readiness-state" />
      </Inline>
      <ProgressBar value={r.score / 100} ariaLabel={`Readiness ${r.score} of 100`} appearance={r.state === 'READY' ? 'success' : 'default'} />
      {r.storedScore !== null && r.storedScore !== r.score ? (
        <SectionMessage appearance="information" testId="readiness-stale">
          Jira search (readinessScore) still has {r.storedScore} for this item: it follows within the hour, or at the next change.
        </SectionMessage>
      ) : null}
      <Stack space="space.0" testId="readiness-criteria">
        {r.criteria.map((c) => (
          <CriterionRow key={c.criterion} c={c} />
        ))}
      </Stack>
    </Stack>
  );
}
