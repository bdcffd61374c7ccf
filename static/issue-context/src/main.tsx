import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { useEffect, type ReactElement } from 'react';
import { invoke } from './api';
import { FieldRow } from './field-row';
import { ChangedOutsideAppWarning, ErrorMessage, Loading, Person, StatusLozenge } from '../../shared/components';
import { mount } from '../../shared/mount';
import { estimateText, SPEC_STATUS_APPEARANCE, SPEC_STATUS_LABEL } from '../../shared/planning-format';
import { onRecordChanged } from '../../shared/record-events';
import { useResolver } from '../../shared/use-resolver';
import { ReadinessSummary } from './readiness-summary';

/** The "Readiness" side panel: the issue and its planning record at a glance, for Jira's right-hand column. */
function ReadinessContext(): ReactElement {
  const view = useResolver(() => invoke('planning.getView'));
  const issueKey = view.state === 'ready' ? view.data.item.key : null;
  const { reload } = view;
  // Follow saves made in the Planning panel on the same page.
  useEffect(() => (issueKey ? onRecordChanged(issueKey, () => void reload()) : undefined), [issueKey, reload]);
  if (view.state === 'loading') return <Loading label="Loading readiness" />;
  if (view.state === 'failed') return <ErrorMessage error={view.error} onRetry={() => void view.reload()} />;
  const { item, record, decomposition: d, reconciliation, tshirtScale } = view.data;
  return (
    <Box padding="space.150" testId="readiness-context">
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" spread="space-between">
          <Text weight="bold" testId="issue-key">
            {item.key}
          </Text>
          <StatusLozenge name={item.status.name} category={item.status.category} />
        </Inline>
        <Heading size="xsmall" as="h2" testId="issue-summary">
          {item.summary}
        </Heading>
        <Inline space="space.100">
          <Text color="color.text.subtle">Type</Text>
          <Text testId="issue-type">{item.issueType.name}</Text>
        </Inline>
        <Inline space="space.100" alignBlock="center">
          <Text color="color.text.subtle">Assignee</Text>
          <Box testId="issue-assignee">
            <Person person={item.assignee} />
          </Box>
        </Inline>
        <Inline space="space.100" alignBlock="center">
          <Text color="color.text.subtle">Spec</Text>
          <Lozenge appearance={SPEC_STATUS_APPEARANCE[record.spec.status]} testId="context-spec-status">
            {SPEC_STATUS_LABEL[record.spec.status]}
          </Lozenge>
        </Inline>
        <ChangedOutsideAppWarning integrity={view.data.integrity} testId="context-changed-outside-app" />
        <Inline space="space.100" alignBlock="center">
          <Text color="color.text.subtle">Estimate</Text>
          <Text testId="context-estimate">{record.estimate ? `${estimateText(record.estimate.value, tshirtScale)}, confidence ${record.estimate.confidence}/5` : 'Not estimated'}</Text>
          {reconciliation?.flagged ? <Lozenge appearance="moved">Diverges</Lozenge> : null}
        </Inline>
        <FieldRow label="Breakdown" testId="context-decomposition">{`${d.childCount} children, ${d.estimatedPct}% of ${d.storyCount} work items estimated`}</FieldRow>
        <ReadinessSummary issueKey={item.key} />
      </Stack>
    </Box>
  );
}

mount(<ReadinessContext />);
