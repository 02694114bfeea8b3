import { toErrorInfo } from '@waybill/connector-kit';
import { describe, expect, it } from 'vitest';
import { graphqlErrors, shopifyStatusError, shopifyUserErrors } from './errors.js';

/** Shopify's error answers in Waybill's taxonomy. */

const url = new URL('https://acme.myshopify.com/admin/api/2025-01/graphql.json');
const status = (code: number, body = '{"errors":"Not Found"}', headers: Record<string, string> = {}) =>
  toErrorInfo(shopifyStatusError({ status: code, url, headers, body }, 'shopify-acme'));

describe('Shopify error mapping', () => {
  it('says which credential to fix for a 401 and never retries it', () => {
    expect(
      status(
        401,
        '{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}',
      ),
    ).toEqual({
      kind: 'connector',
      code: 'UNAUTHORIZED',
      retryable: false,
      message:
        'Shopify at acme.myshopify.com did not accept the access token ([API] Invalid API key or access token (unrecognized login or wrong password)); check the Admin API access token in the credential "shopify-acme" (reinstalling the app issues a new one).',
      upstream: {
        status: 401,
        body: '{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}',
      },
    });
  });

  it.each([
    [402, 'SHOPIFY_SHOP_FROZEN'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [423, 'SHOPIFY_SHOP_LOCKED'],
  ])('treats HTTP %i as the final %s', (code, expected) => {
    expect(status(code)).toMatchObject({ kind: 'connector', code: expected, retryable: false });
  });

  it('turns REST validation errors (field → messages) into a user error with the reasons', () => {
    expect(
      status(422, '{"errors":{"title":["can\'t be blank"],"price":["must be a number"]}}'),
    ).toMatchObject({
      kind: 'user',
      code: 'SHOPIFY_HTTP_422',
      message:
        "Shopify at acme.myshopify.com rejected the request (title can't be blank; price must be a number); check the node's input and config.",
    });
  });

  it('leaves 5xx retryable with the Retry-After delay', () => {
    expect(status(503, 'busy', { 'retry-after': '3' })).toMatchObject({
      kind: 'connector',
      code: 'HTTP_503',
      retryable: true,
      retryAfterMs: 3000,
    });
  });

  it('joins userErrors into one sentence with their field paths and keeps them in details', () => {
    const info = toErrorInfo(
      shopifyUserErrors('refundCreate', [
        {
          field: ['refundLineItems', '0', 'quantity'],
          message: 'Quantity cannot refund more items than were purchased.',
        },
        { field: null, message: 'Order is archived', code: 'INVALID' },
      ]),
    );
    expect(info).toEqual({
      kind: 'user',
      code: 'SHOPIFY_USER_ERROR',
      retryable: false,
      message:
        'Shopify refused refundCreate: refundLineItems.0.quantity: Quantity cannot refund more items than were purchased; Order is archived.',
      details: {
        userErrors: [
          {
            field: ['refundLineItems', '0', 'quantity'],
            message: 'Quantity cannot refund more items than were purchased.',
          },
          { field: null, message: 'Order is archived', code: 'INVALID' },
        ],
      },
      upstream: { code: 'INVALID' },
    });
  });

  it('reads a query the API version does not know as a final error pointing at the version', () => {
    const info = toErrorInfo(
      graphqlErrors(
        [{ message: "Field 'fulfillmentCreate' doesn't exist on type 'Mutation'" }],
        'acme.myshopify.com',
        '2024-07',
      ),
    );
    expect(info).toMatchObject({
      kind: 'connector',
      code: 'SHOPIFY_INVALID_QUERY',
      retryable: false,
      message:
        "Shopify API version 2024-07 at acme.myshopify.com did not accept the connector's query (Field 'fulfillmentCreate' doesn't exist on type 'Mutation'); check the credential's API version.",
    });
  });
});
