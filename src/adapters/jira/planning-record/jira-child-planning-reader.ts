import type { ChildrenWithPlanningReader, ChildWithPlanning } from '../../../application/planning/ports';
import { fromStored } from '../item-summary/stored-format';
import { ITEM_SUMMARY_PROPERTY } from '../item-summary/jira-item-summary-store';
import type { JiraWorkItemReader } from '../jira-work-item-reader';
import { PLANNING_RECORD_PROPERTY } from './jira-planning-record-store';
import { readStoredRecord } from './stored-format';

/**
 * The children of an item with their item summary and planning record, both read in the children's own
 * search: one Jira call for an epic's features instead of two per feature.
 */
export class JiraChildPlanningReader implements ChildrenWithPlanningReader {
  constructor(private readonly reader: JiraWorkItemReader) {}

  async listChildrenWithPlanning(parentKey: string): Promise<ChildWithPlanning[]> {
    const children = await this.reader.listChildrenWithProperties([parentKey], [ITEM_SUMMARY_PROPERTY, PLANNING_RECORD_PROPERTY]);
    return children.map(({ item, properties }) => ({
      item,
      summary: fromStored(properties[ITEM_SUMMARY_PROPERTY]),
      record: readStoredRecord(properties[PLANNING_RECORD_PROPERTY]),
    }));
  }
}
