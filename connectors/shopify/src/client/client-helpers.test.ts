import { describe, expect, it } from 'vitest';
import { apiVersionOf, shopBaseUrl } from '../shop-url.js';
import { pageInfoLinks } from './link-header.js';
import { createThrottleRegistry, refillWaitMs } from './throttle.js';

describe('pageInfoLinks', () => {
  it('reads the next and previous page_info of a Link header', () => {
    const header =
      '<https://acme.myshopify.com/admin/api/2025-01/products.json?limit=2&page_info=eyJuZXh0Ijo=>; rel="previous", <https://acme.myshopify.com/admin/api/2025-01/products.json?limit=2&page_info=eyJsYXN0>; rel="next"';
    expect(pageInfoLinks(header)).toEqual({ previous: 'eyJuZXh0Ijo=', next: 'eyJsYXN0' });
  });

  it('answers nothing for a last page, a missing header or a link without page_info', () => {
    expect(
      pageInfoLinks(
        '<https://acme.myshopify.com/admin/api/2025-01/products.json?page_info=abc>; rel="previous"',
      ),
    ).toEqual({ previous: 'abc' });
    expect(pageInfoLinks(undefined)).toEqual({});
    expect(pageInfoLinks('<https://example.com/next>; rel=next')).toEqual({});
  });
});

describe('the shared bucket estimate', () => {
  const status = { maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50 };

  it('makes a call wait for the refill its expected cost needs, and refills with time', () => {
    let clock = 0;
    const throttle = createThrottleRegistry({ now: () => clock });
    throttle.observe(
      'shop',
      { requestedQueryCost: 150, actualQueryCost: 40, throttleStatus: status },
      'query A',
    );
    expect(throttle.reserve('shop', 'query A')).toBe(1000);
    clock = 1000;
    expect(throttle.status('shop')?.currentlyAvailable).toBe(0);
    expect(throttle.reserve('shop', 'query B')).toBe(0);
  });

  it('lines concurrent calls up one after another', () => {
    const throttle = createThrottleRegistry({ now: () => 0 });
    throttle.observe('shop', { requestedQueryCost: 60, actualQueryCost: 60, throttleStatus: status }, 'q');
    expect([
      throttle.reserve('shop', 'q'),
      throttle.reserve('shop', 'q'),
      throttle.reserve('shop', 'q'),
    ]).toEqual([0, 400, 1600]);
    throttle.release('shop', 'q');
    expect(throttle.status('shop')?.currentlyAvailable).toBe(-20);
  });

  it('computes the refill wait of a throttled query from the status Shopify reported', () => {
    expect(refillWaitMs(100, status)).toBe(0);
    expect(refillWaitMs(252, { ...status, currentlyAvailable: 2 })).toBe(5000);
    expect(refillWaitMs(10, { ...status, currentlyAvailable: 0, restoreRate: 0 })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe('the credential shop and API version', () => {
  it('takes a handle, a domain or a URL', () => {
    expect(shopBaseUrl('acme')).toBe('https://acme.myshopify.com');
    expect(shopBaseUrl(' acme.myshopify.com/admin ')).toBe('https://acme.myshopify.com');
    expect(shopBaseUrl('http://127.0.0.1:8081/')).toBe('http://127.0.0.1:8081');
  });

  it('defaults the API version to 2025-01 and refuses what is not a release', () => {
    expect(apiVersionOf(undefined)).toBe('2025-01');
    expect(apiVersionOf('unstable')).toBe('unstable');
    expect(() => apiVersionOf('2025-02')).toThrow('is not a Shopify API version');
    expect(() => shopBaseUrl('not a shop')).toThrow('is not a shop domain or URL');
  });
});
