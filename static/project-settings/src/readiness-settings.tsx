import Button from '@atlaskit/button/new';
import Form, { ErrorMessage, Field, HelperMessage } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useEffect, useState, type ReactElement } from 'react';
import type { CriterionIdDto, FactFeatureDto, ReadinessSettingsDto, ReadinessSettingsViewDto, RecomputeStatusDto } from '../../../src/shared/contract/readiness';
import { ErrorMessage as LoadError, Loading } from '../../shared/components';
import { NumberField } from '../../shared/number-field';
import { SaveFeedback } from '../../shared/save-feedback';
import { useResolver } from '../../shared/use-resolver';
import { useSaveAction } from '../../shared/use-save-action';
import { invoke } from './api';

const CRITERIA: Array<{ id: CriterionIdDto; title: string; help: string; feature?: FactFeatureDto }> = [
  { id: 'spec', title: 'Spec approved', help: 'In review counts half.' },
  { id: 'nfrsAndAcceptance', title: 'NFRs and acceptance criteria', help: 'Both spec sections written.' },
  { id: 'estimate', title: 'Estimate agreed', help: 'Confidence 3 or more, in line with the stories’ points.' },
  { id: 'decomposition', title: 'Decomposed', help: 'Broken down, 80% of the stories estimated.' },
  { id: 'features', title: 'Features ready', help: 'Epics only: share of features ready, at risk counts half.' },
  { id: 'dependencies', title: 'Dependencies committed', help: 'All committed or delivered, none late, no cycle.', feature: 'dependencies' },
  { id: 'risks', title: 'Risks ROAMed', help: 'No unROAMed High risk, no open Critical one.', feature: 'risks' },
  { id: 'impediments', title: 'No open impediments', help: 'No escalated impediment open.', feature: 'impediments' },
  { id: 'techLead', title: 'Tech lead named', help: 'The issue has an assignee.' },
];

type TypeOption = { label: string; value: string };
type Values = Record<`on-${CriterionIdDto}`, boolean> & Record<`weight-${CriterionIdDto}`, string> & { ready: string; atRisk: string; epicTypes: readonly TypeOption[] | null; featureTypes: readonly TypeOption[] | null };

/** The same rules as the backend's (src/domain/readiness/settings.ts), field by field. */
const wholeProblem = (value: string | undefined, max: number): string | undefined => {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n)) return 'Enter a whole number.';
  return n < 0 || n > max ? `Choose 0 to ${max}.` : undefined;
};

function formProblem(v: Values): string | undefined {
  if (!CRITERIA.some((c) => v[`on-${c.id}`] && Number(v[`weight-${c.id}`]) > 0)) return 'Turn on at least one criterion with a weight above 0.';
  const both = (v.epicTypes ?? []).find((e) => (v.featureTypes ?? []).some((f) => f.value === e.value));
  return both ? `${both.label} cannot count as both an epic and a feature.` : undefined;
}

function toPayload(v: Values): ReadinessSettingsDto {
  return {
    criteria: Object.fromEntries(CRITERIA.map((c) => [c.id, { enabled: v[`on-${c.id}`], weight: Number(v[`weight-${c.id}`]) }])) as ReadinessSettingsDto['criteria'],
    thresholds: { ready: Number(v.ready), atRisk: Number(v.atRisk) },
    epicTypeIds: (v.epicTypes ?? []).map((o) => o.value),
    featureTypeIds: (v.featureTypes ?? []).map((o) => o.value),
  };
}

function RecomputeLine({ status }: { status: RecomputeStatusDto | null }): ReactElement | null {
  if (!status) return null;
  if (status.state === 'RECOMPUTING') {
    return (
      <Inline space="space.100" alignBlock="center" testId="readiness-recomputing">
        <Spinner size="small" label="Recomputing" />
        <Text>Recomputing the readiness of the project's epics and features…</Text>
      </Inline>
    );
  }
  if (status.state === 'FAILED') return <SectionMessage appearance="warning" testId="readiness-recompute-failed">{status.message ?? 'The recompute did not finish; the hourly reconciliation rescores the items.'}</SectionMessage>;
  return (
    <Text color="color.text.subtle" testId="readiness-recomputed">
      {`Recomputed: ${status.scored} items rescored, ${status.changed} changed.`}
    </Text>
  );
}

/** How often the page asks how the recompute goes while it runs. */
const POLL_MS = 2_000;

/**
 * The readiness section of the project settings page: which criteria count and how much, the thresholds of
 * the states, and which issue types are epics and features. A save recomputes the project in the background,
 * and the section shows it until it is done.
 */
