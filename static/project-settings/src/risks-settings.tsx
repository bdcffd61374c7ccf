import Button from '@atlaskit/button/new';
import { ErrorMessage as FieldErrorMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useState, type ReactElement } from 'react';
import type { RiskSettingsDto } from '../../../src/shared/contract/risks';
import { riskSettingsProblem } from '../../../src/shared/payloads/risks';
import { ErrorMessage, Loading } from '../../shared/components';
import { SaveFeedback } from '../../shared/save-feedback';
import { useUnsavedChanges } from '../../shared/unsaved-changes';
import { useResolver } from '../../shared/use-resolver';
import { useSaveAction } from '../../shared/use-save-action';
import { invoke } from './api';

type Thresholds = Record<keyof RiskSettingsDto['thresholds'], string>;
const THRESHOLDS: Array<{ key: keyof Thresholds; label: string }> = [
  { key: 'medium', label: 'Medium from score' },
  { key: 'high', label: 'High from score' },
  { key: 'critical', label: 'Critical from score' },
];

function ScaleFields({ name, labels, disabled, onChange }: { name: 'likelihood' | 'impact'; labels: string[]; disabled: boolean; onChange: (labels: string[]) => void }): ReactElement {
  return (
    <Stack space="space.050">
      <Text weight="bold">{name === 'likelihood' ? 'Likelihood' : 'Impact'} scale, 1 to 5</Text>
      <Inline space="space.100" shouldWrap>
        {labels.map((l, i) => (
          <Box key={i} style={{ width: 150 }}>
            <Textfield aria-label={`${name} ${i + 1}`} testId={`risk-${name}-${i + 1}`} value={l} isDisabled={disabled} onChange={(e) => onChange(labels.map((x, j) => (j === i ? e.currentTarget.value : x)))} />
          </Box>
        ))}
      </Inline>
    </Stack>
  );
}

/** The risk section of the project settings: the scales' labels and the rating thresholds (score = likelihood x impact). */
function RiskSettingsForm({ initial, editable, onSaved }: { initial: RiskSettingsDto; editable: boolean; onSaved: (s: RiskSettingsDto) => void }): ReactElement {
  const [likelihood, setLikelihood] = useState(initial.likelihoodLabels);
  const [impact, setImpact] = useState(initial.impactLabels);
  const [thresholds, setThresholds] = useState<Thresholds>({ medium: String(initial.thresholds.medium), high: String(initial.thresholds.high), critical: String(initial.thresholds.critical) });
  const save = useSaveAction();
  const settings: RiskSettingsDto = { likelihoodLabels: likelihood, impactLabels: impact, thresholds: { medium: Number(thresholds.medium), high: Number(thresholds.high), critical: Number(thresholds.critical) } };
  const blank = Object.values(thresholds).some((t) => t.trim() === '');
  const problem = blank ? 'Thresholds: enter a whole number in each.' : riskSettingsProblem(settings);
  useUnsavedChanges(JSON.stringify(settings) !== JSON.stringify(initial));

  const submit = async (): Promise<void> => {
    if (problem) return;
    await save.run(async () => {
      const r = await invoke('settings.risks.update', settings);
      if (!r.ok) return r;
      onSaved(r.data);
      return { ok: true, warnings: [] };
    });
  };

  return (
    <Stack space="space.150" testId="risk-settings">
      <ScaleFields name="likelihood" labels={likelihood} disabled={!editable} onChange={setLikelihood} />
      <ScaleFields name="impact" labels={impact} disabled={!editable} onChange={setImpact} />
      <Inline space="space.150">
        {THRESHOLDS.map((t) => (
          <Stack key={t.key} space="space.050">
            <Label htmlFor={`risk-threshold-${t.key}`}>{t.label}</Label>
            <Textfield id={`risk-threshold-${t.key}`} testId={`risk-threshold-${t.key}`} type="number" width="small" value={thresholds[t.key]} isDisabled={!editable} onChange={(e) => setThresholds({ ...thresholds, [t.key]: e.currentTarget.value })} />
          </Stack>
        ))}
      </Inline>
      <Text size="small" color="color.text.subtle">
        Score = likelihood x impact (1 to 25). Below the Medium threshold a risk is Low.
      </Text>
      {problem ? <FieldErrorMessage testId="risk-settings-error">{problem}</FieldErrorMessage> : null}
      {editable ? (
        <Inline>
          <Button appearance="primary" onClick={() => void submit()} isDisabled={save.busy || problem !== null} testId="risk-settings-save">
            Save risk settings
          </Button>
        </Inline>
      ) : null}
      <SaveFeedback state={save.state} testId="risk-settings" />
    </Stack>
  );
}

/** Loads the project's risk settings and shows their form (read-only for non-administrators). */
export function RiskSettingsSection(): ReactElement {
  const loaded = useResolver(() => invoke('settings.risks.get'));
  return (
    <Stack space="space.100">
      <Heading size="small" as="h2">
        Risk ratings
      </Heading>
      {loaded.state === 'failed' ? <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} /> : null}
      {loaded.state === 'loading' ? <Loading label="Loading risk settings" /> : null}
      {loaded.state === 'ready' ? <RiskSettingsForm initial={loaded.data.settings} editable={loaded.data.canAdminister} onSaved={(settings) => loaded.replace({ ...loaded.data, settings })} /> : null}
    </Stack>
  );
}
