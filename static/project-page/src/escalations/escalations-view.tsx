import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { ErrorMessage as FieldError } from '@atlaskit/form';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { view } from '@forge/bridge';
import { useEffect, useState, type ReactElement } from 'react';
import type { AgendaDto, AgendaImpedimentDto, AgendaItemDto, FollowUpPayload, ImpedimentCauseDto } from '../../../../src/shared/contract/escalations';
import { ErrorMessage, Loading } from '../../../shared/components';
import { IssueLink } from '../../../shared/issue-link';
import { useResolver } from '../../../shared/use-resolver';
import { invoke } from '../api';
import { OwnerPicker } from './owner-picker';
import { PartialResults } from '../../../shared/partial-results';

const CAUSES: Record<ImpedimentCauseDto, string> = {
  FLAGGED: 'Flagged',
  PRIORITY_HIGHEST: 'Highest priority',
  LABEL: 'Escalation label',
  BLOCKED_BY: 'Blocked by',
  ESCALATED: 'Escalated',
};
const MAX_NEXT_STEP = 500;
/** Where the meeting's own refusal shows (an impediment's is keyed by its id). */
const MEETING = 'meeting';

const head = {
  cells: [
    { key: 'item', content: 'Epic or feature', width: 20 },
    { key: 'source', content: 'Escalated issue', width: 20 },
    { key: 'cause', content: 'Cause', width: 12 },
    { key: 'age', content: 'Age', width: 10 },
    { key: 'owner', content: 'Owner', width: 14 },
    { key: 'next', content: 'Next step', width: 16 },
    { key: 'discussed', content: 'Discussed', width: 8 },
  ],
};

/** The acting user's account id, for "Assign to me". */
function useAccountId(): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    void view.getContext().then((c) => setId(c.accountId ?? null));
  }, []);
  return id;
}

function NextStep({ row, onSave }: { row: AgendaImpedimentDto; onSave: (nextStep: string) => Promise<void> }): ReactElement {
  const [text, setText] = useState(row.nextStep ?? '');
  const changed = text.trim() !== (row.nextStep ?? '');
  const tooLong = text.length > MAX_NEXT_STEP;
  return (
    <Inline space="space.050" alignBlock="center">
      <Textfield
        aria-label={`Next step for ${row.source.key}`}
        value={text}
        isInvalid={tooLong}
        onChange={(e) => setText(e.currentTarget.value)}
        isCompact
        testId={`next-step-${row.id}`}
      />
      {changed ? (
        <Button spacing="compact" isDisabled={tooLong} onClick={() => void onSave(text.trim())} testId={`save-next-step-${row.id}`}>
          Save
        </Button>
      ) : null}
    </Inline>
  );
}

/** A row's own controls: the follow-up ones only for people who may edit, and a refusal shown in the row that caused it. */
function rowOf(row: AgendaImpedimentDto, ctx: { me: string | null; canEdit: boolean; problem: string | null; followUp: (payload: FollowUpPayload) => Promise<void> }) {
  const base = { itemKey: row.item.key, impedimentId: row.id };
  const { me, canEdit, followUp } = ctx;
  return {
    key: row.id,
    testId: `impediment-${row.source.key}`,
    cells: [
      { key: 'item', content: <Stack space="space.025"><IssueLink issueKey={row.item.key} /><Text>{row.item.summary}</Text></Stack> },
      {
        key: 'source',
        content: (
          <Stack space="space.025">
            <IssueLink issueKey={row.source.key} />
            {/* A source the user may not browse is shown by key only. */}
            {row.source.summary === null ? <Text color="color.text.subtlest">(not visible to you)</Text> : <Text>{row.source.summary}</Text>}
          </Stack>
        ),
      },
      { key: 'cause', content: <Stack space="space.025"><Lozenge appearance={row.severity === 'CRITICAL' ? 'removed' : 'moved'}>{CAUSES[row.cause]}</Lozenge>{row.detail ? <Text size="small">{row.detail}</Text> : null}</Stack> },
      {
        key: 'age',
        content: (
          <Inline space="space.075" alignBlock="center">
            <Text>{row.ageWorkingDays} d</Text>
            {row.slaBreached ? <Lozenge appearance="removed" testId={`sla-breached-${row.source.key}`}>SLA breached</Lozenge> : null}
          </Inline>
        ),
      },
      {
        key: 'owner',
        content: canEdit ? (
          <Stack space="space.025">
            <OwnerPicker label={`Owner of ${row.source.key}`} owner={row.owner} onChange={(owner) => void followUp({ ...base, owner })} />
            {me && row.owner?.accountId !== me ? (
              <Button appearance="subtle" spacing="compact" onClick={() => void followUp({ ...base, owner: me })} testId={`assign-to-me-${row.source.key}`}>Assign to me</Button>
            ) : null}
          </Stack>
        ) : (
          <Text color={row.owner ? 'color.text' : 'color.text.subtlest'}>{row.owner?.displayName ?? 'No owner'}</Text>
        ),
      },
      {
        key: 'next',
        content: (
          <Stack space="space.050">
            {canEdit ? <NextStep row={row} onSave={(nextStep) => followUp({ ...base, nextStep })} /> : <Text>{row.nextStep ?? ''}</Text>}
            {ctx.problem ? <FieldError testId={`followup-problem-${row.source.key}`}>{ctx.problem}</FieldError> : null}
          </Stack>
        ),
      },
      {
        key: 'discussed',
        content: canEdit ? (
          <Button appearance={row.discussedAt ? 'default' : 'primary'} spacing="compact" onClick={() => void followUp({ ...base, discussed: !row.discussedAt })} testId={`discussed-${row.source.key}`}>
            {row.discussedAt ? 'Discussed ✓' : 'Mark discussed'}
          </Button>
        ) : (
          <Text testId={`discussed-${row.source.key}`}>{row.discussedAt ? 'Discussed' : 'Not yet'}</Text>
        ),
      },
    ],
  };
}

