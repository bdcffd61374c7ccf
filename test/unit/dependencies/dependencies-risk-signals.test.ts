import { findLate } from '../../../src/domain/dependency-graph/late';
import type { GraphEdge, GraphNode } from '../../../src/domain/dependency-graph/graph';
import { riskSignals } from '../../../src/domain/dependencies/risk-signals';

const node = (id: string, extra: Partial<GraphNode> = {}): GraphNode => ({ id, kind: 'issue', label: `Summary of ${id}`, team: null, dueDate: null, releaseDate: null, ...extra });
const edge = (id: string, from: string, to: string, extra: Partial<GraphEdge> = {}): GraphEdge => ({ id, from, to, status: 'COMMITTED', neededBy: null, committedBy: null, ...extra });
const keys: Record<string, string> = { '1': 'PAY-1', '2': 'DATA-2', '3': 'DATA-3' };

describe("what an item's dependencies tell its risk register", () => {
  const nodes = [node('1'), node('2'), node('3'), node('team:Borealis', { kind: 'team', label: 'Team Borealis' })];
  const edges = [
    edge('late', '1', '2', { neededBy: '2027-01-10', committedBy: '2027-02-01' }),
    edge('declined', '1', 'team:Borealis', { status: 'DECLINED' }),
    edge('delivered', '1', '3', { status: 'DELIVERED' }),
    edge('on-time', '1', '3', { neededBy: '2027-03-01', committedBy: '2027-02-01' }),
    edge('someone-else', '2', '3', { status: 'DECLINED' }),
  ];

  it('signals late, declined and delivered dependencies of the item only, naming providers by key, team or party', () => {
    expect(riskSignals('1', nodes, edges, findLate(nodes, edges, null), (id) => keys[id] ?? null)).toEqual([
      { dependencyId: 'late', state: 'LATE', title: 'DATA-2' },
      { dependencyId: 'declined', state: 'DECLINED', title: 'Team Borealis' },
      { dependencyId: 'delivered', state: 'RESOLVED', title: 'DATA-3' },
    ]);
  });

  it("never puts a provider's summary in the title: an unknown key reads as a hidden issue", () => {
    const signals = riskSignals('1', nodes, edges, findLate(nodes, edges, null), () => null);
    expect(signals.map((s) => s.title)).not.toContain('Summary of 2');
    expect(signals[0]!.title).toBe('an issue you may not see');
  });
});
