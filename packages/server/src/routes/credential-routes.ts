import { Type } from '@sinclair/typebox';
import { actorOf, scopeOf } from '../auth/principal.js';
import { ApiError, notFound } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { withSettings } from './credential-settings.js';
import { AnyObject, ErrorResponse } from './schemas.js';

const CredentialId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,99}$' });
const MaxConcurrency = Type.Union([Type.Integer({ minimum: 1, maximum: 10_000 }), Type.Null()], {
  description: 'Calls with this credential at once across all workers; null for no limit.',
});
const CredentialMeta = Type.Object({
  id: Type.String(),
  type: Type.String(),
  name: Type.String(),
  allowedHosts: Type.Array(Type.String()),
  maxConcurrency: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  settings: Type.Optional(
    Type.Record(Type.String(), Type.String(), {
      description:
        'Values of the fields its type marks as not secret (e.g. a URL, a login, a partner profile); secrets never.',
    }),
  ),
});
const Hosts = Type.Array(Type.String({ minLength: 1, maxLength: 253 }), { maxItems: 50 });

/** Credentials: secrets go in and never come out; reads return metadata only. */
export function credentialRoutes(deps: ServerDeps) {
  const { store } = deps;
  const Params = Type.Object({ credentialId: CredentialId });
  return [
    defineRoute({
      method: 'post',
      path: '/api/credentials',
      operationId: 'createCredential',
      summary: 'Store a credential; its values are encrypted and never returned',
      tag: 'credentials',
      permission: 'credentials:write',
      body: Type.Object(
        {
          id: CredentialId,
          type: Type.String({ minLength: 1, maxLength: 100 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          values: AnyObject,
          allowedHosts: Type.Optional(Hosts),
          maxConcurrency: Type.Optional(MaxConcurrency),
        },
        { additionalProperties: false },
      ),
      responses: {
        201: { description: 'Stored', schema: CredentialMeta },
        409: { description: 'Exists', schema: ErrorResponse },
      },
      handler: async ({ body, c }) => {
        if (await store.credentials.get(body.id)) {
          throw new ApiError(
            409,
            'CREDENTIAL_EXISTS',
            `A credential with the id "${body.id}" already exists.`,
            { pointer: '/body/id' },
          );
        }
        // A partner's credentials belong to the partner: only its accounts (and admins) see them.
        const meta = await store.credentials.create({ ...body, ...scopeOf(c) });
        await store.audit.append({
          actor: actorOf(c),
          action: 'credential.create',
          targetType: 'credential',
          targetId: body.id,
          details: { type: body.type },
        });
        return json(201, await withSettings(deps, meta));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/credentials',
      operationId: 'listCredentials',
      summary: 'List credentials (no secret values)',
      tag: 'credentials',
      permission: 'credentials:read',
      responses: {
        200: { description: 'Credentials', schema: Type.Object({ items: Type.Array(CredentialMeta) }) },
      },
      handler: async ({ c }) => {
        const items = await store.credentials.list(scopeOf(c));
        return json(200, { items: await Promise.all(items.map((meta) => withSettings(deps, meta))) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/credentials/{credentialId}',
      operationId: 'getCredential',
      summary: 'Read a credential (no secret values)',
      tag: 'credentials',
      permission: 'credentials:read',
      params: Params,
      responses: {
        200: { description: 'The credential', schema: CredentialMeta },
        404: { description: 'Not found', schema: ErrorResponse },
      },
      handler: async ({ params }) => {
        const meta = await store.credentials.get(params.credentialId);
        if (!meta) throw notFound('credential', params.credentialId);
        return json(200, await withSettings(deps, meta));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/credentials/{credentialId}',
      operationId: 'updateCredential',
      summary: 'Change a credential; values given replace stored ones field by field (null removes one)',
      tag: 'credentials',
      permission: 'credentials:write',
      params: Params,
      body: Type.Object(
        {
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          values: Type.Optional(AnyObject),
          allowedHosts: Type.Optional(Hosts),
          maxConcurrency: Type.Optional(MaxConcurrency),
        },
        { additionalProperties: false },
      ),
      responses: {
        200: { description: 'Updated', schema: CredentialMeta },
        404: { description: 'Not found', schema: ErrorResponse },
      },
      handler: async ({ params, body, c }) => {
        const meta = await store.credentials.update(params.credentialId, body);
        if (!meta) throw notFound('credential', params.credentialId);
        await store.audit.append({
          actor: actorOf(c),
          action: 'credential.update',
          targetType: 'credential',
          targetId: params.credentialId,
          details: { fields: Object.keys(body.values ?? {}) },
        });
        return json(200, await withSettings(deps, meta));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/credentials/{credentialId}/test',
      operationId: 'testCredential',
      summary: 'Ask the external system whether it accepts the credential',
      tag: 'credentials',
      permission: 'credentials:write',
      params: Params,
      responses: {
        200: {
          description: 'The answer (ok false: the system refused it, with its reason)',
          schema: Type.Object({ ok: Type.Boolean(), message: Type.String() }),
        },
        404: { description: 'Not found', schema: ErrorResponse },
        422: { description: 'Its type has no test', schema: ErrorResponse },
      },
      handler: async ({ params, c }) => {
        const credential = await store.credentials.reveal(params.credentialId);
        if (!credential) throw notFound('credential', params.credentialId);
        const result = await deps.invoker.testCredential(credential, AbortSignal.timeout(20_000));
        if (!result) {
          throw new ApiError(
            422,
            'CREDENTIAL_NOT_TESTABLE',
            `Credentials of type "${credential.type}" have no test; try the credential in a test run instead.`,
          );
        }
        // The answer may quote the system's reply: keep the credential's own secrets out of it.
        const message = Object.values(credential.values)
          .filter((value): value is string => typeof value === 'string' && value.length >= 4)
          .reduce((text, secret) => text.replaceAll(secret, '[redacted]'), result.message);
        await store.audit.append({
          actor: actorOf(c),
          action: 'credential.test',
          targetType: 'credential',
          targetId: params.credentialId,
          details: { ok: result.ok },
        });
        return json(200, { ok: result.ok, message });
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/credentials/{credentialId}',
      operationId: 'deleteCredential',
      summary: 'Delete a credential',
      tag: 'credentials',
      permission: 'credentials:write',
      params: Params,
      responses: {
        204: { description: 'Deleted' },
        404: { description: 'Not found', schema: ErrorResponse },
      },
      handler: async ({ params, c }) => {
        if (!(await store.credentials.delete(params.credentialId)))
          throw notFound('credential', params.credentialId);
        await store.audit.append({
          actor: actorOf(c),
          action: 'credential.delete',
          targetType: 'credential',
          targetId: params.credentialId,
        });
        return c.body(null, 204);
      },
    }),
  ];
}
