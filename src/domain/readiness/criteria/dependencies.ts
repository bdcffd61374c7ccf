import { partsOf, type Criterion } from '../criterion';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Every dependency committed or delivered, none late, no cycle: a third of the points each. */
export const dependenciesCommitted: Criterion = {
  id: 'dependencies',
  title: 'Dependencies committed',
  feature: 'dependencies',
  evaluate: ({ summary: { dependencies: d } }) => {
    const problems: Array<{ reason: string; step: string }> = [];
    if (d.uncommitted > 0) problems.push({ reason: `${plural(d.uncommitted, 'dependency is', 'dependencies are')} not committed`, step: 'get a commitment from the providing teams' });
    if (d.late > 0) problems.push({ reason: `${plural(d.late, 'dependency is', 'dependencies are')} late`, step: 'agree new dates for the late dependencies' });
    if (d.cycle) problems.push({ reason: 'the item is on a dependency cycle', step: 'break the cycle' });
    const share = partsOf(3 - problems.length, 3);
    if (problems.length === 0) return { share, reason: d.open === 0 ? 'No open dependencies.' : `All ${d.open} open dependencies are committed, none late.`, nextStep: null };
    const reason = problems.map((p) => p.reason).join('; ');
    const step = problems.map((p) => p.step).join(', and ');
    return { share, reason: `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`, nextStep: `${step.charAt(0).toUpperCase()}${step.slice(1)}.` };
  },
};
