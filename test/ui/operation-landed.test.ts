import type { PlanningRecordDto, PlanningViewDto } from '../../src/shared/contract/planning';
import { operationLanded } from '../../static/issue-panel/src/operation-landed';

const by = { accountId: 'a1', displayName: 'Lena Lead' };

function viewWith(record: Partial<PlanningRecordDto>, spec: Partial<PlanningRecordDto['spec']> = {}): PlanningViewDto {
  const base: PlanningRecordDto = {
    rev: 3,
    spec: { sections: {}, links: [], status: 'DRAFT', approval: null, author: null, lastEditor: null, lastEditedAt: null, ...spec },
    estimate: null,
    history: [],
    review: { changesRequest: null, threads: [] },
  };
  return { record: { ...base, ...record } } as PlanningViewDto;
}

describe('whether an unconfirmed save landed, judged from the record read again', () => {
  it('a section edit landed when the stored text is the draft', () => {
    const view = viewWith({}, { sections: { approach: 'Card schemes first.' } });
    expect(operationLanded({ type: 'spec.editSection', section: 'approach', text: 'Card schemes first.' }, view)).toBe(true);
    expect(operationLanded({ type: 'spec.editSection', section: 'approach', text: 'Wallets first.' }, view)).toBe(false);
    expect(operationLanded({ type: 'spec.editSection', section: 'context', text: '' }, view)).toBe(true);
  });

  it('an estimate landed when value, confidence and assumptions all match', () => {
    const estimate = { value: { kind: 'points' as const, low: 5, high: 8 }, confidence: 3, assumptions: 'Sandbox in January.', by, at: '2026-11-25T12:00:00Z' };
    const view = viewWith({ estimate });
    expect(operationLanded({ type: 'estimate.set', value: { kind: 'points', low: 5, high: 8 }, confidence: 3, assumptions: 'Sandbox in January.' }, view)).toBe(true);
    expect(operationLanded({ type: 'estimate.set', value: { kind: 'points', low: 5, high: 8 }, confidence: 4, assumptions: 'Sandbox in January.' }, view)).toBe(false);
    expect(operationLanded({ type: 'estimate.clear' }, view)).toBe(false);
    expect(operationLanded({ type: 'estimate.clear' }, viewWith({}))).toBe(true);
  });

  it('links and the review workflow are judged by what is stored, not by the revision', () => {
    const view = viewWith({}, { links: [{ id: 'l1', url: 'https://wiki/adr-7', title: 'ADR 7' }], status: 'IN_REVIEW' });
    expect(operationLanded({ type: 'spec.addLink', url: ' https://wiki/adr-7 ', title: 'ADR 7' }, view)).toBe(true);
    expect(operationLanded({ type: 'spec.removeLink', linkId: 'l1' }, view)).toBe(false);
    expect(operationLanded({ type: 'spec.submitForReview' }, view)).toBe(true);
    expect(operationLanded({ type: 'spec.approve' }, view)).toBe(false);
  });
});
