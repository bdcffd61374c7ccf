import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { useState, type ReactElement } from 'react';
import type { DependencyConflictDto, DependencyDto, DependencyOperationDto, DependencyViewDto, MilestoneDto } from '../../../../src/shared/contract/dependencies';
import { milestoneProblem, textProblem } from '../../../../src/shared/dependency-rules';
import { earliestNewDate } from '../../../../src/shared/past-dates';
import { IssueLink } from '../../../shared/issue-link';
import { invoke } from '../api';
import { CharCounter } from '../char-counter';
import { SectionConflict } from '../section-conflict';
import { MilestoneField } from './milestone-field';
import { IssuePicker, PersonPicker, type Option } from './pickers';
import { DependencyStatusLozenge } from './status-lozenge';
import type { Dependencies } from './use-dependencies';

function FarEnd({ d }: { d: DependencyDto }): ReactElement {
  switch (d.far.kind) {
    case 'issue':
      return (
        <Inline space="space.075" alignBlock="center">
          <IssueLink issueKey={d.far.key} />
          <Text>{d.far.summary}</Text>
          {d.far.team ? <Text color="color.text.subtle">({d.far.team})</Text> : null}
        </Inline>
      );
    case 'hidden':
      return <Text color="color.text.subtle">An issue you do not have permission to see</Text>;
    case 'team':
      return <Text>Team {d.far.name} (no issue yet)</Text>;
    case 'external':
      return <Text>{d.far.name} (external)</Text>;
  }
}

const when = (m: MilestoneDto | null): string => (m ? (m.release ? `${m.release} (${m.date})` : m.date) : 'not set');

/** A dependency's editable fields as one text, to set the user's version beside the one saved now. */
const asText = (f: { description: string; neededBy: MilestoneDto | null; owner: string | null }): string =>
  `${f.description}\nNeeded by ${when(f.neededBy)} · owner ${f.owner ?? 'none'}`;

/** Someone else changed the dependency being edited: what they saved, and the revision to save over it from. */
type EditConflict = { theirs: NonNullable<DependencyConflictDto> | null; rev: number };

type Open = null | 'commit' | 'decline' | 'link' | 'edit';

