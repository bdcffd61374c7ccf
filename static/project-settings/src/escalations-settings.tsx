import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useState, type ReactElement } from 'react';
import type { EscalationSettingsDto, EscalationSettingsViewDto } from '../../../src/shared/contract/escalations';
import { escalationSettingsProblem } from '../../../src/shared/payloads/escalations';
import { ErrorMessage, Loading } from '../../shared/components';
import { SaveFeedback } from '../../shared/save-feedback';
import { useResolver } from '../../shared/use-resolver';
import { useSaveAction } from '../../shared/use-save-action';
import { invoke } from './api';

const RULES: Array<[keyof EscalationSettingsDto['rules'], string]> = [
  ['FLAGGED', 'An issue is flagged'],
  ['PRIORITY_HIGHEST', 'Its priority is raised to Highest'],
  ['LABEL', 'It gets the escalation label'],
  ['BLOCKED_BY', 'It is blocked by an unresolved issue'],
];
const SIGNALS = [
  { value: 'NONE' as const, label: 'No field change' },
  { value: 'LABEL' as const, label: 'Add a label to the epic or feature' },
  { value: 'FLAG' as const, label: 'Flag the epic or feature' },
];

function OnOff({ on, onChange, label, disabled, testId }: { on: boolean; onChange: (on: boolean) => void; label: string; disabled: boolean; testId: string }): ReactElement {
  return (
    <Inline space="space.100" alignBlock="center">
      <Button spacing="compact" isSelected={on} isDisabled={disabled} onClick={() => onChange(!on)} aria-pressed={on} testId={testId}>
        {on ? 'On' : 'Off'}
      </Button>
      <Text>{label}</Text>
    </Inline>
  );
}

/** The web trigger's secret: created or rotated by an administrator, shown once, never again. */
function WebTriggerSecret({ view }: { view: EscalationSettingsViewDto }): ReactElement {
  const [shown, setShown] = useState<{ secret: string; createdAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rotate = async (): Promise<void> => {
    const r = await invoke('settings.escalations.rotateSecret', { previous: shown?.createdAt ?? view.secretCreatedAt ?? 'none' });
    if (r.ok) setShown(r.data);
    setError(r.ok ? null : r.error.message);
  };
  const createdAt = shown?.createdAt ?? view.secretCreatedAt;
  return (
    <Stack space="space.100" testId="webhook-secret">
      <Heading size="small" as="h3">Web trigger for outside systems</Heading>
      <Text>POST signed escalations to {view.webTriggerUrl ?? 'the app\'s web trigger URL'} (see the README for the signature).</Text>
      <Text color="color.text.subtle">{createdAt ? `A secret exists since ${new Date(createdAt).toLocaleString()}; it is shown only once.` : 'No secret yet: the web trigger refuses every request.'}</Text>
      {shown ? (
        <SectionMessage appearance="warning" title="Copy the secret now: it is not shown again" testId="new-secret">
          <code data-testid="new-secret-value">{shown.secret}</code>
        </SectionMessage>
      ) : null}
      {error ? <SectionMessage appearance="error"><Text>{error}</Text></SectionMessage> : null}
      {view.canAdminister ? (
        <Box>
          <Button onClick={() => void rotate()} testId="rotate-secret">{createdAt ? 'Rotate the secret' : 'Create a secret'}</Button>
        </Box>
      ) : null}
    </Stack>
  );
}

/** Escalations settings: the detection rules, the label, the SLA, the comment and the field signal. */
export function EscalationsSettings(): ReactElement {
  const loaded = useResolver(() => invoke('settings.escalations.get'));
  const save = useSaveAction();
  const [draft, setDraft] = useState<EscalationSettingsDto | null>(null);
  if (loaded.state === 'loading') return <Loading label="Loading escalation settings" />;
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} />;
  const view = loaded.data;
  const value = draft ?? view.settings;
  const disabled = !view.canAdminister;
  const set = (change: Partial<EscalationSettingsDto>): void => {
    save.editing();
    setDraft({ ...value, ...change });
  };
  const problem = escalationSettingsProblem({ ...value, label: value.label.trim(), signalLabel: value.signalLabel.trim() });
  const onSave = async (): Promise<void> => {
    await save.run(async () => {
      const r = await invoke('settings.escalations.update', value);
      if (!r.ok) return r;
      loaded.replace({ ...view, settings: r.data });
      setDraft(null);
      return { ok: true, warnings: [] };
    });
  };

  return (
    <Stack space="space.200" testId="escalations-settings">
      <Heading size="medium" as="h2">Escalations</Heading>
      <Text color="color.text.subtle">An impediment is raised on the epic or feature above an issue when:</Text>
      {RULES.map(([rule, label]) => (
        <OnOff key={rule} on={value.rules[rule]} label={label} disabled={disabled} onChange={(on) => set({ rules: { ...value.rules, [rule]: on } })} testId={`rule-${rule}`} />
      ))}
      <Inline space="space.200" shouldWrap>
        <Stack space="space.050">
          <Text weight="bold">Escalation label</Text>
          <Textfield aria-label="Escalation label" value={value.label} isDisabled={disabled} onChange={(e) => set({ label: e.currentTarget.value })} testId="escalation-label" />
        </Stack>
        <Stack space="space.050">
          <Text weight="bold">SLA (working days)</Text>
          <Textfield aria-label="SLA in working days" type="number" value={String(value.slaWorkingDays)} isDisabled={disabled} onChange={(e) => set({ slaWorkingDays: Number(e.currentTarget.value) })} testId="sla-days" />
        </Stack>
      </Inline>
      <OnOff on={value.commentOnRaise} label="Comment on the epic or feature, mentioning its tech lead" disabled={disabled} onChange={(on) => set({ commentOnRaise: on })} testId="comment-on-raise" />
      <Stack space="space.050">
        <Text weight="bold">For Automation's "Field value changed" rules, while impediments are open</Text>
        <Box style={{ maxWidth: 360 }}>
          <Select inputId="field-signal" aria-label="Field signal" options={SIGNALS} value={SIGNALS.find((s) => s.value === value.fieldSignal)} isDisabled={disabled} onChange={(o) => o && set({ fieldSignal: o.value })} />
        </Box>
        {value.fieldSignal === 'LABEL' ? <Textfield aria-label="Signal label" value={value.signalLabel} isDisabled={disabled} onChange={(e) => set({ signalLabel: e.currentTarget.value })} testId="signal-label" /> : null}
      </Stack>
      {problem ? <SectionMessage appearance="error" testId="escalations-settings-problem"><Text>{problem}</Text></SectionMessage> : null}
      {view.canAdminister ? (
        <Inline space="space.100" alignBlock="center">
          <Button appearance="primary" isDisabled={problem !== null || draft === null || save.busy} onClick={() => void onSave()} testId="escalations-settings-save">Save escalation settings</Button>
          <SaveFeedback state={save.state} testId="escalations-settings" />
        </Inline>
      ) : null}
      <WebTriggerSecret view={view} />
    </Stack>
  );
}
