import { isPlanningItemType, PLANNING_HIERARCHY_LEVEL } from '../../src/domain/work-item/work-item';

describe('isPlanningItemType', () => {
  it('treats the epic level as planning work', () => {
    expect(isPlanningItemType({ hierarchyLevel: PLANNING_HIERARCHY_LEVEL })).toBe(true);
  });

  it('treats levels added above epics in Plans (features, initiatives) as planning work', () => {
    expect(isPlanningItemType({ hierarchyLevel: 2 })).toBe(true);
    expect(isPlanningItemType({ hierarchyLevel: 3 })).toBe(true);
  });

  it('does not treat stories, bugs or sub-tasks as planning work', () => {
    expect(isPlanningItemType({ hierarchyLevel: 0 })).toBe(false);
    expect(isPlanningItemType({ hierarchyLevel: -1 })).toBe(false);
  });
});
