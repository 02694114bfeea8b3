/**
 * Errors the store throws on purpose. Each message is a sentence the caller may show as is; the
 * class tells the server which HTTP status fits.
 */

/**
 * Something with that id or key already exists.
 *
 * @example
 * try { await store.flows.create({ id: 'orders', name: 'Orders' }); }
 * catch (error) { if (error instanceof StoreConflictError) ... } // 409
 */
export class StoreConflictError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreConflictError';
  }
}

/**
 * A write needed something that does not exist (deploying an unknown revision, finishing an
 * unknown execution). Reads return undefined instead.
 *
 * @example
 * await store.deployments.deploy('orders', 'no-such-hash'); // throws StoreNotFoundError
 */
export class StoreNotFoundError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreNotFoundError';
  }
}

/**
 * An argument the store cannot use: a cursor it did not hand out, a timestamp that is not one.
 *
 * @example
 * await store.executions.list({}, { cursor: 'garbage' }); // throws StoreInputError
 */
export class StoreInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreInputError';
  }
}

/**
 * A stored credential could not be decrypted: the secret key differs from the one it was
 * encrypted with, or the stored value was altered.
 *
 * @example
 * await store.credentials.reveal('shopify'); // throws CredentialDecryptionError with a wrong key
 */
export class CredentialDecryptionError extends Error {
  /** Set when the credential names a master key this process does not hold. */
  readonly keyId: string | undefined;
  constructor(message: string, options?: { cause?: unknown; keyId?: string }) {
    super(message, options);
    this.name = 'CredentialDecryptionError';
    this.keyId = options?.keyId;
  }
}
