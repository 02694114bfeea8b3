import { Type } from '@sinclair/typebox';

/** Shared request schemas of the API. */

export const FlowIdParam = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,99}$',
  description: 'Flow id, e.g. shopify-order-intake.',
});

export const FlowParams = Type.Object({ flowId: FlowIdParam });
export const ExecutionParams = Type.Object({ executionId: Type.String({ minLength: 1, maxLength: 100 }) });

export const RevisionRef = Type.Union(
  [Type.String({ pattern: '^[0-9a-f]{64}$' }), Type.Integer({ minimum: 1 })],
  {
    description: 'A revision hash, or its version number.',
  },
);

export const Problem = Type.Object({
  code: Type.String(),
  nodeId: Type.Optional(Type.String()),
  pointer: Type.String(),
  message: Type.String(),
});

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    pointer: Type.Optional(Type.String()),
    problems: Type.Optional(Type.Array(Problem)),
  }),
  requestId: Type.String(),
});

export const AnyObject = Type.Record(Type.String(), Type.Unknown());

/**
 * Cursor paging parameters of list routes; the cursor is opaque and handed out by the previous page.
 *
 * @example
 * query: Type.Composite([ExecutionQuery, pageQuery(50)])
 */
export function pageQuery(defaultLimit: number) {
  return Type.Object({
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: defaultLimit })),
  });
}

/** A user as the API shows them: never a password or its hash. */
export const UserView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  partnerId: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  hasPassword: Type.Boolean(),
  passwordChangeRequired: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  lastSignInAt: Type.Union([Type.String(), Type.Null()]),
});
