import { ConfigError, keyFileOf, parseConfig, storeLocation } from '@waybill/server';
import { addKeyToFile, keyId, loadSecretKeys, openStore } from '@waybill/store';
import { CliError } from '../cli-error.js';

export interface RotateOptions {
  /** Add a new master key first (default); false re-keys to the first key already configured. */
  newKey?: boolean;
}

/**
 * `waybill keys rotate`: puts a new master key first in the key file and re-keys every
 * credential to it, one at a time, while Waybill keeps running (running processes read the key
 * file again when they meet a credential wrapped with a key they do not hold). With
 * WAYBILL_SECRET_KEY the operator sets the new key first on every process, then runs
 * `waybill keys rotate --no-new-key`.
 *
 * @example
 * await rotateKeysCommand({}, console.log); // Rotated 4 of 4 credentials to master key 1a2b…
 */
export async function rotateKeysCommand(
  options: RotateOptions,
  print: (text: string) => void,
): Promise<number> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  const keyFile = keyFileOf(config);
  const addKey = options.newKey !== false;
  if (config.secretKey && addKey) {
    throw new CliError(
      'WAYBILL_SECRET_KEY is set, so the new key cannot be added here: generate one (openssl rand -base64 32), set WAYBILL_SECRET_KEY=<new key>,<current key> on every Waybill process, then run "waybill keys rotate --no-new-key".',
    );
  }
  const keys = config.secretKey
    ? await loadSecretKeys({ env: config.secretKey, keyFile })
    : addKey
      ? await addKeyToFile(keyFile)
      : await loadSecretKeys({ keyFile });
  const store = await openStore({
    ...storeLocation(config),
    secretKey: keys,
  }).catch((error: Error) => {
    throw new CliError(`The database could not be opened: ${error.message}`);
  });
  try {
    const result = await store.credentials.rotateKeys();
    await store.audit.append({
      actor: 'cli',
      action: 'keys.rotate',
      targetType: 'master-key',
      targetId: result.activeKeyId,
      details: { rotated: result.rotated, total: result.total, newKey: addKey },
    });
    print(`Rotated ${result.rotated} of ${result.total} credentials to master key ${result.activeKeyId}.`);
    if (result.unreadable.length > 0) {
      print(
        `No configured key opens ${result.unreadable.length} credential${result.unreadable.length === 1 ? '' : 's'} (${result.unreadable.join(', ')}); they were left as they are: add the key they were saved with, or enter them again.`,
      );
      return 1;
    }
    const older = keys.slice(1).map(keyId);
    if (older.length > 0) {
      print(
        `Every credential now uses the active key; the older key${older.length === 1 ? '' : 's'} (${older.join(', ')}) can be removed from ${config.secretKey ? 'WAYBILL_SECRET_KEY' : keyFile} once every Waybill process has restarted.`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}
