import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useEffect, type ReactElement } from 'react';
import type { ReadinessViewDto } from '../../../src/shared/contract/readiness';
import { ErrorMessage, Loading } from '../../shared/components';
import { ReadinessStateLozenge, RISK_RATING } from '../../shared/readiness-format';
import { onRecordChanged } from '../../shared/record-events';
import { useResolver } from '../../shared/use-resolver';
import { invoke } from './api';
import { FieldRow } from './field-row';

/** The counts of the features that publish them; a feature not in the app yet shows nothing rather than a fake 0. */
function Counts({ r }: { r: ReadinessViewDto }): ReactElement {
  const { dependencies: d, risks, impediments } = r.counts;
  const has = (f: ReadinessViewDto['landedFeatures'][number]): boolean => r.landedFeatures.includes(f);
  return (
    <>
      {has('dependencies') ? <FieldRow label="Dependencies" testId="context-dependencies">{`${d.open} open, ${d.late} late${d.cycle ? ', on a cycle' : ''}`}</FieldRow> : null}
      {has('risks') ? <FieldRow label="Highest open risk (residual)" testId="context-risk-level">{RISK_RATING[risks.level] ?? String(risks.level)}</FieldRow> : null}
      {has('impediments') ? <FieldRow label="Open impediments" testId="context-impediments">{String(impediments.open)}</FieldRow> : null}
    </>
  );
}

/**
 * Readiness in the side panel: the score, its state, the criteria still short, and the item summary's counts.
 * It follows saves made in the Planning panel on the same page.
 */
export function ReadinessSummary({ issueKey }: { issueKey: string }): ReactElement {
  const view = useResolver(() => invoke('readiness.get'), [issueKey]);
  const { reload } = view;
  useEffect(() => onRecordChanged(issueKey, () => void reload()), [issueKey, reload]);
  if (view.state === 'loading') return <Loading label="Scoring readiness" />;
  if (view.state === 'failed') return <ErrorMessage error={view.error} onRetry={() => void view.reload()} />;
  const r = view.data;
  const short = r.criteria.filter((c) => c.earned < c.weight);
  return (
    <Stack space="space.100" testId="context-readiness">
      <FieldRow label="Readiness">
        <Inline space="space.100" alignBlock="center">
          <Text weight="bold" testId="context-readiness-score">{`${r.score} / 100`}</Text>
          <ReadinessStateLozenge state={r.state} testId="context-readiness-state" />
        </Inline>
      </FieldRow>
      {short.length > 0 ? (
        <Stack space="space.050" testId="context-readiness-reasons">
          {short.map((c) => (
            <Text key={c.criterion} size="small" color="color.text.subtle">
              {`${c.title} (${c.earned}/${c.weight}): ${c.reason}`}
            </Text>
          ))}
        </Stack>
      ) : null}
      <Counts r={r} />
    </Stack>
  );
}
