import crypto from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A short random id for a scheme or crosswalk ("x" + 9 base-36 characters, ~10^14 values). Short on
 * purpose: the crosswalk id leads every key of the mappings indexes, so on a million-row crosswalk a
 * 36-character UUID doubles the database and triples the load time. The caller checks uniqueness.
 */
export function newShortId(prefix: string): string {
  const bytes = crypto.randomBytes(9);
  let id = prefix;
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}
