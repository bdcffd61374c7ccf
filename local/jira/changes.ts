import type { StoredLink, StoredVersion } from './model';
import type { Principal } from './permissions';

/**
 * The emulator's change feed: every write to the site is one `SiteChange`, committed through `ChangeFeed.commit`,
 * which persists the site and then tells the subscribers (Forge product events, local Automation). The shapes
 * are the emulator's own; `local/runtime/events/product-events.ts` turns them into Forge's event payloads.
 */

/** One changelog item, as Jira's changelog and the `avi:jira:updated:issue` event carry it. */
export interface ChangelogItem {
  field: string;
  fieldId: string;
  fieldtype: 'jira' | 'custom';
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/**
 * Who made the change. `accountId` is the user's, or null for the app acting as itself (`asApp()`); `viaApp` is
 * true whenever the app's code made the call (asApp or asUser), which is what a trigger's `ignoreSelf` filters.
 */
export interface ChangeActor {
  accountId: string | null;
  viaApp: boolean;
}

export type ChangeDetail =
  | { type: 'issue:created'; issueId: string }
  | { type: 'issue:updated'; issueId: string; items: ChangelogItem[] }
  | { type: 'issuelink:created' | 'issuelink:deleted'; link: StoredLink }
  | { type: 'issue-property:set' | 'issue-property:deleted'; issueId: string; propertyKey: string }
  | { type: 'version:created' | 'version:updated' | 'version:released'; version: StoredVersion };

export type SiteChange = ChangeDetail & {
  /** Increases by one per committed change in this process; also the changelog id of an update. */
  sequence: number;
  actor: ChangeActor;
  /** ISO 8601 time of the write. */
  at: string;
};

export type ChangeListener = (change: SiteChange) => void;

export interface ChangeFeedOptions {
  /**
   * Persists the site (the store's `changed()`). When it returns a promise (a store that acknowledges only what is on
   * disk), the change is emitted once the promise resolves, so no event goes out for a write a crash could lose.
   */
  persist: () => void | Promise<void>;
  now: () => Date;
  /** True while the app's code is running (a Forge invocation), so its writes count as the app's own. */
  appIsCalling?: () => boolean;
}

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private sequence = 0;
  /** Keeps emissions in commit order when persisting is asynchronous. */
  private emitted: Promise<void> = Promise.resolve();
  /** Changes committed but not emitted yet (waiting for the disk). */
  private pending = 0;

  constructor(private readonly options: ChangeFeedOptions) {}

  /** Persists the change, then emits it. A listener that throws is logged: it never fails the write. */
  commit(detail: ChangeDetail, principal: Principal): SiteChange {
    const persisted = this.options.persist();
    this.sequence += 1;
    const actor: ChangeActor = {
      accountId: principal.kind === 'user' ? principal.accountId : null,
      viaApp: principal.kind === 'app' || (this.options.appIsCalling?.() ?? false),
    };
    const change: SiteChange = { ...detail, sequence: this.sequence, actor, at: this.options.now().toISOString() };
    if (persisted instanceof Promise) {
      this.pending += 1;
      this.emitted = this.emitted
        .then(() => persisted)
        .then(
          () => this.emit(change),
          (e: unknown) => console.error('[change feed] not emitted: the change was not persisted', e),
        )
        .finally(() => {
          this.pending -= 1;
        });
    } else this.emit(change);
    return change;
  }

  hasPending(): boolean {
    return this.pending > 0;
  }

  /** Resolves once every change committed so far has been emitted. */
  async settled(): Promise<void> {
    while (this.pending > 0) await this.emitted;
  }

  private emit(change: SiteChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (e) {
        console.error('[change feed] a listener failed', e);
      }
    }
  }

  /** Listens to committed changes; returns the function that stops listening. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
