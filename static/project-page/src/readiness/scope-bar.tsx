import Button from '@atlaskit/button/new';
import { ErrorMessage as FieldError, HelperMessage, Label } from '@atlaskit/form';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import Select, { CreatableSelect } from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useMemo, useRef, useState, type ReactElement } from 'react';
import { EMPTY_SCOPE, MAX_SCOPE_JQL_CHARS, scopeProblem } from '../../../../src/shared/portfolio/scope-rules';
import type { PortfolioRowDto, PortfolioScopeDto } from '../../../../src/shared/contract/project-page';
import type { TrainReleaseChoices } from '../train/train-view';

type Option = { label: string; value: string };
const options = (values: Iterable<string>): Option[] => [...new Set(values)].sort().map((v) => ({ label: v, value: v }));

/**
 * The scope: release, issue type, status, team, or any JQL. The choices come from the rows loaded so far (plus
 * what is chosen); the JQL is checked here the way the app checks it, and Jira's own answer is shown as is.
 * A team is chosen by name and searched by its Jira Team id, so two teams with one name stay apart. The release
 * train (`releaseChoices`) also offers the releases of every project the user can browse, and takes any name.
 */
export function ScopeBar({ scope, rows, onApply, releaseChoices }: { scope: PortfolioScopeDto; rows: PortfolioRowDto[]; onApply: (scope: PortfolioScopeDto) => void; releaseChoices?: TrainReleaseChoices }): ReactElement {
  const [draft, setDraft] = useState<PortfolioScopeDto>(scope);
  // Every team seen so far keeps its name, so a chosen team is still named once the scope leaves it no rows.
  const teamNames = useRef(new Map<string, string>());
  const teamOption = (id: string): Option => ({ label: teamNames.current.get(id) ?? id, value: id });
  const choices = useMemo(() => {
    for (const r of rows) if (r.teamId && r.team) teamNames.current.set(r.teamId, r.team);
    const teamIds = new Set([...rows.flatMap((r) => (r.teamId ? [r.teamId] : [])), ...draft.teams]);
    return {
      releases: options([...(releaseChoices?.releases.map((r) => r.name) ?? []), ...rows.flatMap((r) => r.releases), ...(draft.release ? [draft.release] : [])]),
      types: options([...rows.map((r) => r.issueType), ...draft.issueTypes]),
      statuses: options([...rows.map((r) => r.status.name), ...draft.statuses]),
      teams: [...teamIds].map(teamOption).sort((a, b) => a.label.localeCompare(b.label)),
    };
  }, [rows, draft, releaseChoices]);
  const problem = scopeProblem(draft);
  // The train takes a release by name too: it lists the versions of at most 50 projects.
  const ReleaseSelect = releaseChoices ? CreatableSelect : Select;
  const apply = (): void => {
    if (!problem) onApply({ ...draft, jql: draft.jql?.trim() ? draft.jql.trim() : null });
  };
  const pick = (values: readonly Option[] | null): string[] => (values ?? []).map((o) => o.value);
  return (
    <Stack space="space.100" testId="scope-bar">
      <Inline space="space.150" alignBlock="end" shouldWrap>
        <Box style={{ minWidth: 160 }}>
          <Label htmlFor="scope-release">Release</Label>
          <ReleaseSelect
            inputId="scope-release"
            isClearable
            placeholder={releaseChoices ? 'Pick or type a release' : 'All releases'}
            options={choices.releases}
            value={draft.release ? { label: draft.release, value: draft.release } : null}
            onChange={(o) => setDraft({ ...draft, release: o?.value ?? null })}
            formatCreateLabel={(name: string) => `Release "${name}"`}
            testId="scope-release"
          />
          {releaseChoices?.notice ? <HelperMessage testId="scope-release-notice">{releaseChoices.notice}</HelperMessage> : null}
        </Box>
        <Box style={{ minWidth: 200 }}>
          <Label htmlFor="scope-types">Issue type</Label>
          <Select inputId="scope-types" isMulti placeholder="Epics and features" options={choices.types} value={options(draft.issueTypes)} onChange={(o) => setDraft({ ...draft, issueTypes: pick(o) })} testId="scope-types" />
        </Box>
        <Box style={{ minWidth: 200 }}>
          <Label htmlFor="scope-statuses">Status</Label>
          <Select inputId="scope-statuses" isMulti placeholder="Any status" options={choices.statuses} value={options(draft.statuses)} onChange={(o) => setDraft({ ...draft, statuses: pick(o) })} testId="scope-statuses" />
        </Box>
        <Box style={{ minWidth: 200 }}>
          <Label htmlFor="scope-teams">Team</Label>
          <Select inputId="scope-teams" isMulti placeholder="Any team" options={choices.teams} value={draft.teams.map(teamOption)} onChange={(o) => setDraft({ ...draft, teams: pick(o) })} testId="scope-teams" />
        </Box>
        <Box style={{ flexGrow: 1, minWidth: 260 }}>
          <Label htmlFor="scope-jql">JQL</Label>
          <Textfield
            id="scope-jql"
            placeholder="e.g. labels = pi-2027-1 AND readinessScore < 60"
            maxLength={MAX_SCOPE_JQL_CHARS + 1}
            value={draft.jql ?? ''}
            isInvalid={problem !== null}
            onChange={(e) => setDraft({ ...draft, jql: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') apply();
            }}
            testId="scope-jql"
          />
        </Box>
        <Button appearance="primary" onClick={apply} isDisabled={problem !== null} testId="scope-apply">
          Apply
        </Button>
        <Button
          onClick={() => {
            setDraft(EMPTY_SCOPE);
            onApply(EMPTY_SCOPE);
          }}
          testId="scope-clear"
        >
          Clear
        </Button>
      </Inline>
      {problem ? <FieldError testId="scope-problem">{problem}</FieldError> : null}
    </Stack>
  );
}