/** One dependency: who provides it, what and by when, its status, its flags, and the actions the user may take. */
export function DependencyRow({ d, deps, view }: { d: DependencyDto; deps: Dependencies; view: DependencyViewDto }): ReactElement {
  const [open, setOpen] = useState<Open>(null);
  const [committedBy, setCommittedBy] = useState<MilestoneDto | null>(null);
  const [reason, setReason] = useState('');
  const [issue, setIssue] = useState<Option | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const c = d.commitment;
  const [description, setDescription] = useState(c?.description ?? '');
  const [neededBy, setNeededBy] = useState<MilestoneDto | null>(c?.neededBy ?? null);
  const [owner, setOwner] = useState<Option | null>(c?.owner ? { value: c.owner.accountId, label: c.owner.displayName } : null);
  // The revision the edit started from; after a conflict, the one that holds their change (saving again replaces it).
  const [baseRev, setBaseRev] = useState(d.rev);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const fill = (f: { description: string; neededBy: MilestoneDto | null; owner: { accountId: string; displayName: string } | null }): void => {
    setDescription(f.description);
    setNeededBy(f.neededBy);
    setOwner(f.owner ? { value: f.owner.accountId, label: f.owner.displayName } : null);
  };
  /** The form starts from the dependency as shown now, and its revision. */
  const startEdit = (): void => {
    if (c) fill(c);
    setBaseRev(d.rev);
    setConflict(null);
    setOpen('edit');
  };
  const send = async (operation: DependencyOperationDto): Promise<void> => {
    const saved = await deps.apply(async (hops) => {
      const r = await invoke('dependencies.change', { operation, hops });
      if (!r.ok && r.error.code === 'CONFLICT' && operation.type === 'edit' && r.error.conflict) {
        setConflict({ theirs: r.error.conflict.current as DependencyConflictDto, rev: r.error.conflict.rev });
        setBaseRev(r.error.conflict.rev);
      }
      return r;
    });
    if (saved) {
      setConflict(null);
      setOpen(null);
    }
  };
  const useTheirs = (): void => {
    if (conflict?.theirs) fill(conflict.theirs);
    setConflict(null);
    deps.save.dismiss();
  };
  /** The operation the open form asks for, or the problem to fix first (the app's own rules). */
  const pending = (): { problem: string } | { operation: DependencyOperationDto } => {
    const check = (problem: string | null, operation: () => DependencyOperationDto) => (problem ? { problem } : { operation: operation() });
    switch (open) {
      case 'edit':
        return check(textProblem('Description', description, view.limits.descriptionChars, false) ?? (neededBy ? milestoneProblem('Needed by', neededBy, earliestNewDate(new Date()), c?.neededBy ?? null) : null), () => ({
          type: 'edit',
          dependencyId: d.id,
          baseRev,
          description,
          neededBy,
          ownerAccountId: owner?.value ?? null,
        }));
      case 'commit':
        return committedBy ? check(milestoneProblem('Committed by', committedBy, earliestNewDate(new Date())), () => ({ type: 'commit', dependencyId: d.id, committedBy })) : { problem: 'Committed by: choose a date or a release.' };
      case 'decline':
        return check(textProblem('Reason', reason, view.limits.reasonChars, true), () => ({ type: 'decline', dependencyId: d.id, reason }));
      default:
        return issue ? { operation: { type: 'linkIssue', dependencyId: d.id, issueKey: issue.value, linkType: view.linkTypes[0]?.name ?? 'Blocks' } } : { problem: "Pick the team's issue." };
    }
  };
  const confirm = async (): Promise<void> => {
    const next = pending();
    setProblem('problem' in next ? next.problem : null);
    if ('operation' in next) await send(next.operation);
  };
  const busy = deps.save.busy;
  return (
    <Box padding="space.100" testId={`dependency-${d.id}`}>
      <Stack space="space.075">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <DependencyStatusLozenge status={c?.status ?? 'IDENTIFIED'} />
          <FarEnd d={d} />
          {d.overdue ? (
            <Lozenge appearance="removed" isBold testId="dependency-overdue">
              Overdue
            </Lozenge>
          ) : d.late ? (
            <Lozenge appearance="removed" testId="dependency-late">
              Late
            </Lozenge>
          ) : null}
          {d.onCycle ? <Lozenge appearance="removed" isBold testId="dependency-cycle">On a cycle</Lozenge> : null}
          {d.unverified ? <Lozenge appearance="moved" testId="dependency-unverified">Changed outside the app</Lozenge> : null}
        </Inline>
        {c ? (
          <Stack space="space.025">
            {c.description ? <Text>{c.description}</Text> : null}
            <Text color="color.text.subtle" size="small">
              Needed by {when(c.neededBy)}
              {c.committedBy ? ` · committed by ${when(c.committedBy)}` : ''}
              {c.owner ? ` · owner ${c.owner.displayName}` : ''}
              {c.decidedBy ? ` · ${c.status.toLowerCase()} by ${c.decidedBy.by.displayName}` : ''}
            </Text>
            {c.declineReason ? <Text color="color.text.danger">Declined: {c.declineReason}</Text> : null}
          </Stack>
        ) : (
          <Text color="color.text.subtle">Its details are on an issue you cannot see.</Text>
        )}
        <Inline space="space.075" shouldWrap>
          {d.can.edit ? <Button spacing="compact" appearance="subtle" testId="dependency-edit" onClick={startEdit}>Edit…</Button> : null}
          {d.can.request ? (
            <Button spacing="compact" testId="dependency-request" isDisabled={busy} onClick={() => void send({ type: 'request', dependencyId: d.id })}>
              Request
            </Button>
          ) : null}
          {d.can.commit ? <Button spacing="compact" testId="dependency-commit" onClick={() => setOpen('commit')}>Commit…</Button> : null}
          {d.can.deliver ? (
            <Button spacing="compact" testId="dependency-deliver" isDisabled={busy} onClick={() => void send({ type: 'deliver', dependencyId: d.id })}>
              Delivered
            </Button>
          ) : null}
          {d.can.decline ? <Button spacing="compact" testId="dependency-decline" onClick={() => setOpen('decline')}>Decline…</Button> : null}
          {d.can.linkIssue ? <Button spacing="compact" testId="dependency-link-issue" onClick={() => setOpen('link')}>Link the team's issue…</Button> : null}
          {d.can.remove ? (
            <Button spacing="compact" appearance="subtle" testId="dependency-remove" isDisabled={busy} onClick={() => void send({ type: 'remove', dependencyId: d.id })}>
              Remove
            </Button>
          ) : null}
        </Inline>
        {open ? (
          <Stack space="space.100">
            {open === 'edit' ? (
              <Stack space="space.100">
                <TextArea aria-label="What is needed" testId="edit-description" value={description} isInvalid={description.length > view.limits.descriptionChars} minimumRows={2} onChange={(e) => setDescription(e.currentTarget.value)} />
                <CharCounter length={description.length} max={view.limits.descriptionChars} testId="edit-description-counter" />
                <MilestoneField id={`needed-${d.id}`} label="Needed by" value={neededBy} onChange={setNeededBy} releases={view.item.fixVersions} testId="edit-needed-by" />
                <PersonPicker id={`owner-${d.id}`} testId="edit-owner" value={owner} onChange={setOwner} />
              </Stack>
            ) : null}
            {open === 'commit' ? <MilestoneField id={`commit-${d.id}`} label="Committed by" value={committedBy} onChange={setCommittedBy} releases={view.item.fixVersions} testId="commit-date" /> : null}
            {open === 'decline' ? (
              <Stack space="space.050">
                <label htmlFor={`decline-${d.id}`}>
                  <Text weight="medium">Why it is declined</Text>
                </label>
                <TextArea id={`decline-${d.id}`} testId="decline-reason" value={reason} minimumRows={2} onChange={(e) => setReason(e.currentTarget.value)} />
              </Stack>
            ) : null}
            {open === 'link' ? <IssuePicker id={`link-${d.id}`} testId="team-issue" value={issue} onChange={setIssue} /> : null}
            {problem ? <Text color="color.text.danger">{problem}</Text> : null}
            {open === 'edit' && conflict ? (
              <SectionConflict
                testId="dependency-edit"
                title="Someone else changed this dependency while you were editing"
                mine={asText({ description, neededBy, owner: owner?.label ?? null })}
                theirs={conflict.theirs ? asText({ ...conflict.theirs, owner: conflict.theirs.owner?.displayName ?? null }) : '(removed)'}
                busy={busy}
                onKeepMine={() => void confirm()}
                onUseTheirs={useTheirs}
              />
            ) : null}
            <Inline space="space.100">
              <Button appearance="primary" spacing="compact" testId="dependency-confirm" isDisabled={busy} onClick={() => void confirm()}>
                {open === 'edit' ? 'Save' : open === 'commit' ? 'Commit' : open === 'decline' ? 'Decline' : 'Link'}
              </Button>
              <Button appearance="subtle" spacing="compact" onClick={() => setOpen(null)}>
                Cancel
              </Button>
            </Inline>
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}
