import fc from 'fast-check';
import { NO_TEAM, teamMatrix } from '../../../src/domain/dependency-graph/team-matrix';
import { DEPENDENCY_STATUSES } from '../../../src/domain/dependency-graph/graph';
import { edge, graphs, node } from './graphs';

describe('teamMatrix', () => {
  it('counts dependencies between teams by status, with their ids', () => {
    const nodes = [node('A', { team: 'Atlas' }), node('B', { team: 'Borealis' }), node('V', { kind: 'external' }), node('T', { kind: 'team' })];
    const edges = [
      edge('A', 'B', { status: 'COMMITTED' }),
      edge('A', 'B', { id: 'second', status: 'REQUESTED' }),
      edge('B', 'V'),
      edge('A', 'T', { status: 'DECLINED' }),
    ];
    const { teams, cells } = teamMatrix(nodes, edges);
    expect(teams).toEqual(['Atlas', 'Borealis', 'T', NO_TEAM]);
    expect(cells.map((c) => [c.fromTeam, c.toTeam, c.edgeIds])).toEqual([
      ['Atlas', 'Borealis', ['A->B', 'second']],
      ['Atlas', 'T', ['A->T']],
      ['Borealis', NO_TEAM, ['B->V']],
    ]);
    expect(cells[0]!.counts).toEqual({ IDENTIFIED: 0, REQUESTED: 1, COMMITTED: 1, DELIVERED: 0, DECLINED: 0 });
  });

  it('puts every edge in exactly one cell, and the counts add up to the edges', () => {
    fc.assert(fc.property(graphs(), ({ nodes, edges }) => {
      const { teams, cells } = teamMatrix(nodes, edges);
      expect(cells.flatMap((c) => c.edgeIds).sort()).toEqual(edges.map((e) => e.id).sort());
      for (const status of DEPENDENCY_STATUSES) {
        expect(cells.reduce((sum, c) => sum + c.counts[status], 0)).toBe(edges.filter((e) => e.status === status).length);
      }
      for (const c of cells) {
        expect(Object.values(c.counts).reduce((a, b) => a + b, 0)).toBe(c.edgeIds.length);
        expect(teams).toContain(c.fromTeam);
        expect(teams).toContain(c.toTeam);
      }
      expect(new Set(cells.map((c) => `${c.fromTeam}|${c.toTeam}`)).size).toBe(cells.length);
    }));
  });
});
