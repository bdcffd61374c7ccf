import { AppFailure, forbidden, invalidInput, notFound } from '../shared/errors';
import type { AccessChecker, UserDirectory, WorkItemReader } from '../shared/ports';
import { applyToRecord, type ImpedimentDeps } from './apply-to-record';

export interface FollowUpDeps extends ImpedimentDeps {
  reader: WorkItemReader;
  access: AccessChecker;
  users: UserDirectory;
}

export interface FollowUp {
  itemKey: string;
  impedimentId: string;
  /** Account id of the new owner (null: unassigned); absent: unchanged. */
  owner?: string | null;
  nextStep?: string | null;
  discussed?: boolean;
}

/**
 * The Scrum of Scrums follow-up of one open impediment: its owner, its next step, and whether it was
 * discussed. Needs permission to edit the owning item, like any change to its records.
 */
export async function followUpImpediment(deps: FollowUpDeps, request: FollowUp): Promise<{ warnings: string[] }> {
  const [item, canEdit] = await Promise.all([deps.reader.getWorkItem(request.itemKey), deps.access.canEditIssue(request.itemKey)]);
  if (!item || canEdit === null) throw notFound(`Issue ${request.itemKey}`);
  if (!canEdit) throw forbidden(`You need permission to edit ${request.itemKey} to follow up its impediments.`);
  if (request.owner) {
    const [person] = await deps.users.byIds([request.owner]);
    if (!person) throw invalidInput(`Owner: no Jira user with account id ${request.owner}.`);
  }
  const owner = { id: item.id, key: item.key, summary: item.summary, projectKey: item.project.key, techLead: item.assignee?.accountId ?? null };
  const applied = await applyToRecord(deps, owner, (record) => {
    const target = record.impediments.find((i) => i.id === request.impedimentId && i.status === 'OPEN');
    if (!target) throw new AppFailure('CONFLICT', 'This impediment is no longer open: reload the agenda.');
    const changed = {
      ...target,
      ...(request.owner !== undefined ? { owner: request.owner } : {}),
      ...(request.nextStep !== undefined ? { nextStep: request.nextStep } : {}),
      ...(request.discussed !== undefined ? { discussedAt: request.discussed ? deps.now().toISOString() : null } : {}),
    };
    return { record: { impediments: record.impediments.map((i) => (i.id === target.id ? changed : i)) }, raised: [], resolved: [] };
  });
  return { warnings: applied.warnings };
}
