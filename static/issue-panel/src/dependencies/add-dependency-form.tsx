import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import { useState, type ReactElement } from 'react';
import type { DependencyViewDto, MilestoneDto } from '../../../../src/shared/contract/dependencies';
import { milestoneProblem, textProblem } from '../../../../src/shared/dependency-rules';
import { earliestNewDate } from '../../../../src/shared/past-dates';
import { invoke } from '../api';
import { CharCounter } from '../char-counter';
import { MilestoneField } from './milestone-field';
import { IssuePicker, PersonPicker, type Option } from './pickers';
import type { Dependencies } from './use-dependencies';

type Kind = 'issue' | 'team' | 'external';
const KINDS: Array<{ value: Kind; label: string }> = [
  { value: 'issue', label: 'Another issue (any project)' },
  { value: 'team', label: 'A team (no issue yet)' },
  { value: 'external', label: 'An external party (vendor, system)' },
];

/** The same rules as the app's (src/domain/dependencies/rules.ts), before anything is sent. */
function problemOf(view: DependencyViewDto, f: { kind: Kind; issue: Option | null; name: string; description: string; neededBy: MilestoneDto | null; owner: Option | null }): string | null {
  if (f.kind === 'issue' && !f.issue) return 'Pick the issue this one depends on.';
  if (f.kind !== 'issue') {
    const problem = textProblem(f.kind === 'team' ? 'Team' : 'External party', f.name, view.limits.nameChars, true);
    if (problem) return problem;
  }
  return textProblem('Description', f.description, view.limits.descriptionChars, false) ?? (f.neededBy ? milestoneProblem('Needed by', f.neededBy, earliestNewDate(new Date())) : null);
}

/** Adds a dependency: on an issue (a Jira link of a mapped type, direction explained), a team, or an external party. */
export function AddDependencyForm({ deps, view, onDone }: { deps: Dependencies; view: DependencyViewDto; onDone: () => void }): ReactElement {
  const [kind, setKind] = useState<Kind>('issue');
  const [issue, setIssue] = useState<Option | null>(null);
  const [linkType, setLinkType] = useState(view.linkTypes[0]?.name ?? 'Blocks');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [neededBy, setNeededBy] = useState<MilestoneDto | null>(null);
  const [owner, setOwner] = useState<Option | null>(null);
  const [shownProblem, setShownProblem] = useState<string | null>(null);
  const type = view.linkTypes.find((t) => t.name === linkType);
  const fields = { kind, issue, name, description, neededBy, owner };

  const submit = async (request: boolean): Promise<void> => {
    const problem = problemOf(view, fields);
    setShownProblem(problem);
    if (problem) return;
    const ownerAccountId = owner?.value ?? null;
    const saved = await deps.apply(async (hops) => {
      if (kind === 'issue') return invoke('dependencies.addIssue', { providerKey: issue!.value, linkType, description, neededBy, ownerAccountId, request, hops });
      const target = kind === 'team' ? { kind: 'team' as const, team: name } : { kind: 'external' as const, party: name };
      const added = await invoke('dependencies.change', { operation: { type: 'add', target, description, neededBy, ownerAccountId }, hops });
      if (!request || !added.ok) return added;
      const created = added.data.view.needs.filter((d) => d.far.kind === kind && 'name' in d.far && d.far.name === name.trim()).pop();
      return created ? invoke('dependencies.change', { operation: { type: 'request', dependencyId: created.id }, hops }) : added;
    });
    if (saved) onDone();
  };

  return (
    <Box padding="space.150" backgroundColor="color.background.neutral.subtle" testId="add-dependency-form">
      <Stack space="space.150">
        <Stack space="space.050">
          <label htmlFor="dependency-kind">
            <Text weight="medium">This issue depends on</Text>
          </label>
          <Select inputId="dependency-kind" testId="dependency-kind" options={KINDS} value={KINDS.find((k) => k.value === kind)} onChange={(o) => o && setKind(o.value)} />
        </Stack>
        {kind === 'issue' ? (
          <>
            <IssuePicker id="dependency-issue" testId="dependency-issue" value={issue} onChange={setIssue} />
            {view.linkTypes.length > 1 ? (
              <Select
                inputId="dependency-link-type"
                aria-label="Link type"
                options={view.linkTypes.map((t) => ({ value: t.name, label: t.name }))}
                value={{ value: linkType, label: linkType }}
                onChange={(o) => o && setLinkType(o.value)}
              />
            ) : null}
            {type ? (
              <Text color="color.text.subtle" testId="link-direction">
                Jira will show: {view.item.key} <Text as="em">{type.dependentText}</Text> {issue?.value ?? 'the issue you pick'}, and {issue?.value ?? 'that issue'} <Text as="em">{type.providerText}</Text> {view.item.key}.
              </Text>
            ) : null}
          </>
        ) : (
          <Stack space="space.050">
            <label htmlFor="dependency-name">
              <Text weight="medium">{kind === 'team' ? 'Team' : 'External party'}</Text>
            </label>
            <Textfield id="dependency-name" testId="dependency-name" value={name} maxLength={view.limits.nameChars} onChange={(e) => setName(e.currentTarget.value)} />
          </Stack>
        )}
        <Stack space="space.050">
          <label htmlFor="dependency-description">
            <Text weight="medium">What is needed</Text>
          </label>
          <TextArea id="dependency-description" testId="dependency-description" value={description} isInvalid={description.length > view.limits.descriptionChars} minimumRows={2} onChange={(e) => setDescription(e.currentTarget.value)} />
          <CharCounter length={description.length} max={view.limits.descriptionChars} testId="dependency-description-counter" />
        </Stack>
        <MilestoneField id="dependency-needed-by" label="Needed by" value={neededBy} onChange={setNeededBy} releases={view.item.fixVersions} testId="dependency-needed-by" />
        <Stack space="space.050">
          <label htmlFor="dependency-owner">
            <Text weight="medium">Owner on the providing side{kind === 'issue' ? ' (optional)' : ' (commits or declines)'}</Text>
          </label>
          <PersonPicker id="dependency-owner" testId="dependency-owner" value={owner} onChange={setOwner} />
        </Stack>
        {shownProblem ? (
          <Text color="color.text.danger" testId="add-dependency-problem">
            {shownProblem}
          </Text>
        ) : null}
        <Inline space="space.100">
          <Button appearance="primary" testId="add-and-request" isDisabled={deps.save.busy} onClick={() => void submit(true)}>
            Add and request
          </Button>
          <Button testId="add-dependency-submit" isDisabled={deps.save.busy} onClick={() => void submit(false)}>
            Add as identified
          </Button>
          <Button appearance="subtle" onClick={onDone}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
