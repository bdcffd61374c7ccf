import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState, type ReactElement } from 'react';
import type { RiskViewDto } from '../../../../src/shared/contract/risks';
import { ChangedOutsideAppWarning, ErrorMessage, Loading } from '../../../shared/components';
import { RATING_LABEL } from '../../../shared/risks/rating';
import { ChangeList } from '../history';
import { RiskCard, type Editor } from './risk-card';
import { RiskForm } from './risk-form';
import { useRisks } from './use-risks';

const LEVEL_NAMES = ['none', RATING_LABEL.LOW, RATING_LABEL.MEDIUM, RATING_LABEL.HIGH, RATING_LABEL.CRITICAL];

/** The highest rating is each open risk's current one: the residual rating of a mitigated risk, as readiness counts it. */
function Summary({ view }: { view: RiskViewDto }): ReactElement {
  const open = view.risks.filter((r) => r.roam.state !== 'RESOLVED').length;
  return (
    <Text testId="risks-summary">
      {open} open {open === 1 ? 'risk' : 'risks'}, highest open rating {LEVEL_NAMES[view.counts.level]} (residual for mitigated risks); {view.counts.unroamed} unROAMed; {view.counts.blocking} blocking readiness.
    </Text>
  );
}

/** The Risks tab: the item's risk register, rated on the 5x5 matrix and ROAMed, with its history. */
export function RisksTab(): ReactElement {
  const { view: loaded, apply } = useRisks();
  // One editor open at a time: a risk's form, or the new-risk form ('new').
  const [open, setOpen] = useState<{ riskId: string; editor: Editor } | 'new' | null>(null);
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (loaded.state === 'loading') return <Loading label="Loading the risks" />;
  const view = loaded.data;
  const full = view.risks.length >= view.limits.risks;
  return (
    <Stack space="space.200" testId="risks-tab">
      <Summary view={view} />
      {view.problem ? (
        <SectionMessage appearance="error" title="The risk register cannot be read" testId="risks-problem">
          {view.problem}. It is left untouched; editing is off until it is repaired.
        </SectionMessage>
      ) : null}
      <ChangedOutsideAppWarning integrity={view.integrity} testId="risks-changed-outside-app" />
      {view.canEdit && open !== 'new' ? (
        <Stack space="space.050">
          <Button appearance="primary" onClick={() => setOpen('new')} isDisabled={full} testId="risk-add">
            Add a risk
          </Button>
          {full ? <Text color="color.text.subtle">This item holds the most risks it can ({view.limits.risks}); resolve and delete old ones first.</Text> : null}
        </Stack>
      ) : null}
      {open === 'new' ? <RiskForm risk={null} settings={view.settings} apply={apply} onDone={() => setOpen(null)} /> : null}
      {view.risks.length === 0 ? <Text color="color.text.subtlest">No risks recorded yet.</Text> : null}
      {view.risks.map((risk) => (
        <RiskCard
          key={risk.id}
          risk={risk}
          view={view}
          apply={apply}
          editor={open !== 'new' && open?.riskId === risk.id ? open.editor : null}
          setEditor={(editor) => setOpen(editor ? { riskId: risk.id, editor } : null)}
        />
      ))}
      <ChangeList entries={[...view.history].reverse()} testId="risks-history" />
    </Stack>
  );
}
