import { GraphQLError } from 'graphql';

/**
 * Relay-style connections as Shopify pages them: opaque cursors naming the sort key of an item
 * (so a page stays right when items before it change), `first`/`after` forward and
 * `last`/`before` backward, at most 250 per page.
 */

/**
 * The paging arguments of a connection field.
 *
 * @example
 * const args: PageArgs = { first: 50, after: 'eyJsYXN0X2lkIjo…' };
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

type SortKey = readonly [string | number, number];

const MAX_PAGE = 250;

/**
 * One page of `items` (already filtered and sorted by `keyOf`, ascending unless `reverse`).
 *
 * @example
 * connection(orders, { first: 2 }, (order) => [order.updatedAt, order.id], toView);
 */
export function connection<T, V>(
  items: readonly T[],
  args: PageArgs,
  keyOf: (item: T) => SortKey,
  view: (item: T) => V,
  reverse = false,
) {
  const { first, last } = args;
  if (first === undefined || first === null) {
    if (last === undefined || last === null) {
      throw new GraphQLError('you must provide one of first or last', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  }
  const size = first ?? last ?? 0;
  if (size > MAX_PAGE || size < 0) {
    throw new GraphQLError(
      `The ${first !== undefined && first !== null ? 'first' : 'last'} argument must be between 0 and ${MAX_PAGE}.`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  const compare = (a: SortKey, b: SortKey) => {
    const order = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
    return reverse ? -order : order;
  };
  const after = args.after ? decodeCursor(args.after) : undefined;
  const before = args.before ? decodeCursor(args.before) : undefined;
  let window = items.filter(
    (item) =>
      (after === undefined || compare(keyOf(item), after) > 0) &&
      (before === undefined || compare(keyOf(item), before) < 0),
  );
  const total = window.length;
  window =
    first !== undefined && first !== null
      ? window.slice(0, size)
      : window.slice(Math.max(0, window.length - size));
  const edges = window.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: view(item) }));
  const isForward = first !== undefined && first !== null;
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: isForward ? total > window.length : before !== undefined,
      hasPreviousPage: isForward ? after !== undefined : total > window.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify({ last_id: key[1], last_value: key[0] })).toString('base64url');
}

function decodeCursor(cursor: string): SortKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'last_id' in parsed &&
      typeof parsed.last_id === 'number' &&
      'last_value' in parsed &&
      (typeof parsed.last_value === 'number' || typeof parsed.last_value === 'string')
    ) {
      return [parsed.last_value, parsed.last_id];
    }
  } catch {
    // Falls through to the error Shopify gives for a cursor it did not issue.
  }
  throw new GraphQLError('Invalid cursor for current pagination sort.', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}
