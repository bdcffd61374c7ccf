import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Label } from '@atlaskit/form';
import Lozenge from '@atlaskit/lozenge';
import Select from '@atlaskit/select';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { useState, type ReactElement } from 'react';
import { ErrorMessage, Loading } from '../../shared/components';
import { SaveFeedback } from '../../shared/save-feedback';
import { useUnsavedChanges } from '../../shared/unsaved-changes';
import { useResolver } from '../../shared/use-resolver';
import { useSaveAction } from '../../shared/use-save-action';
import { invoke } from './api';

type Option = { label: string; value: boolean };
const OPTIONS: Option[] = [
  { label: 'Add a Jira comment that mentions the people concerned', value: true },
  { label: 'Add no comment', value: false },
];

/**
 * Review notices (KVS `settings:review:<project>`): whether submitting, approving and requesting changes add
 * a Jira comment that mentions the architects or the author. Its own section with its own Save.
 */
export function ReviewSettingsSection(): ReactElement {
  const loaded = useResolver(() => invoke('settings.review.get'));
  const save = useSaveAction();
  const [choice, setChoice] = useState<boolean | null>(null);
  const saved = loaded.state === 'ready' ? loaded.data.settings.notifyByComment : null;
  const value = choice ?? saved ?? true;
  const dirty = saved !== null && value !== saved;
  useUnsavedChanges(dirty);

  if (loaded.state === 'loading') return <Loading label="Loading review settings" />;
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} />;
  const { canAdminister } = loaded.data;

  const onSave = (): void =>
    void save.run(async () => {
      const r = await invoke('settings.review.update', { notifyByComment: value });
      if (!r.ok) return r;
      loaded.replace({ ...loaded.data, settings: r.data });
      setChoice(null);
      return { ok: true, warnings: [] };
    });

  return (
    <Stack space="space.100" testId="review-settings">
      <Heading size="small" as="h2">
        Review notices
      </Heading>
      <Label htmlFor="review-notify">When a spec is submitted for review, approved, or sent back with requested changes</Label>
      <Box style={{ maxWidth: 360 }}>
        <Select<Option>
          inputId="review-notify"
          testId="review-notify"
          options={OPTIONS}
          value={OPTIONS.find((o) => o.value === value)}
          isDisabled={!canAdminister}
          onChange={(o) => {
            if (!o) return;
            setChoice(o.value);
            save.editing();
          }}
        />
      </Box>
      <Text color="color.text.subtle">The comment mentions the project's architects (on submit) or the spec's author (on approval or requested changes), so Jira notifies them.</Text>
      {canAdminister ? (
        <Inline space="space.100" alignBlock="center">
          <Button appearance="primary" onClick={onSave} isDisabled={save.busy || !dirty} testId="review-settings-save">
            {save.state.kind === 'saving' ? 'Saving…' : 'Save review notices'}
          </Button>
          {dirty ? (
            <Lozenge appearance="moved" testId="review-settings-unsaved">
              Unsaved changes
            </Lozenge>
          ) : null}
        </Inline>
      ) : null}
      <SaveFeedback state={save.state} testId="review-settings" />
    </Stack>
  );
}
