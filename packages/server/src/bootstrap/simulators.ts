import { userError } from '@waybill/connector-kit';
import { startOdooSimulator } from '@waybill/connector-odoo/simulator';
import { startSalesforceSimulator } from '@waybill/connector-salesforce/simulator';
import { startShopifySimulator } from '@waybill/connector-shopify/simulator';
import type { ResolvedCredential, SecretsPort } from '@waybill/engine';

/**
 * The simulators the connectors ship: faithful stand-ins of the external systems, reached over
 * HTTP by base URL like the real ones. `waybill sim <id>` serves one on its own; `waybill start`
 * serves them for the demo (with a credential pointing at each, so the example flows run at
 * once); `waybill test` serves them for flows whose test cases use their credentials.
 */
export interface SimulatorDefinition {
  id: string;
  title: string;
  /** The port the real system usually listens on, used by `waybill sim` and the demo. */
  defaultPort: number;
  start(options: { port: number; host: string }): Promise<{ url: string; close(): Promise<void> }>;
  /** The id of the credential the example flows use to reach this simulator. */
  credentialId: string;
  /** That credential's type and values for a simulator at `url`. */
  credential(url: string): { type: string; values: Record<string, string> };
  /** How to sign in, printed by `waybill sim`. */
  signIn: string;
}

// What the demo simulators accept; the demo credentials carry the same (they are not secrets of anyone).
const SHOPIFY_SIM_TOKEN = 'shpat_sim_admin_token';
const SHOPIFY_SIM_WEBHOOK_SECRET = 'shpss_sim_webhook_secret';
const SALESFORCE_SIM_KEY = 'sim-consumer-key';
const SALESFORCE_SIM_SECRET = 'sim-consumer-secret';

export const installedSimulators: readonly SimulatorDefinition[] = [
  {
    id: 'odoo',
    title: 'Odoo',
    defaultPort: 8069,
    start: (options) => startOdooSimulator(options),
    credentialId: 'odoo-sim',
    credential: (url) => ({
      type: 'odoo-jsonrpc',
      values: { url, database: 'waybill', login: 'admin', password: 'admin' },
    }),
    signIn:
      'database "waybill"; JSON-RPC login admin / admin (or readonly / readonly); JSON-2 API keys sim-admin-key and sim-readonly-key',
  },
  {
    id: 'shopify',
    title: 'Shopify',
    defaultPort: 8081,
    start: (options) =>
      startShopifySimulator({
        ...options,
        accessToken: SHOPIFY_SIM_TOKEN,
        webhookSecret: SHOPIFY_SIM_WEBHOOK_SECRET,
      }),
    credentialId: 'shopify-sim',
    credential: (url) => ({
      type: 'shopify-admin',
      values: { shop: url, accessToken: SHOPIFY_SIM_TOKEN, webhookSecret: SHOPIFY_SIM_WEBHOOK_SECRET },
    }),
    signIn: `Admin API access token ${SHOPIFY_SIM_TOKEN} (X-Shopify-Access-Token); webhooks signed with ${SHOPIFY_SIM_WEBHOOK_SECRET}`,
  },
  {
    id: 'salesforce',
    title: 'Salesforce',
    defaultPort: 8082,
    start: (options) => startSalesforceSimulator(options),
    credentialId: 'salesforce-sim',
    credential: (url) => ({
      type: 'salesforce-client-credentials',
      values: { loginUrl: url, consumerKey: SALESFORCE_SIM_KEY, consumerSecret: SALESFORCE_SIM_SECRET },
    }),
    signIn: `OAuth 2.0 client credentials: consumer key ${SALESFORCE_SIM_KEY}, secret ${SALESFORCE_SIM_SECRET}`,
  },
];

export interface RunningSimulator {
  id: string;
  title: string;
  url: string;
  credential: ResolvedCredential;
  close(): Promise<void>;
}

/**
 * Starts one simulator by id on a port (0 for any free one).
 *
 * @example
 * const odoo = await startSimulator('odoo', { port: 8069 });
 * console.log(odoo.url); await odoo.close();
 */
export async function startSimulator(
  id: string,
  options: { port: number; host?: string },
): Promise<RunningSimulator> {
  const definition = installedSimulators.find((simulator) => simulator.id === id);
  if (!definition) {
    throw new Error(
      `There is no simulator "${id}"; the simulators are ${installedSimulators.map((s) => s.id).join(', ')}.`,
    );
  }
  const host = options.host ?? '127.0.0.1';
  const running = await definition.start({ port: options.port, host });
  const { type, values } = definition.credential(running.url);
  return {
    id: definition.id,
    title: definition.title,
    url: running.url,
    credential: { id: definition.credentialId, type, values, allowedHosts: [new URL(running.url).hostname] },
    close: running.close,
  };
}

/**
 * Starts every simulator, on its usual port when free and on any port otherwise.
 *
 * @example
 * const simulators = await startSimulators();
 */
export async function startSimulators(options: { preferDefaultPorts: boolean }): Promise<RunningSimulator[]> {
  const running: RunningSimulator[] = [];
  try {
    for (const simulator of installedSimulators) {
      const onDefault = options.preferDefaultPorts
        ? await startSimulator(simulator.id, { port: simulator.defaultPort }).catch(() => undefined)
        : undefined;
      running.push(onDefault ?? (await startSimulator(simulator.id, { port: 0 })));
    }
  } catch (error) {
    await Promise.all(running.map((simulator) => simulator.close()));
    throw error;
  }
  return running;
}

/**
 * Resolves the simulators' credentials (and `extra` ones, such as the demo EDI partner) for an
 * engine without a credential store (`waybill test`).
 * Every value counts as secret for redaction, as for an unknown credential type.
 *
 * @example
 * const engine = createEngine({ catalog, invoker, secrets: simulatorSecrets(await startSimulators(...)) });
 */
export function simulatorSecrets(
  running: readonly RunningSimulator[],
  extra: readonly ResolvedCredential[] = [],
): SecretsPort {
  const byId = new Map([
    ...running.map((simulator) => [simulator.credential.id, simulator.credential] as const),
    ...extra.map((credential) => [credential.id, credential] as const),
  ]);
  return {
    async resolve(credentialId, context) {
      const credential = byId.get(credentialId);
      if (!credential) {
        throw userError({
          code: 'CREDENTIAL_NOT_FOUND',
          message: `Node "${context.nodeId}" uses the credential "${credentialId}"; test cases can use only the simulators' credentials (${[...byId.keys()].join(', ')}).`,
        });
      }
      return credential;
    },
  };
}
