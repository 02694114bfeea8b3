import type { Problem } from '@waybill/flow';

/**
 * An error the API answers with a 4xx (or 5xx for trouble behind it) and a sentence. Handlers
 * throw it; the error middleware turns it into `{ error: { code, message, pointer?, problems? }, requestId }`.
 *
 * @example
 * throw new ApiError(404, 'FLOW_NOT_FOUND', 'There is no flow "orders".');
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503,
    readonly code: string,
    message: string,
    readonly extra: { pointer?: string; problems?: Problem[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(404, `${what.toUpperCase().replaceAll(' ', '_')}_NOT_FOUND`, `There is no ${what} "${id}".`);

export interface ErrorBody {
  error: { code: string; message: string; pointer?: string; problems?: Problem[] };
  requestId: string;
}

/**
 * The 400 for a cursor this API did not hand out (edited, or from another list).
 *
 * @example
 * if (cursor && error instanceof StoreInputError) throw invalidCursor();
 */
export function invalidCursor(): ApiError {
  return new ApiError(
    400,
    'INVALID_CURSOR',
    'The cursor is not one this API handed out; start again without it.',
    {
      pointer: '/query/cursor',
    },
  );
}
