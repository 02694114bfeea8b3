import { Type } from '@sinclair/typebox';
import { defineTrigger, type PolledItem, userError } from '@waybill/connector-kit';
import { sendRequest } from '../client.js';
import { credentialHeaders, httpCredentialTypes } from '../credential-types.js';
import { successMatcher } from '../success-statuses.js';

const Path = (description: string) =>
  Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*$', description });

export const PollEndpointConfigSchema = Type.Object(
  {
    url: Type.String({
      format: 'uri',
      description: 'The endpoint listing records, e.g. https://wms.example.com/api/shipments.',
    }),
    itemsField: Type.Optional(
      Path('Dotted path to the list in the response (e.g. data.items); the response itself when absent.'),
    ),
    idField: Path('Dotted path to each record’s id.'),
    cursorField: Path(
      'Dotted path to the value that grows as records change (e.g. updated_at or a sequence number).',
    ),
    cursorParam: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Query parameter the last cursor is sent in, so the endpoint returns only what changed.',
      }),
    ),
    headers: Type.Optional(Type.Record(Type.String(), Type.String())),
    intervalSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 86_400, default: 60 })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000, default: 10_000 })),
  },
  { additionalProperties: false },
);

/**
 * `http.poll`: asks an endpoint for records changed since the cursor and starts one execution per
 * changed record. The cursor is the greatest `cursorField` value seen; each record's dedupe key is
 * `<id>@<cursor value>`, so a record runs again when it changes and never twice for one change,
 * even if the endpoint ignores the cursor parameter and returns everything.
 *
 * @example
 * { "type": "http.poll", "config": { "url": "https://wms.example.com/shipments", "idField": "id",
 *   "cursorField": "updated_at", "cursorParam": "updated_since" }, "credential": "wms" }
 */
export const pollEndpointTrigger = defineTrigger({
  type: 'http.poll',
  title: 'Poll an HTTP endpoint',
  description: 'Starts the flow for every record an endpoint reports as new or changed since the last poll.',
  configSchema: PollEndpointConfigSchema,
  credential: { types: httpCredentialTypes, required: false },
  defaultIntervalSeconds: 60,
  async poll(ctx) {
    const url = new URL(ctx.config.url);
    const previous =
      typeof ctx.cursor === 'string' || typeof ctx.cursor === 'number' ? ctx.cursor : undefined;
    if (ctx.config.cursorParam && previous !== undefined)
      url.searchParams.set(ctx.config.cursorParam, String(previous));
    const auth = credentialHeaders(ctx.credential);
    const result = await sendRequest(ctx.http, {
      method: 'GET',
      idempotent: true,
      url: url.href,
      headers: { accept: 'application/json', ...(ctx.config.headers ?? {}), ...auth.headers },
      body: undefined,
      sensitiveHeaders: auth.sensitive,
      timeoutMs: ctx.config.timeoutMs ?? 10_000,
      maxResponseBytes: 20 * 1024 * 1024,
      responseFormat: 'json',
      accept: successMatcher(undefined),
    });
    const list = ctx.config.itemsField ? valueAt(result.body, ctx.config.itemsField) : result.body;
    if (!Array.isArray(list)) {
      throw userError({
        code: 'POLL_NOT_A_LIST',
        message: `The response of ${url.host} has no list${ctx.config.itemsField ? ` at "${ctx.config.itemsField}"` : ''}; set itemsField to where the records are.`,
      });
    }
    let cursor = previous;
    const items: PolledItem[] = [];
    for (const record of list) {
      const id = valueAt(record, ctx.config.idField);
      const version = valueAt(record, ctx.config.cursorField);
      if (
        (typeof id !== 'string' && typeof id !== 'number') ||
        (typeof version !== 'string' && typeof version !== 'number')
      )
        continue;
      if (previous !== undefined && compare(version, previous) < 0) continue;
      items.push({ payload: record, dedupeKey: `${id}@${version}` });
      if (cursor === undefined || compare(version, cursor) > 0) cursor = version;
    }
    return { items, cursor };
  },
});

function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Numbers compare as numbers; anything else as text (ISO dates sort correctly as text). */
function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
