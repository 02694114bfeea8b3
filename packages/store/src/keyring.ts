import { createHash } from 'node:crypto';

export const SECRET_KEY_BYTES = 32;

/**
 * The master keys credentials are wrapped with: the first is the active one (new and rotated
 * credentials use it), the others only decrypt credentials not yet rotated. Keys are known by an
 * id derived from the key itself, so a stored credential names the key that opens it.
 */
export interface Keyring {
  readonly activeId: string;
  readonly active: Buffer;
  get(id: string): Buffer | undefined;
  readonly all: readonly Buffer[];
}

/**
 * The id of a master key: 16 hex digits of its SHA-256, stored beside each credential.
 *
 * @example
 * keyId(Buffer.alloc(32)); // '66687aadf862bd77'
 */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('waybill-master-key').update(key).digest('hex').slice(0, 16);
}

/**
 * A keyring from master keys, the active one first.
 *
 * @example
 * const ring = createKeyring([newKey, oldKey]); ring.activeId === keyId(newKey); // true
 */
export function createKeyring(keys: readonly Buffer[]): Keyring {
  const [active] = keys;
  if (!active) throw new Error('At least one secret key is needed to encrypt credentials.');
  for (const key of keys) {
    if (key.length !== SECRET_KEY_BYTES)
      throw new Error(`The secret key must be ${SECRET_KEY_BYTES} bytes; the one given is ${key.length}.`);
  }
  const byId = new Map(keys.map((key) => [keyId(key), key]));
  return { activeId: keyId(active), active, get: (id) => byId.get(id), all: [...keys] };
}