export function ReadinessSettings(): ReactElement {
  const loaded = useResolver(() => invoke('settings.readiness.get'));
  const save = useSaveAction();
  const [generation, setGeneration] = useState(0);
  const recomputing = loaded.state === 'ready' && loaded.data.recompute?.state === 'RECOMPUTING';
  const { reload } = loaded;
  useEffect(() => {
    if (!recomputing) return undefined;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [recomputing, reload]);

  if (loaded.state === 'failed') return <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (loaded.state === 'loading') return <Loading label="Loading readiness settings" />;
  const { settings, canAdminister, issueTypes, recompute, landedFeatures } = loaded.data;
  const options: TypeOption[] = issueTypes.map((t) => ({ label: `${t.name} (level ${t.hierarchyLevel})`, value: t.id }));
  const chosen = (ids: string[]): TypeOption[] => options.filter((o) => ids.includes(o.value));

  const onSubmit = async (values: Values): Promise<Record<string, string> | undefined> => {
    const problem = formProblem(values);
    if (problem) return { formProblem: problem };
    await save.run(async () => {
      const r = await invoke('settings.readiness.update', toPayload(values));
      if (!r.ok) return r;
      loaded.replace(r.data satisfies ReadinessSettingsViewDto);
      setGeneration((g) => g + 1);
      return { ok: true, warnings: [] };
    });
    return undefined;
  };

  return (
    <Stack space="space.200" testId="readiness-settings">
      <Heading size="medium" as="h2">
        Readiness score
      </Heading>
      <Text color="color.text.subtle">The definition of ready: the criteria that count share 100 points in proportion to their weights.</Text>
      <Form<Values> key={generation} onSubmit={onSubmit} isDisabled={!canAdminister}>
        {({ formProps, dirty, submitting }) => (
          <form {...formProps} data-testid="readiness-settings-form">
            <Stack space="space.200">
              {CRITERIA.map((c) => (
                <Inline key={c.id} space="space.150" alignBlock="start">
                  <Field<boolean> name={`on-${c.id}`} defaultValue={settings.criteria[c.id].enabled}>
                    {({ fieldProps: { value, onChange, isDisabled, id } }) => (
                      <Box style={{ width: 280, paddingTop: 8 }}>
                        <label htmlFor={id} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                          <input id={id} type="checkbox" checked={value} disabled={isDisabled} onChange={(e) => onChange(e.target.checked)} data-testid={`readiness-on-${c.id}`} style={{ accentColor: token('color.background.brand.bold') }} />
                          <Stack space="space.025">
                            <Text weight="medium">{c.title}</Text>
                            <Text size="small" color="color.text.subtle">
                              {c.feature && !landedFeatures.includes(c.feature) ? `${c.help} Not scored until the ${c.feature} feature is in the app.` : c.help}
                            </Text>
                          </Stack>
                        </label>
                      </Box>
                    )}
                  </Field>
                  <NumberField<Values> name={`weight-${c.id}`} label={`${c.title} weight`} hideLabel testId={`readiness-weight-${c.id}`} width="xsmall" defaultValue={String(settings.criteria[c.id].weight)} validate={(v) => wholeProblem(v, 100)} />
                </Inline>
              ))}
              <Inline space="space.200" alignBlock="start">
                <NumberField<Values> name="ready" label="Ready from score" testId="readiness-ready" width="small" defaultValue={String(settings.thresholds.ready)} validate={(v) => wholeProblem(v, 100)} />
                <NumberField<Values>
                  name="atRisk"
                  label="At risk from score"
                  testId="readiness-at-risk"
                  width="small"
                  defaultValue={String(settings.thresholds.atRisk)}
                  validate={(v, all) => wholeProblem(v, 100) ?? (Number(v) > Number(all.ready) ? 'Not above the "ready" threshold.' : undefined)}
                />
              </Inline>
              {(['epicTypes', 'featureTypes'] as const).map((name) => (
                <Field<readonly TypeOption[] | null> key={name} name={name} label={name === 'epicTypes' ? 'Count as epics' : 'Count as features'} defaultValue={chosen(name === 'epicTypes' ? settings.epicTypeIds : settings.featureTypeIds)}>
                  {({ fieldProps }) => (
                    <Box style={{ maxWidth: 480 }}>
                      <Select<TypeOption, true> {...fieldProps} isMulti options={options} testId={`readiness-${name}`} />
                      <HelperMessage>None chosen: by hierarchy level (level 2 and above are epics, level 1 features).</HelperMessage>
                    </Box>
                  )}
                </Field>
              ))}
              {/* Where a rule across fields (at least one criterion on, a type not both) is told, on submit. */}
              <Field<string> name="formProblem" defaultValue="">
                {({ error }) => (error ? <ErrorMessage testId="readiness-settings-problem">{error}</ErrorMessage> : null)}
              </Field>
              {canAdminister ? (
                <Inline space="space.100" alignBlock="center">
                  <Button type="submit" appearance="primary" isDisabled={submitting || save.busy} testId="readiness-settings-save">
                    {save.state.kind === 'saving' ? 'Saving…' : 'Save readiness settings'}
                  </Button>
                  {dirty ? <Lozenge appearance="moved">Unsaved changes</Lozenge> : null}
                  <SaveFeedback state={dirty && save.state.kind === 'saved' ? { kind: 'idle' } : save.state} testId="readiness-settings" />
                </Inline>
              ) : null}
            </Stack>
          </form>
        )}
      </Form>
      <RecomputeLine status={recompute} />
    </Stack>
  );
}
