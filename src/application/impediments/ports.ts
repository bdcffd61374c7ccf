import type { ImpedimentRecord } from '../../domain/impediments/model';
import type { EscalationSettings } from '../../domain/impediments/settings';
import type { SourceFacts } from '../../domain/impediments/source-facts';

/** The epic or feature that owns a work item's impediments: itself, or its nearest planning-level ancestor. */
export interface OwningItem {
  id: string;
  key: string;
  summary: string;
  projectKey: string;
  /** The item's assignee, taken as its tech lead (the default owner of its impediments). */
  techLead: string | null;
}

export interface EscalationSource {
  facts: SourceFacts;
  projectKey: string;
  /** Null when no ancestor is at the planning level (a story without a feature, for example). */
  owner: OwningItem | null;
  /** Keys of the issues this one blocks: their "blocked by" impediments depend on this one's status. */
  blocks: string[];
}

/** Reads a work item's current state and walks up its parents, as whoever the adapter acts for. */
export interface EscalationReader {
  /** Null when the issue does not exist or the caller cannot browse it. */
  readSource(issueIdOrKey: string): Promise<EscalationSource | null>;
  /** Summaries of the given issues that the caller may browse (the others are left out). */
  summaries(issueKeys: string[]): Promise<Map<string, string>>;
}

/** The impediment record, issue property `planning-readiness-impediments` of the owning item. */
export interface ImpedimentStore {
  load(issueId: string): Promise<ImpedimentRecord>;
  save(issueId: string, record: ImpedimentRecord): Promise<void>;
}

export interface EscalationSettingsStore {
  get(projectKey: string): Promise<EscalationSettings>;
  save(projectKey: string, settings: EscalationSettings): Promise<void>;
}

/** What the app changes in Jira so that people and Automation rules notice. */
export interface EscalationNotifier {
  /** A comment on the item mentioning `mention` (when not null) before the text. */
  comment(issueKey: string, mention: string | null, text: string): Promise<void>;
  /** Sets or clears the configured field signal (a label, or the Flagged field) on the item; writes only a change. */
  signal(issueKey: string, settings: EscalationSettings, on: boolean): Promise<void>;
}
