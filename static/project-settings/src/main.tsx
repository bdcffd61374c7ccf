import Heading from '@atlaskit/heading';
import { Box, Stack } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState, type ReactElement } from 'react';
import type { UpdateSettingsPayload } from '../../../src/shared/contract/project-settings';
import { ErrorMessage, Loading } from '../../shared/components';
import { mount } from '../../shared/mount';
import { useResolver } from '../../shared/use-resolver';
import { useSaveAction } from '../../shared/use-save-action';
import { invoke } from './api';
import { SettingsForm } from './settings-form';
import { DependenciesSettings } from './dependencies-settings';
import { ReadinessSettings } from './readiness-settings';
import { RiskSettingsSection } from './risks-settings';
import { ReviewSettingsSection } from './review-settings';
import { EscalationsSettings } from './escalations-settings';

/** Project settings: who approves specs (architects), the T-shirt scale and the divergence threshold. */
function SettingsPage(): ReactElement {
  const loaded = useResolver(() => invoke('settings.get'));
  const save = useSaveAction();
  // A new form after each save, so that what was saved becomes its starting point and it is no longer "unsaved".
  const [generation, setGeneration] = useState(0);

  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (loaded.state === 'loading') return <Loading label="Loading settings" />;
  const { project, settings, canAdminister } = loaded.data;

  const onSave = async (payload: UpdateSettingsPayload): Promise<void> => {
    await save.run(async () => {
      const r = await invoke('settings.update', payload);
      if (!r.ok) return r;
      loaded.replace({ ...loaded.data, settings: r.data });
      setGeneration((g) => g + 1);
      return { ok: true, warnings: [] };
    });
  };

  return (
    <Box padding="space.300" testId="settings-page">
      <Stack space="space.300">
        <Heading size="large" as="h1">
          Planning readiness settings: {project.name}
        </Heading>
        {!canAdminister ? <SectionMessage appearance="information">Only the project's administrators can change these settings.</SectionMessage> : null}
        <SettingsForm key={generation} settings={settings} editable={canAdminister} save={save} onSave={onSave} />
        <DependenciesSettings />
        <ReadinessSettings />
        <RiskSettingsSection />
        <ReviewSettingsSection />
        <EscalationsSettings />
      </Stack>
    </Box>
  );
}

mount(<SettingsPage />);
