import { randomUUID } from 'node:crypto';

/** A short random id for items inside a record (design links). */
export const randomId = (): string => randomUUID().slice(0, 8);
