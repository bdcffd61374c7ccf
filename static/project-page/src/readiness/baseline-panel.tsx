import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useState, type ReactElement } from 'react';
import type { AppError } from '../../../shared/api';
import { bridgeFailure } from '../../../shared/api';
import { ErrorMessage } from '../../../shared/components';
import { useConfirmDialog } from '../../../shared/confirm-dialog';
import { useDateFormat } from '../../../shared/date-format-context';
import type { DriftDto, PortfolioScopeDto, PortfolioViewDto } from '../../../../src/shared/contract/project-page';
import { invoke } from '../api';

const STATE = { READY: 'Ready', AT_RISK: 'At risk', NOT_READY: 'Not ready' } as const;

function DriftList({ title, testId, items }: { title: string; testId: string; items: Array<{ key: string; summary: string; detail?: string }> }): ReactElement {
  return (
    <Stack space="space.050" testId={testId}>
      <Text weight="bold">
        {title}: {items.length}
      </Text>
      {items.slice(0, 20).map((i) => (
        <Text key={i.key} size="small">
          {i.key} {i.summary}
          {i.detail ? ` (${i.detail})` : ''}
        </Text>
      ))}
      {items.length > 20 ? <Text size="small" color="color.text.subtle">and {items.length - 20} more</Text> : null}
    </Stack>
  );
}

function driftLists(drift: DriftDto): ReactElement {
  const score = (s: { score: number | null; state: keyof typeof STATE | null }): string => (s.score === null ? 'not scored' : `${s.score} ${s.state ? STATE[s.state] : ''}`.trim());
  return (
    <Inline space="space.300" shouldWrap>
      <DriftList title="Scope added" testId="drift-added" items={drift.added} />
      <DriftList title="Scope removed" testId="drift-removed" items={drift.removed} />
      <DriftList title="Estimates changed" testId="drift-estimates" items={drift.estimateChanged.map((d) => ({ ...d, detail: `confidence ${d.from ?? 'none'} → ${d.to ?? 'none'}` }))} />
      <DriftList title="Readiness dropped" testId="drift-readiness" items={drift.readinessDropped.map((d) => ({ ...d, detail: `${score(d.from)} → ${score(d.to)}` }))} />
    </Inline>
  );
}

/**
 * "Commit the plan": the baseline (who committed it, as the app recorded) and the drift since. Replacing a
 * committed plan wipes its drift, so it asks first, naming whose plan it replaces. Offered only to people
 * who may commit (the page is told by the app); a refusal shows here, by the button.
 */
export function BaselinePanel({ view, scope, onCommitted }: { view: PortfolioViewDto; scope: PortfolioScopeDto; onCommitted: (v: PortfolioViewDto) => void }): ReactElement {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const { ask, dialog } = useConfirmDialog();
  const format = useDateFormat();
  const b = view.baseline;
  const commit = async (): Promise<void> => {
    if (b) {
      const replace = await ask({
        title: 'Replace the committed plan?',
        body: `The plan committed by ${b.committedBy.displayName} on ${format.dateTime(b.committedAt)} will be replaced by the scope as it is now, and its drift will start again from zero.`,
        confirmLabel: 'Replace the plan',
        cancelLabel: 'Keep it',
        testId: 'confirm-commit',
      });
      if (!replace) return;
    }
    setBusy(true);
    setError(null);
    const r = await invoke('portfolio.commit', { scope }).catch((e: unknown) => ({ ok: false as const, error: bridgeFailure(e) }));
    setBusy(false);
    if (r.ok) onCommitted(r.data);
    else setError(r.error);
  };
  return (
    <Stack space="space.150" testId="baseline">
      <Inline space="space.150" alignBlock="center">
        {view.canEdit ? (
          <Button appearance="primary" onClick={() => void commit()} isLoading={busy} testId="commit-plan">
            Commit the plan
          </Button>
        ) : null}
        <Text color="color.text.subtle" testId="baseline-by">
          {b ? `Plan committed by ${b.committedBy.displayName} on ${format.dateTime(b.committedAt)}.` : 'No plan committed for this scope yet.'}
          {view.canEdit ? '' : ' People who can edit issues in this project commit the plan.'}
        </Text>
      </Inline>
      {error ? <ErrorMessage error={error} /> : null}
      {dialog}
      {b ? driftLists(b.drift) : null}
    </Stack>
  );
}
