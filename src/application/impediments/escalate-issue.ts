import type { Severity } from '../../domain/impediments/model';
import { escalate } from '../../domain/impediments/reconcile';
import { forbidden, invalidInput, notFound } from '../shared/errors';
import type { AccessChecker } from '../shared/ports';
import { applyToRecord } from './apply-to-record';
import type { DetectDeps } from './detect-impediments';

export interface EscalateRequest {
  issueKey: string;
  reason: string;
  severity: Severity;
  /** Who escalates: the rule's user (Automation), or null for an outside system (web trigger). */
  actor: string | null;
}

export interface Escalated {
  issueKey: string;
  ownerKey: string;
  /** False when an open escalation of this issue already existed (a repeated call). */
  raised: boolean;
  warnings: string[];
}

/**
 * Escalates a work item to technical leadership: an ESCALATED impediment on its owning epic or feature. The
 * Automation action passes the rule user's permissions (`userAccess`: they must be able to edit the issue);
 * the web trigger is authorised by its signature instead. The record itself is the app's to write.
 */
export async function escalateIssue(deps: DetectDeps, userAccess: AccessChecker | null, request: EscalateRequest): Promise<Escalated> {
  if (userAccess) {
    const canEdit = await userAccess.canEditIssue(request.issueKey);
    if (canEdit === null) throw notFound(`Issue ${request.issueKey}`);
    if (!canEdit) throw forbidden(`You need permission to edit ${request.issueKey} to escalate it.`);
  }
  const source = await deps.escalations.readSource(request.issueKey);
  if (!source) throw notFound(`Issue ${request.issueKey}`);
  const owner = source.owner;
  if (!owner) throw invalidInput(`${request.issueKey} belongs to no epic or feature, so there is no one to escalate it to.`);
  const applied = await applyToRecord(deps, owner, (record) =>
    escalate(record, source.facts, { reason: request.reason, severity: request.severity }, { now: deps.now(), actor: request.actor, techLead: owner.techLead }),
  );
  return { issueKey: source.facts.key, ownerKey: owner.key, raised: applied.raised.length > 0, warnings: applied.warnings };
}
