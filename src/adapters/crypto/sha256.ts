import { createHash } from 'node:crypto';
import type { Digest } from '../../domain/planning-record/authority';

/** The digest the authority ledger uses: SHA-256, hex. */
export const sha256: Digest = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
