/**
 * Splits a JSON document into small units, so that a change is logged as the units it touched rather than
 * as the whole document. The split is generic, so the stores need not say what they changed:
 *  - a top-level array whose elements all have a string `id` (issues, links, users...): one unit per element;
 *  - a top-level object (KVS values, counters): one unit per entry;
 *  - anything else, and an empty array or object (so that it exists after recovery): one unit.
 * A unit's value is last-writer-wins, so replaying an op twice is harmless.
 */
export type UnitOp =
  | { t: 'top'; k: string; v?: unknown }
  | { t: 'item'; k: string; id: string; v?: unknown }
  | { t: 'entry'; k: string; e: string; v?: unknown };

type Doc = Record<string, unknown>;

const isEntityArray = (v: unknown): v is Array<{ id: string }> =>
  Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string');
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Calls `visit` for each unit of `doc` in document order with the unit's id, its value, and how to build its
 * op. Ops are built only for the units a caller keeps, because a diff of a large site visits ten thousand.
 */
function forEachUnit(doc: Doc, visit: (id: string, value: unknown, op: () => UnitOp) => void): void {
  for (const [k, v] of Object.entries(doc)) {
    if (isEntityArray(v) && v.length > 0) for (const item of v) visit(`item\0${k}\0${item.id}`, item, () => ({ t: 'item', k, id: item.id, v: item }));
    else if (isPlainObject(v) && Object.keys(v).length > 0) for (const [e, value] of Object.entries(v)) visit(`entry\0${k}\0${e}`, value, () => ({ t: 'entry', k, e, v: value }));
    else visit(`top\0${k}`, v, () => ({ t: 'top', k, v }));
  }
}

/** An own property even for keys like `__proto__`, which plain assignment would turn into a prototype change. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Remembers each unit's serialised value as last persisted, and answers which units changed since. A diff
 * serialises the whole document (cheap next to writing and fsyncing it) and returns only what differs.
 */
export class UnitTracker {
  private persisted = new Map<string, { op: () => UnitOp; json: string; seen: number }>();
  private generation = 0;

  /** Records `doc` as persisted (after a load or a snapshot). */
  reset(doc: Doc): void {
    this.persisted.clear();
    this.diff(doc);
  }

  /** The ops that turn the persisted state into `doc` (deletions first), and records `doc` as persisted. */
  diff(doc: Doc): UnitOp[] {
    const generation = ++this.generation;
    const sets: UnitOp[] = [];
    forEachUnit(doc, (id, value, op) => {
      const json = JSON.stringify(value);
      const known = this.persisted.get(id);
      if (known?.json === json) {
        known.seen = generation;
        return;
      }
      this.persisted.set(id, { op, json, seen: generation });
      sets.push(op());
    });
    const deletes: UnitOp[] = [];
    for (const [id, unit] of this.persisted) {
      if (unit.seen === generation) continue;
      this.persisted.delete(id);
      deletes.push({ ...unit.op(), v: undefined });
    }
    return [...deletes, ...sets];
  }
}

/** Applies logged ops to a loaded document (recovery). An op without `v` deletes its unit. */
export function applyOps(doc: Doc, ops: readonly UnitOp[]): void {
  for (const op of ops) {
    const deleting = !('v' in op) || op.v === undefined;
    if (op.t === 'top') {
      if (deleting) delete doc[op.k];
      else setOwn(doc, op.k, op.v);
    } else if (op.t === 'item') {
      const list = (Array.isArray(doc[op.k]) ? doc[op.k] : []) as Array<{ id: string }>;
      const at = list.findIndex((x) => x.id === op.id);
      if (deleting) {
        if (at >= 0) list.splice(at, 1);
      } else if (at >= 0) list[at] = op.v as { id: string };
      else list.push(op.v as { id: string });
      setOwn(doc, op.k, list);
    } else {
      const entries = isPlainObject(doc[op.k]) ? (doc[op.k] as Record<string, unknown>) : {};
      if (deleting) delete entries[op.e];
      else setOwn(entries, op.e, op.v);
      setOwn(doc, op.k, entries);
    }
  }
}
