/**
 * A userErrors entry as a mutation payload carries it.
 *
 * @example
 * const error: SimUserError = { field: ['input', 'reason'], message: 'The specified reason is invalid.', code: 'INVALID_REASON' };
 */
export interface SimUserError {
  field: string[] | null;
  message: string;
  code?: string;
}

/**
 * The outcome of a simulated mutation: what it made, or why it refused (nothing changed then).
 *
 * @example
 * const outcome: Outcome<{ id: number }> = { userErrors: [{ field: null, message: 'Order does not exist' }] };
 */
export type Outcome<T> =
  | { value: T; userErrors?: undefined }
  | { value?: undefined; userErrors: SimUserError[] };

/**
 * The number at the end of a global id, or undefined when it is not one of `type`.
 *
 * @example
 * idOf('gid://shopify/Order/1', 'Order'); // 1
 */
export function idOf(value: string, type: string): number | undefined {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/.exec(value);
  if (!match || match[1] !== type) return undefined;
  return Number(match[2]);
}
