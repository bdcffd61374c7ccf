import Button from '@atlaskit/button/new';
import { ErrorMessage as FieldError, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState, type ReactElement } from 'react';
import type { AppError, PersonRefDto, TShirtScaleDto, TShirtSize } from '../../../src/shared/contract/common';
import type { ProjectSettingsViewDto } from '../../../src/shared/contract/project-settings';
import { bridgeFailure } from '../../shared/api';
import { invoke } from './api';
import { ErrorMessage, Loading } from '../../shared/components';
import { mount } from '../../shared/mount';

const SIZES: TShirtSize[] = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];

/** Project settings: who approves specs (architects), the T-shirt scale and the divergence threshold. */
function SettingsPage(): ReactElement {
  const [loaded, setLoaded] = useState<ProjectSettingsViewDto | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [architects, setArchitects] = useState<PersonRefDto[]>([]);
  const [scale, setScale] = useState<Record<TShirtSize, { low: string; high: string }> | null>(null);
  const [threshold, setThreshold] = useState('');
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<PersonRefDto[]>([]);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; error: AppError }>({ kind: 'idle' });

  const load = async (): Promise<void> => {
    try {
      const r = await invoke('settings.get');
      if (!r.ok) return setLoadError(r.error);
      setLoaded(r.data);
      setArchitects(r.data.settings.architects);
      setScale(Object.fromEntries(SIZES.map((s) => [s, { low: String(r.data.settings.tshirtScale[s].low), high: String(r.data.settings.tshirtScale[s].high) }])) as Record<TShirtSize, { low: string; high: string }>);
      setThreshold(String(r.data.settings.divergenceThresholdPct));
    } catch (e) {
      setLoadError(bridgeFailure(e));
    }
  };
  useEffect(() => {
    void load();
  }, []);

  if (loadError) return <ErrorMessage error={loadError} onRetry={() => void load()} />;
  if (!loaded || !scale) return <Loading label="Loading settings" />;
  const editable = loaded.canAdminister;

  const search = async (): Promise<void> => {
    const r = await invoke('settings.searchUsers', { query });
    setMatches(r.ok ? r.data.filter((p) => !architects.some((a) => a.accountId === p.accountId)) : []);
    if (!r.ok) setStatus({ kind: 'failed', error: r.error });
  };

  const save = async (): Promise<void> => {
    setStatus({ kind: 'saving' });
    const tshirtScale = Object.fromEntries(SIZES.map((s) => [s, { low: Number(scale[s].low), high: Number(scale[s].high) }])) as TShirtScaleDto;
    try {
      const r = await invoke('settings.update', { architectAccountIds: architects.map((a) => a.accountId), tshirtScale, divergenceThresholdPct: Number(threshold) });
      setStatus(r.ok ? { kind: 'saved' } : { kind: 'failed', error: r.error });
    } catch (e) {
      setStatus({ kind: 'failed', error: bridgeFailure(e) });
    }
  };

  return (
    <Box padding="space.300" testId="settings-page">
      <Stack space="space.300">
        <Heading size="large" as="h1">
          Planning readiness settings: {loaded.project.name}
        </Heading>
        {!editable ? <SectionMessage appearance="information">Only the project's administrators can change these settings.</SectionMessage> : null}
        <Stack space="space.100">
          <Heading size="small" as="h2">
            Architects
          </Heading>
          <Text color="color.text.subtle">Architects approve technical specs. With none named, the project's administrators do.</Text>
          <Stack space="space.050" testId="architects">
            {architects.length === 0 ? <Text color="color.text.subtlest">None: project administrators approve.</Text> : null}
            {architects.map((a) => (
              <Inline key={a.accountId} space="space.100" alignBlock="center">
                <Text>{a.displayName}</Text>
                {editable ? (
                  <Button appearance="subtle" spacing="compact" onClick={() => setArchitects(architects.filter((x) => x.accountId !== a.accountId))}>
                    Remove
                  </Button>
                ) : null}
              </Inline>
            ))}
          </Stack>
          {editable ? (
            <Inline space="space.100" alignBlock="end">
              <Box>
                <Label htmlFor="architect-search">Add an architect</Label>
                <Textfield id="architect-search" testId="architect-search" value={query} placeholder="Name or email" onChange={(e) => setQuery(e.currentTarget.value)} />
              </Box>
              <Button onClick={() => void search()} isDisabled={query.trim() === ''} testId="architect-search-button">
                Find
              </Button>
            </Inline>
          ) : null}
          {matches.map((m) => (
            <Inline key={m.accountId} space="space.100" alignBlock="center">
              <Text>{m.displayName}</Text>
              <Button
                spacing="compact"
                onClick={() => {
                  setArchitects([...architects, m]);
                  setMatches(matches.filter((x) => x.accountId !== m.accountId));
                }}
              >
                Add
              </Button>
            </Inline>
          ))}
        </Stack>
        <Stack space="space.100">
          <Heading size="small" as="h2">
            T-shirt sizes in story points
          </Heading>
          {SIZES.map((s) => (
            <Inline key={s} space="space.100" alignBlock="center">
              <Box style={{ width: 48 }}>
                <Text weight="bold">{s}</Text>
              </Box>
              <Textfield aria-label={`${s} low`} width="xsmall" type="number" isReadOnly={!editable} value={scale[s].low} onChange={(e) => setScale({ ...scale, [s]: { ...scale[s], low: e.currentTarget.value } })} />
              <Text>to</Text>
              <Textfield aria-label={`${s} high`} width="xsmall" type="number" isReadOnly={!editable} value={scale[s].high} onChange={(e) => setScale({ ...scale, [s]: { ...scale[s], high: e.currentTarget.value } })} />
            </Inline>
          ))}
        </Stack>
        <Stack space="space.050">
          <Label htmlFor="threshold">Flag divergence beyond (percent)</Label>
          <Box style={{ maxWidth: 120 }}>
            <Textfield id="threshold" testId="threshold" type="number" isReadOnly={!editable} value={threshold} onChange={(e) => setThreshold(e.currentTarget.value)} />
          </Box>
          <HelperMessage>When the stories' points fall this far outside the estimated range, the estimate is flagged.</HelperMessage>
        </Stack>
        {editable ? (
          <Inline space="space.100" alignBlock="center">
            <Button appearance="primary" onClick={() => void save()} isDisabled={status.kind === 'saving'} testId="settings-save">
              {status.kind === 'saving' ? 'Saving…' : 'Save settings'}
            </Button>
            {status.kind === 'saved' ? <Text color="color.text.success" testId="settings-saved">Saved</Text> : null}
            {status.kind === 'failed' ? <FieldError testId="settings-error">{status.error.message}</FieldError> : null}
          </Inline>
        ) : null}
      </Stack>
    </Box>
  );
}

mount(<SettingsPage />);
