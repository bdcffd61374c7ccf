import { APP_ACTOR, RISK_LIMITS, type Risk, type RiskRegister } from './model';
import { nextRevision } from './operations';

/** What the dependencies feature knows about one dependency of this item. */
export interface DependencySignal {
  dependencyId: string;
  state: 'LATE' | 'DECLINED' | 'RESOLVED';
  title: string;
}

export interface DependencyRiskChanges {
  register: RiskRegister;
  /** Risk ids raised now. */
  raised: string[];
  /** Risk ids now proposed for closing. */
  proposed: string[];
}

/** The id of the risk a dependency raises: derived, so replaying a signal finds the same risk. */
export const dependencyRiskId = (dependencyId: string): string => `dep-${dependencyId}`.slice(0, 64);

/** Likelier when the provider has declined than when it is merely late; the impact is the same. */
const RATING = { LATE: { likelihood: 3, impact: 3 }, DECLINED: { likelihood: 4, impact: 3 } } as const;

const trimTitle = (s: string): string => (s.length > RISK_LIMITS.titleChars ? `${s.slice(0, RISK_LIMITS.titleChars - 1)}…` : s);

/**
 * Raises a "dependency" risk for each late or declined dependency, once per dependency id for the life of
 * the register (a risk deleted by a person is not raised again), and proposes closing the open risk of a
 * dependency that is now resolved. Pure and idempotent: the same signals again change nothing.
 *
 * @example
 * risksForDependencies(empty, [{ dependencyId: '10042', state: 'LATE', title: 'PAY-3 API' }], now).raised // => ['dep-10042']
 */
export function risksForDependencies(register: RiskRegister, signals: DependencySignal[], now: Date): DependencyRiskChanges {
  const at = now.toISOString();
  let next = register;
  const raised: string[] = [];
  const proposed: string[] = [];
  for (const signal of signals) {
    const id = dependencyRiskId(signal.dependencyId);
    if (signal.state === 'RESOLVED') {
      const risk = next.risks.find((r) => r.source?.dependencyId === signal.dependencyId);
      if (!risk || risk.roam.state === 'RESOLVED' || risk.closeProposed) continue;
      const risks = next.risks.map((r) => (r.id === risk.id ? { ...r, closeProposed: { at, reason: `The dependency "${signal.title}" is resolved.` }, changedAtRev: next.rev + 1 } : r));
      next = nextRevision(next, risks, risk.id, `Proposed closing "${risk.title}": its dependency is resolved`, { actor: APP_ACTOR, now: at });
      proposed.push(risk.id);
      continue;
    }
    if (next.raisedForDependencies.includes(signal.dependencyId) || next.risks.length >= RISK_LIMITS.risks) continue;
    const stamp = { by: APP_ACTOR, at };
    const risk: Risk = {
      id,
      title: trimTitle(`Dependency ${signal.state === 'LATE' ? 'late' : 'declined'}: ${signal.title}`),
      description: signal.state === 'LATE' ? 'Raised automatically: the dependency is planned to arrive after this item needs it.' : 'Raised automatically: the providing side declined the dependency.',
      category: 'dependency',
      rating: RATING[signal.state],
      roam: { state: 'UNROAMED' },
      dueDate: null,
      source: { kind: 'dependency', dependencyId: signal.dependencyId },
      closeProposed: null,
      created: stamp,
      updated: stamp,
      changedAtRev: next.rev + 1,
    };
    next = nextRevision(next, [...next.risks, risk], id, `Raised "${risk.title}" automatically`, { actor: APP_ACTOR, now: at }, { raisedForDependencies: [...next.raisedForDependencies, signal.dependencyId] });
    raised.push(id);
  }
  return { register: next, raised, proposed };
}

