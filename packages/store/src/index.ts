export {
  openCredentialValues,
  rewrapCredentialValues,
  sealCredentialValues,
  sealedKeyId,
} from './credential-cipher.js';
export * from './document-types.js';
export { errorSignature, normaliseErrorMessage } from './error-signature.js';
export { createExecutionIdGenerator, executionIdTime } from './execution-ids.js';
export { createKeyring, type Keyring, keyId } from './keyring.js';
export { openStore, type StoreOptions } from './open-store.js';
export { flowCursorKey } from './repositories/flow-repository.js';
export { addKeyToFile, loadSecretKey, loadSecretKeys, parseSecretKey } from './secret-key.js';
export {
  CredentialDecryptionError,
  StoreConflictError,
  StoreInputError,
  StoreNotFoundError,
} from './store-errors.js';
export * from './store-types.js';
