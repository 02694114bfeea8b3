import { ConfigError, keyFileOf, parseConfig, storeLocation, type WaybillConfig } from '@waybill/server';
import { loadSecretKeys, openStore, type Store } from '@waybill/store';
import { CliError } from './cli-error.js';

/**
 * The configuration from the environment, with a bad setting reported as a sentence.
 *
 * @example
 * const config = configFromEnv();
 */
export function configFromEnv(): WaybillConfig {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * Opens the database Waybill's server uses (same DATABASE_URL or data directory, same keys), for
 * admin commands run beside a running server, and closes it when `use` is done.
 *
 * @example
 * await withConfiguredStore((store) => store.accounts.listUsers());
 */
export async function withConfiguredStore<T>(
  use: (store: Store, config: WaybillConfig) => Promise<T>,
): Promise<T> {
  const config = configFromEnv();
  const store = await openStore({
    ...storeLocation(config),
    secretKey: await loadSecretKeys({ env: config.secretKey, keyFile: keyFileOf(config) }),
  }).catch((error: Error) => {
    throw new CliError(`The database could not be opened: ${error.message}`);
  });
  try {
    return await use(store, config);
  } finally {
    await store.close();
  }
}
