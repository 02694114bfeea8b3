import { Hono } from 'hono';
import { badRequest, errorResponse } from '../errors.js';
import type { SimCore } from '../sim-core.js';
import { jsonBody, userOf, versionOf } from './request.js';

const MAX_SUBREQUESTS = 25;
const ROLLED_BACK = 'The transaction was rolled back since another operation in the same transaction failed.';

/**
 * `POST /services/data/vXX.X/composite`: up to 25 subrequests run in order against the data
 * routes, one API call in all. A subrequest may use an earlier one's answer with
 * `@{referenceId.path}` (`@{newAccount.id}`, `@{found.records[0].Id}`) in its URL or body. The
 * answer is always 200 with one result per subrequest; with `allOrNone` the first failure rolls
 * everything back and every other result becomes 400 PROCESSING_HALTED.
 */
export function compositeRoutes(core: SimCore, data: Hono): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error));
  app.post('/services/data/:version/composite', async (c) => {
    userOf(core, c);
    versionOf(c);
    const request = await jsonBody(c);
    const subrequests = subrequestsOf(request);
    const allOrNone = isRecord(request) && request.allOrNone === true;
    const origin = new URL(c.req.url).origin;
    const authorization = c.req.header('authorization') ?? '';
    const before = allOrNone ? core.store.snapshot() : undefined;
    const answers = new Map<string, unknown>();
    let results: SubrequestResult[] = [];
    let failed = -1;
    for (const [index, sub] of subrequests.entries()) {
      if (failed >= 0 && allOrNone) {
        results.push(halted(sub.referenceId, ROLLED_BACK));
        continue;
      }
      let url: string;
      let body: unknown;
      try {
        url = substitute(sub.url, answers);
        body = sub.body === undefined ? undefined : substituteDeep(sub.body, answers);
      } catch (error) {
        results.push(halted(sub.referenceId, error instanceof Error ? error.message : String(error)));
        if (failed < 0) failed = index;
        continue;
      }
      const result = await run(data, origin, authorization, sub, url, body);
      results.push(result);
      if (result.httpStatusCode < 300) answers.set(sub.referenceId, result.body);
      else if (result.httpStatusCode >= 400 && failed < 0) failed = index;
    }
    if (before && failed >= 0) {
      core.store.restore(before);
      results = results.map((result, index) =>
        index === failed ? result : halted(result.referenceId, ROLLED_BACK),
      );
    }
    return c.json({ compositeResponse: results });
  });
  return app;
}

interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
}

interface SubrequestResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

async function run(
  data: Hono,
  origin: string,
  authorization: string,
  sub: Subrequest,
  url: string,
  body: unknown,
): Promise<SubrequestResult> {
  if (!url.startsWith('/services/data/v')) {
    return {
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
      httpHeaders: {},
      httpStatusCode: 404,
      referenceId: sub.referenceId,
    };
  }
  const response = await data.fetch(
    new Request(new URL(url, origin), {
      method: sub.method,
      headers: { ...sub.httpHeaders, authorization, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  const parsed: unknown = text === '' ? null : JSON.parse(text);
  const httpHeaders: Record<string, string> = {};
  if (response.status === 201 && isRecord(parsed) && typeof parsed.id === 'string') {
    httpHeaders.Location = `${url.split('?')[0]}/${parsed.id}`;
  }
  return { body: parsed, httpHeaders, httpStatusCode: response.status, referenceId: sub.referenceId };
}

function subrequestsOf(request: unknown): Subrequest[] {
  const list = isRecord(request) ? request.compositeRequest : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw badRequest('JSON_PARSER_ERROR', 'compositeRequest must be a non-empty array of subrequests');
  }
  if (list.length > MAX_SUBREQUESTS) {
    throw badRequest('INVALID_INPUT', `Exceeded max limit of subrequests allowed: ${MAX_SUBREQUESTS}`);
  }
  const seen = new Set<string>();
  return list.map((item) => {
    const method = isRecord(item) && typeof item.method === 'string' ? item.method.toUpperCase() : '';
    const url = isRecord(item) && typeof item.url === 'string' ? item.url : '';
    const referenceId = isRecord(item) && typeof item.referenceId === 'string' ? item.referenceId : '';
    if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method) || url === '') {
      throw badRequest(
        'JSON_PARSER_ERROR',
        'Each subrequest needs a method (GET, POST, PATCH, PUT or DELETE) and a url',
      );
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9_]*$/.test(referenceId) || seen.has(referenceId)) {
      throw badRequest(
        'INVALID_INPUT',
        `Invalid reference id: ${referenceId}. Reference ids must be unique, start with a letter or a number, and contain only letters, numbers and underscores.`,
      );
    }
    seen.add(referenceId);
    const headers = isRecord(item) && isRecord(item.httpHeaders) ? item.httpHeaders : {};
    return {
      method,
      url,
      referenceId,
      ...(isRecord(item) && item.body !== undefined ? { body: item.body } : {}),
      httpHeaders: Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, String(value)])),
    };
  });
}

const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;

function substitute(text: string, answers: Map<string, unknown>): string {
  return text.replace(REFERENCE, (expression, ref: string, path: string) =>
    String(resolve(expression, ref, path, answers)),
  );
}

function substituteDeep(value: unknown, answers: Map<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}$/.exec(value);
    // A whole-string reference keeps the referenced value's JSON type (a number stays a number).
    if (whole) return resolve(value, whole[1] ?? '', whole[2] ?? '', answers);
    return substitute(value, answers);
  }
  if (Array.isArray(value)) return value.map((item) => substituteDeep(item, answers));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substituteDeep(item, answers)]),
    );
  }
  return value;
}

function resolve(expression: string, ref: string, path: string, answers: Map<string, unknown>) {
  let current: unknown = answers.get(ref);
  for (const step of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
    const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
    current =
      typeof key === 'number'
        ? Array.isArray(current)
          ? current[key]
          : undefined
        : isRecord(current)
          ? current[key]
          : undefined;
  }
  if (current === undefined || current === null || typeof current === 'object') {
    throw new Error(`Invalid reference specified. No value for ${expression.slice(2, -1)} found in ${ref}.`);
  }
  return current;
}

function halted(referenceId: string, message: string): SubrequestResult {
  return {
    body: [{ errorCode: 'PROCESSING_HALTED', message }],
    httpHeaders: {},
    httpStatusCode: 400,
    referenceId,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