function ItemList({ title, rows, what, testId }: { title: string; rows: AgendaItemDto[]; what: (r: AgendaItemDto) => string; testId: string }): ReactElement {
  return (
    <Stack space="space.100" testId={testId}>
      <Heading size="small" as="h3">{title}</Heading>
      {rows.length === 0 ? <Text color="color.text.subtle">Nothing new.</Text> : rows.map((r) => (
        <Inline key={r.key} space="space.075"><IssueLink issueKey={r.key} /><Text>{r.summary}: {what(r)}</Text></Inline>
      ))}
    </Stack>
  );
}

/**
 * The Escalations view of the project page: the Scrum of Scrums agenda. Late dependencies and critical risks
 * come from each item's summary counts; they are "new" when they were not on the agenda at the last meeting.
 */
export function EscalationsView({ projectKey }: { projectKey: string }): ReactElement {
  const agenda = useResolver(() => invoke('escalations.getAgenda'), [projectKey]);
  const me = useAccountId();
  // A refusal or warning, shown by what caused it: an impediment's row, or the meeting's button.
  const [problem, setProblem] = useState<{ at: string; message: string } | null>(null);
  const [showMarkdown, setShowMarkdown] = useState(false);

  if (agenda.state === 'loading') return <Loading label="Loading the agenda" />;
  if (agenda.state === 'failed') return <ErrorMessage error={agenda.error} onRetry={() => void agenda.reload()} />;
  const data: AgendaDto = agenda.data;

  const followUp = async (payload: FollowUpPayload): Promise<void> => {
    const r = await invoke('escalations.followUp', payload);
    const message = r.ok ? r.data.warnings[0] : r.error.message;
    setProblem(message ? { at: payload.impedimentId, message } : null);
    await agenda.reload();
  };
  const closeMeeting = async (): Promise<void> => {
    const r = await invoke('escalations.closeMeeting', { previous: data.lastMeetingAt ?? 'none' });
    setProblem(r.ok ? null : { at: MEETING, message: r.error.message });
    await agenda.reload();
  };

  return (
    <Stack space="space.200" testId="escalations-view">
      <Inline spread="space-between" alignBlock="center">
        <Stack space="space.050">
          <Heading size="medium" as="h2">Scrum of Scrums agenda</Heading>
          <Text color="color.text.subtle">
            Open impediments, oldest first; the SLA is {data.slaWorkingDays} working days.
            {data.lastMeetingAt ? ` Last meeting: ${new Date(data.lastMeetingAt).toLocaleString()}.` : ' No meeting closed yet.'}
          </Text>
        </Stack>
        <Inline space="space.100">
          <Button onClick={() => setShowMarkdown((s) => !s)} testId="agenda-export-markdown">{showMarkdown ? 'Hide Markdown' : 'Export as Markdown'}</Button>
          {data.canEdit ? <Button onClick={() => void closeMeeting()} testId="close-meeting">Close meeting</Button> : null}
        </Inline>
      </Inline>
      {problem?.at === MEETING ? <SectionMessage appearance="error" testId="escalations-problem"><Text>{problem.message}</Text></SectionMessage> : null}
      {data.canEdit ? null : <Text color="color.text.subtle" testId="agenda-read-only">You can read the agenda; people who can edit issues in this project follow up impediments and close the meeting.</Text>}
      <PartialResults warnings={data.warnings} title="Part of the project could not be read" testId="escalations-warnings" />
      {showMarkdown ? <TextArea value={data.markdown} isReadOnly minimumRows={8} aria-label="The agenda in Markdown" testId="agenda-markdown" /> : null}
      {data.impediments.length === 0 ? (
        <EmptyState header="No open impediments" description="Flag an issue, raise it to Highest priority, label it, or link it as blocked, and it shows up here on its epic or feature." />
      ) : (
        <DynamicTable head={head} rows={data.impediments.map((r) => rowOf(r, { me, canEdit: data.canEdit, problem: problem?.at === r.id ? problem.message : null, followUp }))} testId="impediments-table" />
      )}
      <Stack space="space.100" testId="resolved-impediments">
        <Heading size="small" as="h3">Resolved since the last meeting</Heading>
        {data.resolved.length === 0 ? <Text color="color.text.subtle">None.</Text> : data.resolved.map((r) => (
          <Inline key={r.id} space="space.075"><IssueLink issueKey={r.item.key} /><Text>{r.sourceKey} {CAUSES[r.cause].toLowerCase()}: resolved in {r.workingDaysToResolve} working days</Text></Inline>
        ))}
      </Stack>
      <Box>
        <Inline space="space.400" shouldWrap>
          <ItemList title="Late dependencies, new since the last meeting" rows={data.lateDependencies} what={(r) => `${r.lateDependencies} late`} testId="late-dependencies" />
          <ItemList title="Critical risks, new since the last meeting" rows={data.criticalRisks} what={() => 'critical risk open'} testId="critical-risks" />
        </Inline>
      </Box>
    </Stack>
  );
}
