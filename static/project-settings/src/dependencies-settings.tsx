import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { useEffect, useState, type ReactElement } from 'react';
import type { DependencySettingsDto } from '../../../src/shared/contract/dependencies';
import { ErrorMessage, Loading } from '../../shared/components';
import { SaveFeedback } from '../../shared/save-feedback';
import { useResolver } from '../../shared/use-resolver';
import { useSaveAction } from '../../shared/use-save-action';
import { invoke } from './api';

type Mapping = DependencySettingsDto['settings']['linkTypes'][number];

/**
 * Which issue link types mean "depends on" in this project, and which side is the dependent: with Blocks,
 * the issue that "is blocked by" the other depends on it. Links of these types show as dependencies.
 */
export function DependenciesSettings(): ReactElement {
  const loaded = useResolver(() => invoke('settings.dependencies.get'));
  const save = useSaveAction();
  const [mappings, setMappings] = useState<Mapping[]>([]);
  const data = loaded.state === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (data) setMappings(data.settings.linkTypes);
  }, [data]);
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (!data) return <Loading label="Loading dependency settings" />;
  const editable = data.canAdminister;
  const typeOf = (name: string) => data.linkTypes.find((t) => t.name === name);
  const unused = data.linkTypes.filter((t) => !mappings.some((m) => m.name === t.name));
  const onSave = () =>
    void save.run(async () => {
      const r = await invoke('settings.dependencies.update', { linkTypes: mappings });
      if (!r.ok) return r;
      loaded.replace(r.data);
      return { ok: true, warnings: r.data.warnings };
    });
  return (
    <Stack space="space.150" testId="dependencies-settings">
      <Heading size="medium" as="h2">
        Dependencies
      </Heading>
      <Text color="color.text.subtle">Issue links of these types are dependencies: they show in the Dependencies tab and on the maps, and count in JQL (openDependencies, lateDependencies, dependencyCycle).</Text>
      {mappings.map((m, n) => {
        const t = typeOf(m.name);
        const sides = t ? [{ value: 'inward' as const, label: `The issue that "${t.inward}" the other depends on it` }, { value: 'outward' as const, label: `The issue that "${t.outward}" the other depends on it` }] : [];
        return (
          <Inline key={m.name} space="space.100" alignBlock="center" testId={`dependency-link-type-${m.name}`}>
            <Text weight="medium">{m.name}</Text>
            <div style={{ minWidth: 380 }}>
              <Select
                inputId={`dependent-side-${n}`}
                aria-label={`${m.name}: which issue is the dependent`}
                isDisabled={!editable}
                options={sides}
                value={sides.find((s) => s.value === m.dependentReads) ?? null}
                onChange={(o) => o && setMappings(mappings.map((x, i) => (i === n ? { ...x, dependentReads: o.value } : x)))}
              />
            </div>
            {editable && mappings.length > 1 ? (
              <Button appearance="subtle" onClick={() => setMappings(mappings.filter((_, i) => i !== n))}>
                Remove
              </Button>
            ) : null}
          </Inline>
        );
      })}
      {editable && unused.length > 0 ? (
        <div style={{ maxWidth: 300 }}>
          <Select
            inputId="add-dependency-link-type"
            aria-label="Add a link type"
            placeholder="Add a link type"
            options={unused.map((t) => ({ value: t.name, label: t.name }))}
            value={null}
            onChange={(o) => o && setMappings([...mappings, { name: o.value, dependentReads: 'inward' }])}
          />
        </div>
      ) : null}
      {editable ? (
        <Inline space="space.100" alignBlock="center">
          <Button appearance="primary" testId="save-dependency-settings" isDisabled={save.busy} onClick={onSave}>
            Save dependency settings
          </Button>
          <SaveFeedback state={save.state} testId="dependency-settings-save" />
        </Inline>
      ) : null}
    </Stack>
  );
}
