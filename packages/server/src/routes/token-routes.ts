import { Type } from '@sinclair/typebox';
import { issueToken } from '../auth/account-admin.js';
import { signedIn } from '../auth/principal.js';
import { ApiError, notFound } from '../http/api-error.js';
import { defineRoute, json } from '../http/route.js';
import type { ServerDeps } from '../server-deps.js';
import { ErrorResponse } from './schemas.js';

const TokenView = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

/**
 * API tokens for scripts and CI. A token acts as the user who made it, with their role; its
 * secret is shown once at creation and stored only as a hash. Users manage their own tokens;
 * admins may list and revoke anyone's.
 */
export function tokenRoutes(deps: ServerDeps) {
  const { store } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/tokens',
      operationId: 'listTokens',
      summary: 'List your API tokens (admins: anyone’s, with userId)',
      tag: 'auth',
      permission: 'self',
      query: Type.Object({ userId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }),
      responses: {
        200: {
          description: 'Tokens, newest first, without secrets',
          schema: Type.Object({ items: Type.Array(TokenView) }),
        },
        403: { description: 'Only admins list other users’ tokens', schema: ErrorResponse },
      },
      handler: async ({ query, c }) => {
        const principal = signedIn(c);
        const userId = query.userId ?? principal.user.id;
        if (userId !== principal.user.id && !principal.permissions.has('users:manage')) {
          throw new ApiError(403, 'FORBIDDEN', 'Only admins can list the API tokens of other users.', {
            pointer: '/query/userId',
          });
        }
        return json(200, { items: await store.accounts.listTokens(userId) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tokens',
      operationId: 'createToken',
      summary: 'Create an API token acting as you; its secret is shown only in this answer',
      tag: 'auth',
      permission: 'self',
      body: Type.Object(
        {
          name: Type.String({
            minLength: 1,
            maxLength: 200,
            description: 'What it is for, e.g. "CI deploys".',
          }),
          expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
        },
        { additionalProperties: false },
      ),
      responses: {
        201: {
          description: 'Created; keep the secret, it cannot be shown again',
          schema: Type.Object({ token: TokenView, secret: Type.String() }),
        },
      },
      handler: async ({ body, c }) => {
        const principal = signedIn(c);
        const issued = await issueToken(
          store,
          { userId: principal.user.id, name: body.name, expiresInDays: body.expiresInDays },
          deps.now(),
        );
        await store.audit.append({
          actor: principal.user.email,
          action: 'token.create',
          targetType: 'token',
          targetId: issued.token.id,
          details: { name: body.name, expiresAt: issued.token.expiresAt },
        });
        return json(201, issued);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/tokens/{tokenId}',
      operationId: 'revokeToken',
      summary: 'Revoke an API token; it stops working at once',
      tag: 'auth',
      permission: 'self',
      params: Type.Object({ tokenId: Type.String({ minLength: 1, maxLength: 100 }) }),
      responses: {
        204: { description: 'Revoked' },
        404: { description: 'No such token of yours', schema: ErrorResponse },
      },
      handler: async ({ params, c }) => {
        const principal = signedIn(c);
        const token = await store.accounts.getToken(params.tokenId);
        // Someone else's token is "not found" to a non-admin: token ids are not to be probed.
        if (!token || (token.userId !== principal.user.id && !principal.permissions.has('users:manage'))) {
          throw notFound('token', params.tokenId);
        }
        await store.accounts.revokeToken(token.id);
        await store.audit.append({
          actor: principal.user.email,
          action: 'token.revoke',
          targetType: 'token',
          targetId: token.id,
          details: { name: token.name, userId: token.userId },
        });
        return c.body(null, 204);
      },
    }),
  ];
}
