import type { Hono } from 'hono';
import { createSimulatorApp } from './app.js';
import { makeId, toId18 } from './data/ids.js';
import { findObject } from './data/schema.js';
import type { ObjectDef, SimRecord } from './data/schema-types.js';
import { seedOrg } from './data/seed.js';
import { RecordStore } from './data/store.js';
import { createRecord, updateRecord } from './data/write.js';
import { type FailNextOptions, FailureInjector } from './failure-injection.js';
import { DEFAULT_CLIENT, SessionStore, type SimClient } from './oauth/sessions.js';
import { QueryCursors } from './rest/query-cursors.js';
import { type CallLogEntry, MAX_CALL_LOG, type SimCore } from './sim-core.js';

/**
 * How a simulator behaves; every option has a default.
 *
 * @example
 * const options: SalesforceSimulatorOptions = { clients: [{ consumerKey: 'k', consumerSecret: 's', username: 'bot@example.com' }], maxQueryBatchSize: 3 };
 */
export interface SalesforceSimulatorOptions {
  /** Connected apps the token endpoint accepts; `[DEFAULT_CLIENT]` when absent. */
  clients?: readonly SimClient[];
  /** The clock behind CreatedDate, LastModifiedDate, SystemModstamp and JWT expiry checks. */
  now?: () => Date;
  /** Load the demo accounts, contacts and products (default true); users are always there. */
  seed?: boolean;
  /** The org's rolling 24-hour API allowance (default 15,000). */
  dailyApiRequests?: number;
  /** Largest query batch the simulator answers (default 2,000); lower it to page small data sets. */
  maxQueryBatchSize?: number;
}

/**
 * A simulator: its Hono app (for `app.request()` in-process, or served by
 * `startSalesforceSimulator`) and the controls tests use.
 *
 * @example
 * const sim = createSalesforceSimulator();
 * const response = await sim.app.request('/services/data');
 */
export interface SalesforceSimulator {
  readonly app: Hono;
  readonly orgId: string;
  readonly calls: readonly CallLogEntry[];
  clearCalls(): void;
  /** Empties the org and loads the seed again; issued tokens stay valid. */
  reset(options?: { seed?: boolean }): void;
  failNext(rule: FailNextOptions): void;
  clearFailures(): void;
  pendingFailures(): FailNextOptions[];
  /** Ends every session, as an org's session timeout or a revocation does; returns how many. */
  expireTokens(): number;
  registerClient(client: SimClient): void;
  /** A fixed clock (a Date), a moving one (a function), or the option's / real clock again. */
  setClock(now: Date | (() => Date) | undefined): void;
  /** Copies of the stored records of an object, in creation order. */
  records(object: string): SimRecord[];
  /** Creates a record with the REST API's checks, as the integration user. */
  insert(object: string, values: Record<string, unknown>): SimRecord;
  /** Updates a record with the REST API's checks, as the integration user. */
  update(object: string, id: string, values: Record<string, unknown>): SimRecord;
  apiUsage(): { used: number; max: number };
  dump(objects: string[] | undefined): Record<string, unknown[]>;
}

/**
 * Creates an in-memory Salesforce org speaking OAuth 2.0 and the REST API.
 *
 * @example
 * const sim = createSalesforceSimulator({ maxQueryBatchSize: 2 });
 * sim.failNext({ kind: 'session-expired' });
 */
export function createSalesforceSimulator(options: SalesforceSimulatorOptions = {}): SalesforceSimulator {
  let clock: () => Date = options.now ?? (() => new Date());
  const seed = options.seed ?? true;
  const clients = [...(options.clients ?? [DEFAULT_CLIENT])];
  const store = new RecordStore(() => clock());
  const orgId = makeId('00D', 1);
  let calls: CallLogEntry[] = [];
  const core: SimCore = {
    store,
    sessions: new SessionStore(orgId),
    clients,
    cursors: new QueryCursors(),
    failures: new FailureInjector(),
    now: () => clock(),
    orgId,
    users: new Map(),
    usage: { used: 0, max: options.dailyApiRequests ?? 15_000 },
    maxQueryBatchSize: options.maxQueryBatchSize ?? 2000,
    log: (entry) => {
      calls.push({ at: clock().toISOString(), ...entry });
      if (calls.length > MAX_CALL_LOG) calls = calls.slice(-MAX_CALL_LOG);
    },
  };

  const load = (withData: boolean) => {
    store.clear();
    core.cursors.clear();
    const usernames = clients.flatMap((client) => (client.username ? [client.username] : []));
    core.users = new Map(
      [...seedOrg(store, { data: withData, usernames })].map(([name, id]) => [name.toLowerCase(), id]),
    );
  };
  load(seed);

  const integrationUser = () => core.users.values().next().value ?? '';
  const need = (name: string): ObjectDef => {
    const object = findObject(name);
    if (!object) throw new Error(`The Salesforce simulator has no ${name} object.`);
    return object;
  };

  const sim: SalesforceSimulator = {
    app: createSimulatorApp(core, {
      failNext: (rule) => sim.failNext(rule),
      clearFailures: () => sim.clearFailures(),
      pendingFailures: () => sim.pendingFailures(),
      reset: (resetOptions) => sim.reset(resetOptions),
      expireTokens: () => sim.expireTokens(),
      setClock: (now) => sim.setClock(now),
      dump: (objects) => sim.dump(objects),
      get calls() {
        return calls;
      },
      clearCalls: () => sim.clearCalls(),
    }),
    orgId,
    get calls() {
      return calls;
    },
    clearCalls: () => {
      calls = [];
    },
    reset: (resetOptions = {}) => {
      load(resetOptions.seed ?? seed);
      core.failures.clear();
      core.usage.used = 0;
      calls = [];
    },
    failNext: (rule) => core.failures.add(rule),
    clearFailures: () => core.failures.clear(),
    pendingFailures: () => core.failures.pending(),
    expireTokens: () => core.sessions.expireAll(),
    registerClient: (client) => {
      const index = clients.findIndex((candidate) => candidate.consumerKey === client.consumerKey);
      if (index >= 0) clients.splice(index, 1, client);
      else clients.push(client);
      if (client.username && !core.users.has(client.username.toLowerCase())) {
        const user = store.insert(
          need('User'),
          {
            Username: client.username,
            LastName: client.username.split('@')[0] ?? 'api',
            Email: client.username,
            IsActive: true,
          },
          integrationUser(),
        );
        core.users.set(client.username.toLowerCase(), user.Id);
      }
    },
    setClock: (now) => {
      clock =
        now === undefined ? (options.now ?? (() => new Date())) : typeof now === 'function' ? now : () => now;
    },
    records: (object) => store.all(need(object)).map((record) => ({ ...record })),
    insert: (object, values) => createRecord({ store, userId: integrationUser() }, need(object), values),
    update: (object, id, values) =>
      updateRecord({ store, userId: integrationUser() }, need(object), toId18(id) ?? id, values),
    apiUsage: () => ({ ...core.usage }),
    dump: (objects) => {
      const names = objects ?? ['Account', 'Contact', 'Opportunity', 'Order', 'Product2', 'Shipment__c'];
      const tables: Record<string, SimRecord[]> = {};
      for (const name of names) {
        const object = findObject(name);
        if (object) tables[object.name] = store.all(object);
      }
      return tables;
    },
  };
  return sim;
}
