// The one SHA-256 helper: evidence files' fingerprints, packs' hashes in the register.
import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
