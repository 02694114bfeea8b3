import { Hono } from 'hono';
import { toId18 } from '../data/ids.js';
import { allObjects, findField } from '../data/schema.js';
import type { ObjectDef } from '../data/schema-types.js';
import {
  createRecord,
  externalIdField,
  findByExternalId,
  updateRecord,
  upsertRecord,
  type Writer,
} from '../data/write.js';
import { badRequest, errorResponse, notFound } from '../errors.js';
import type { SimCore } from '../sim-core.js';
import { attributesOf, renderRecord } from '../soql/render.js';
import { describeField } from './describe.js';
import { jsonBody, majorOf, objectParam, userOf, versionOf } from './request.js';

/**
 * The sObject resources under `/services/data/vXX.X/sobjects`: describeGlobal, describe, create,
 * read, update and delete by id, and read, upsert and delete by external id. Success answers
 * follow the REST API: 201 `{ id, success, errors }` for a create (plus `created: true` from v46.0),
 * 204 for an update or delete, and for an upsert that updated, 200 with `created: false` from
 * v46.0 or 204 before; 300 with the matching records' URLs when an external id is not unique.
 */
export function sobjectRoutes(core: SimCore): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error));
  const base = '/services/data/:version/sobjects';
  const writer = (c: Parameters<typeof userOf>[1]): Writer => ({
    store: core.store,
    userId: userOf(core, c),
  });

  app.get(base, (c) => {
    const version = versionOf(c);
    return c.json({
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: allObjects().map((object) => ({ ...summary(version, object) })),
    });
  });

  app.get(`${base}/:object/describe`, (c) => {
    const object = objectParam(c);
    return c.json({ ...summary(versionOf(c), object), fields: object.fields.map(describeField) });
  });

  app.get(`${base}/:object`, (c) => {
    const object = objectParam(c);
    return c.json({ objectDescribe: summary(versionOf(c), object), recentItems: [] });
  });

  app.post(`${base}/:object`, async (c) => {
    const object = objectParam(c);
    const record = createRecord(writer(c), object, await jsonBody(c));
    const created = majorOf(versionOf(c)) >= 46 ? { created: true } : {};
    return c.json({ id: record.Id, success: true, errors: [], ...created }, 201);
  });

  app.get(`${base}/:object/:id`, (c) => {
    const object = objectParam(c);
    const record = recordById(core, object, c.req.param('id'));
    return c.json(renderRecord(versionOf(c), object, record, fieldsParam(object, c.req.query('fields'))));
  });

  app.patch(`${base}/:object/:id`, async (c) => {
    const object = objectParam(c);
    const record = recordById(core, object, c.req.param('id'));
    updateRecord(writer(c), object, record.Id, await jsonBody(c));
    return c.body(null, 204);
  });

  app.delete(`${base}/:object/:id`, (c) => {
    const object = objectParam(c);
    const record = recordById(core, object, c.req.param('id'));
    userOf(core, c);
    core.store.remove(object, record.Id);
    return c.body(null, 204);
  });

  app.get(`${base}/:object/:field/:value`, (c) => {
    const object = objectParam(c);
    const field = externalIdField(object, c.req.param('field'));
    const matches = findByExternalId(core.store, object, field, c.req.param('value'));
    const version = versionOf(c);
    if (matches.length > 1)
      return c.json(
        matches.map((record) => attributesOf(version, object, record.Id).url),
        300,
      );
    const [record] = matches;
    if (!record) throw notFound();
    return c.json(renderRecord(version, object, record, fieldsParam(object, c.req.query('fields'))));
  });

  app.patch(`${base}/:object/:field/:value`, async (c) => {
    const object = objectParam(c);
    const version = versionOf(c);
    const outcome = upsertRecord(
      writer(c),
      object,
      c.req.param('field'),
      c.req.param('value'),
      await jsonBody(c),
      c.req.query('updateOnly') === 'true',
    );
    if (outcome.kind === 'multiple') {
      return c.json(
        outcome.ids.map((id) => attributesOf(version, object, id).url),
        300,
      );
    }
    const modern = majorOf(version) >= 46;
    if (outcome.kind === 'created') {
      return c.json(
        { id: outcome.record.Id, success: true, errors: [], ...(modern ? { created: true } : {}) },
        201,
      );
    }
    if (!modern) return c.body(null, 204);
    return c.json({ id: outcome.record.Id, success: true, errors: [], created: false }, 200);
  });

  app.delete(`${base}/:object/:field/:value`, (c) => {
    const object = objectParam(c);
    userOf(core, c);
    const field = externalIdField(object, c.req.param('field'));
    const matches = findByExternalId(core.store, object, field, c.req.param('value'));
    const version = versionOf(c);
    if (matches.length > 1)
      return c.json(
        matches.map((record) => attributesOf(version, object, record.Id).url),
        300,
      );
    const [record] = matches;
    if (!record) throw notFound();
    core.store.remove(object, record.Id);
    return c.body(null, 204);
  });

  return app;
}

function recordById(core: SimCore, object: ObjectDef, id: string) {
  const full = toId18(id);
  const record = full ? core.store.get(object, full) : undefined;
  if (!record) throw notFound();
  return record;
}

function fieldsParam(object: ObjectDef, fields: string | undefined): string[] | undefined {
  if (fields === undefined || fields.trim() === '') return undefined;
  return fields.split(',').map((name) => {
    const field = findField(object, name.trim());
    if (!field) {
      throw badRequest(
        'INVALID_FIELD',
        `No such column '${name.trim()}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    return field.name;
  });
}

function summary(version: string, object: ObjectDef) {
  const urls = {
    sobject: `/services/data/v${version}/sobjects/${object.name}`,
    describe: `/services/data/v${version}/sobjects/${object.name}/describe`,
    rowTemplate: `/services/data/v${version}/sobjects/${object.name}/{ID}`,
  };
  return {
    name: object.name,
    label: object.label,
    labelPlural: object.labelPlural,
    keyPrefix: object.keyPrefix,
    custom: object.custom,
    createable: object.name !== 'User',
    updateable: true,
    deletable: object.name !== 'User',
    queryable: true,
    urls,
  };
}
