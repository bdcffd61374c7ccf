import type { Milestone, OtherTarget } from '../../domain/dependencies/model';
import type { DependencyOperation } from '../../domain/dependencies/operations';
import type { PersonRef } from '../../domain/planning-record/model';
import { invalidInput } from '../shared/errors';
import type { UserDirectory } from '../shared/ports';

/** An operation as the UI sends it: people by account id, looked up in Jira here. */
export type OperationInput =
  | { type: 'add'; target: OtherTarget; description: string; neededBy: Milestone | null; ownerAccountId: string | null }
  | { type: 'edit'; dependencyId: string; baseRev: number; description: string; neededBy: Milestone | null; ownerAccountId: string | null }
  | Exclude<DependencyOperation, { type: 'add' | 'edit' | 'describeLink' | 'convert' }>;

/** The owner named on the providing side, as a Jira user (an unknown account id is refused). */
export async function ownerFor(users: UserDirectory, accountId: string | null): Promise<PersonRef | null> {
  if (accountId === null) return null;
  const [owner] = await users.byIds([accountId]);
  if (!owner) throw invalidInput(`Owner: no Jira user with account id ${accountId}.`);
  return owner;
}

export async function toOperation(users: UserDirectory, input: OperationInput): Promise<DependencyOperation> {
  if (input.type !== 'add' && input.type !== 'edit') return input;
  const { ownerAccountId, ...rest } = input;
  return { ...rest, owner: await ownerFor(users, ownerAccountId) };
}
