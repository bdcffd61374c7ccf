/** What the detection rules read of a work item's CURRENT state (never the event's delta). */
export interface SourceFacts {
  id: string;
  key: string;
  flagged: boolean;
  priority: string | null;
  labels: string[];
  /** Issues this one "is blocked by", with whether they are resolved (status category done). */
  blockers: Array<{ key: string; resolved: boolean }>;
  /** The work item itself is done: nothing on it impedes anything any more. */
  done: boolean;
  /** An epic or feature (planning level): its "blocks" links are planned dependencies, not escalations. */
  planningItem: boolean;
}
