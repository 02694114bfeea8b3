import { Type } from '@sinclair/typebox';
import { defineOperation, WaybillError } from '@waybill/connector-kit';
import { errorEntriesOf, salesforceApiError } from '../errors.js';
import { SALESFORCE_CREDENTIAL, salesforceFor } from './support/salesforce.js';

const SubrequestSchema = Type.Object(
  {
    method: Type.Union([
      Type.Literal('GET'),
      Type.Literal('POST'),
      Type.Literal('PATCH'),
      Type.Literal('DELETE'),
    ]),
    url: Type.String({
      minLength: 1,
      description: 'e.g. sobjects/Account/External_Id__c/CUST-0001, or a full /services/data/vXX.X/… path.',
    }),
    referenceId: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_]*$', maxLength: 80 }),
    body: Type.Optional(Type.Unknown()),
    httpHeaders: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { additionalProperties: false },
);

const ResultSchema = Type.Object({
  referenceId: Type.String(),
  httpStatusCode: Type.Integer(),
  ok: Type.Boolean(),
  body: Type.Unknown(),
});

/**
 * `salesforce.composite`: up to 25 subrequests in one call (`POST /composite`), later ones using
 * earlier answers as `@{referenceId.id}`. With `allOrNone` (the default) a failing subrequest
 * rolls every change back and fails the node with that subrequest's error; without it, the
 * results say which succeeded. One call.
 *
 * @example
 * { "type": "salesforce.composite", "credential": "sf-prod", "config": { "allOrNone": true } }
 * // input: { "subrequests": [
 * //   { "method": "PATCH", "url": "sobjects/Account/External_Id__c/CUST-0100", "referenceId": "account", "body": { "Name": "New Co" } },
 * //   { "method": "PATCH", "url": "sobjects/Contact/External_Id__c/CONT-0100", "referenceId": "contact",
 * //     "body": { "LastName": "Cooper", "AccountId": "@{account.id}" } } ] }
 */
export const compositeOperation = defineOperation({
  type: 'salesforce.composite',
  title: 'Composite request',
  description: 'Sends up to 25 REST subrequests in one call, all saved or none with allOrNone.',
  icon: 'layers',
  effect: 'write',
  idempotency: 'none',
  idempotencyNote:
    'Repeating it repeats every subrequest: build it from PATCH upserts by external id (sobjects/<Object>/<Field>/<value>) so that a retry overwrites instead of creating again.',
  configSchema: Type.Object(
    {
      allOrNone: Type.Optional(
        Type.Boolean({ default: true, description: 'Roll everything back when one subrequest fails.' }),
      ),
      collateSubrequests: Type.Optional(Type.Boolean({ default: false })),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    { subrequests: Type.Array(SubrequestSchema, { minItems: 1, maxItems: 25 }) },
    { additionalProperties: false },
  ),
  outputSchema: Type.Object({ succeeded: Type.Boolean(), results: Type.Array(ResultSchema) }),
  credential: SALESFORCE_CREDENTIAL,
  async run(ctx) {
    const salesforce = salesforceFor(ctx);
    const allOrNone = ctx.config.allOrNone ?? true;
    const base = `/services/data/v${salesforce.apiVersion}/`;
    const subrequests = ctx.input.subrequests.map((sub) => ({
      ...sub,
      url: sub.url.startsWith('/services/') ? sub.url : `${base}${sub.url.replace(/^\/+/, '')}`,
    }));
    const answer = await salesforce.request({
      method: 'POST',
      path: 'composite',
      json: {
        allOrNone,
        collateSubrequests: ctx.config.collateSubrequests ?? false,
        compositeRequest: subrequests,
      },
      action: 'the composite request',
      // Without a create among them, sending the subrequests twice does no harm.
      idempotent: subrequests.every((sub) => sub.method !== 'POST'),
      timeoutMs: 120_000,
    });
    const results = resultsOf(answer.body);
    const failed =
      results.find((result) => !result.ok && !isHalted(result.body)) ?? results.find((result) => !result.ok);
    if (allOrNone && failed) {
      const sub = subrequests.find((candidate) => candidate.referenceId === failed.referenceId);
      const where = sub ? ` (${sub.method} ${sub.url.replace(base, '')})` : '';
      const entries = errorEntriesOf(failed.body) ?? [
        { errorCode: `HTTP_${failed.httpStatusCode}`, message: '' },
      ];
      const error = salesforceApiError(entries, {
        host: salesforce.host,
        action: `the subrequest "${failed.referenceId}"${where}, so the whole composite request was rolled back and nothing was saved`,
        status: failed.httpStatusCode,
        body: JSON.stringify(failed.body),
      });
      throw new WaybillError({
        ...error.info,
        details: { referenceId: failed.referenceId, errors: entries, results },
      });
    }
    return { succeeded: results.every((result) => result.ok), results };
  },
});

function resultsOf(body: unknown) {
  const list =
    typeof body === 'object' &&
    body !== null &&
    'compositeResponse' in body &&
    Array.isArray(body.compositeResponse)
      ? body.compositeResponse
      : [];
  return list.map((item: unknown) => {
    const record = typeof item === 'object' && item !== null ? item : {};
    const status =
      'httpStatusCode' in record && typeof record.httpStatusCode === 'number' ? record.httpStatusCode : 0;
    return {
      referenceId:
        'referenceId' in record && typeof record.referenceId === 'string' ? record.referenceId : '',
      httpStatusCode: status,
      ok: status >= 200 && status < 300,
      body: 'body' in record ? record.body : null,
    };
  });
}

function isHalted(body: unknown): boolean {
  return errorEntriesOf(body)?.every((entry) => entry.errorCode === 'PROCESSING_HALTED') ?? false;
}
