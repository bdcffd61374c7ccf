import type { PersonRef } from '../planning-record/model';
import type { Commitment } from './model';
import type { Sides } from './operations';

/**
 * Who is the providing side (ADR 0007): for an issue dependency, whoever may edit the providing issue (Jira's
 * own permission on the work being promised); for a team or external dependency, the owner the dependent
 * named on the providing side, since Jira has no membership the app could check for a team name or a vendor.
 *
 * @example
 * sidesFor({ kind: 'other', commitment: { ...c, owner: arjun } }, { actor: arjun, canEditDependent: false }) // => { dependent: false, provider: true }
 */
export function sidesFor(
  dependency: { kind: 'link'; canEditProvider: boolean } | { kind: 'other'; commitment: Commitment },
  who: { actor: PersonRef; canEditDependent: boolean },
): Sides {
  const provider = dependency.kind === 'link' ? dependency.canEditProvider : dependency.commitment.owner?.accountId === who.actor.accountId;
  return { dependent: who.canEditDependent, provider };
}
