import { mergeFacts, type ItemSummary, type ReadinessState } from '../../src/domain/item-summary/item-summary';
import type { PortfolioRow } from '../../src/domain/portfolio/row';

/** A row with the given facts; readiness given as [score, state] when scored. */
export function row(key: string, options: { team?: string | null; teamId?: string | null; releases?: string[]; readiness?: [number, ReadinessState]; facts?: Partial<ItemSummary> | null; summary?: string } = {}): PortfolioRow {
  const base = options.facts === null ? null : { ...mergeFacts(null, {}), ...options.facts };
  const facts = base && options.readiness ? { ...base, readiness: { score: options.readiness[0], state: options.readiness[1], reasons: [{ criterion: 'spec', weight: 100, earned: options.readiness[0] }] } } : base;
  return {
    id: key.replace(/\D/g, ''),
    key,
    summary: options.summary ?? `Item ${key}`,
    projectKey: key.split('-')[0]!,
    issueType: 'Feature',
    status: { name: 'To Do', category: 'new' },
    team: options.team === undefined ? 'Atlas' : options.team,
    teamId: options.teamId === undefined ? 'team-atlas' : options.teamId,
    releases: options.releases ?? ['2027.1'],
    parentKey: null,
    facts,
  };
}
