import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../migrations/migrations.js';
import { CredentialDecryptionError, StoreConflictError, StoreNotFoundError } from '../store-errors.js';
import type { Store } from '../store-types.js';
import { definitionHash, flowDefinition, newExecution, uniqueId } from './fixtures.js';
import type { StoreHarness } from './store-contract.js';

export function describeFlowContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: flows, revisions and deployments`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness().open();
    });
    afterAll(() => store.close());

    it('opens a second time on the same database without migrating again, keeping the data', async () => {
      const id = uniqueId('flow');
      await store.flows.create({ id, name: 'Kept' });
      const again = await harness().open();
      try {
        expect((await again.flows.get(id))?.name).toBe('Kept');
        await again.ping();
      } finally {
        await again.close();
      }
      const applied = await harness().query<{ name: string }>(
        'select name from kysely_migration order by name',
      );
      expect(applied.map((row) => row.name)).toEqual(Object.keys(allMigrations('sqlite')));
    });

    it('creates a flow once and refuses a second flow with the same id', async () => {
      const id = uniqueId('flow');
      const flow = await store.flows.create({ id, name: 'Orders', description: 'Shopify to Odoo' });
      expect(flow).toMatchObject({
        id,
        name: 'Orders',
        description: 'Shopify to Odoo',
        latestRevision: null,
        deployedRevision: null,
      });
      await expect(store.flows.create({ id, name: 'Again' })).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store.flows.list()).filter((f) => f.id === id)).toHaveLength(1);
    });

    it('numbers revisions per flow and lets the flow follow the newest definition', async () => {
      const id = uniqueId('flow');
      await store.flows.create({ id, name: 'Draft' });
      const first = flowDefinition(id, 'Orders v1');
      const second = flowDefinition(id, 'Orders v2', 'Now with a description');
      const saved1 = await store.revisions.save(id, first, definitionHash(first), {
        createdBy: 'ana',
        message: 'first',
      });
      const saved2 = await store.revisions.save(id, second, definitionHash(second));
      expect(saved1).toMatchObject({
        created: true,
        revision: { version: 1, createdBy: 'ana', message: 'first', definition: first },
      });
      expect(saved2).toMatchObject({
        created: true,
        revision: { version: 2, createdBy: null, message: null },
      });
      const flow = await store.flows.get(id);
      expect(flow).toMatchObject({
        name: 'Orders v2',
        description: 'Now with a description',
        latestRevision: saved2.revision.hash,
      });
      expect((await store.revisions.list(id)).map((r) => r.version)).toEqual([2, 1]);
      expect((await store.revisions.get(id, 1))?.hash).toBe(saved1.revision.hash);
      expect((await store.revisions.get(id, saved2.revision.hash))?.version).toBe(2);
      expect(await store.revisions.get(id, 'no-such-hash')).toBeUndefined();
    });

    it('returns the existing revision, without a new version, when the same content is saved again', async () => {
      const id = uniqueId('flow');
      const definition = flowDefinition(id);
      const hash = definitionHash(definition);
      const first = await store.revisions.save(id, definition, hash);
      const again = await store.revisions.save(id, definition, hash, { message: 'no change' });
      expect(again).toEqual({ created: false, layoutUpdated: false, revision: first.revision });
      expect(await store.revisions.list(id)).toHaveLength(1);
    });

    it('keeps the version but stores the new layout when only the layout changed', async () => {
      const id = uniqueId('flow');
      const definition = flowDefinition(id);
      const first = await store.revisions.save(id, definition, definitionHash(definition));
      const arranged = {
        ...definition,
        layout: {
          nodes: { map: { x: 240, y: 0 } },
          notes: [{ id: 'n1', text: 'Ask finance', x: 0, y: 120 }],
        },
      };
      expect(definitionHash(arranged)).toBe(first.revision.hash);
      const again = await store.revisions.save(id, arranged, first.revision.hash);
      expect(again).toMatchObject({ created: false, layoutUpdated: true, revision: { version: 1 } });
      expect((await store.revisions.get(id, 1))?.definition.layout).toEqual(arranged.layout);
      expect(await store.revisions.list(id)).toHaveLength(1);
    });

    it('gives concurrent saves of different content distinct consecutive versions', async () => {
      const id = uniqueId('flow');
      await store.flows.create({ id, name: 'Busy' });
      const definitions = Array.from({ length: 8 }, (_, index) => flowDefinition(id, `Name ${index}`));
      const saved = await Promise.all(definitions.map((d) => store.revisions.save(id, d, definitionHash(d))));
      expect(saved.map((s) => s.revision.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('deploys, rolls back to an older revision and keeps both in the history', async () => {
      const id = uniqueId('flow');
      const v1 = flowDefinition(id, 'One');
      const v2 = flowDefinition(id, 'Two');
      const r1 = (await store.revisions.save(id, v1, definitionHash(v1))).revision;
      const r2 = (await store.revisions.save(id, v2, definitionHash(v2))).revision;
      await store.deployments.deploy(id, r1.hash, 'ana');
      await store.deployments.deploy(id, r2.hash, 'ana');
      const rollback = await store.deployments.deploy(id, r1.hash, null);
      expect(rollback).toMatchObject({ flowId: id, revisionHash: r1.hash, version: 1, deployedBy: null });
      expect(await store.deployments.current(id)).toEqual(rollback);
      expect((await store.deployments.history(id)).map((d) => d.version)).toEqual([1, 2, 1]);
      expect((await store.flows.get(id))?.deployedRevision).toBe(r1.hash);
      expect((await store.flows.list()).find((f) => f.id === id)).toMatchObject({
        latestRevision: r2.hash,
        deployedRevision: r1.hash,
      });
    });

    it('refuses to deploy a revision the flow does not have', async () => {
      const id = uniqueId('flow');
      await store.flows.create({ id, name: 'Empty' });
      await expect(store.deployments.deploy(id, 'missing')).rejects.toBeInstanceOf(StoreNotFoundError);
      expect(await store.deployments.current(id)).toBeUndefined();
    });

    it('deletes a flow with its revisions, deployment and cursors but keeps its executions', async () => {
      const id = uniqueId('flow');
      const definition = flowDefinition(id);
      const { revision } = await store.revisions.save(id, definition, definitionHash(definition));
      await store.deployments.deploy(id, revision.hash);
      await store.cursors.set(`${id}:poll`, { since: 1 });
      await store.cursors.set(`${id}x:poll`, { since: 2 });
      const execution = await store.executions.create(newExecution(id, { revisionHash: revision.hash }));
      expect(await store.flows.delete(id)).toBe(true);
      expect(await store.flows.delete(id)).toBe(false);
      expect(await store.flows.get(id)).toBeUndefined();
      expect(await store.revisions.list(id)).toEqual([]);
      expect(await store.deployments.current(id)).toBeUndefined();
      expect(await store.deployments.history(id)).toEqual([]);
      expect(await store.cursors.get(`${id}:poll`)).toBeUndefined();
      expect(await store.cursors.get(`${id}x:poll`)).toEqual({ since: 2 });
      expect((await store.executions.get(execution.id))?.flowId).toBe(id);
    });
  });

  describe(`${name}: credentials, audit and cursors`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await harness().open();
    });
    afterAll(() => store.close());

    it('keeps credential values encrypted at rest and decrypts them only on reveal', async () => {
      const id = uniqueId('cred');
      const secret = `shpat_${randomBytes(12).toString('hex')}`;
      const meta = await store.credentials.create({
        id,
        type: 'shopify',
        name: 'Shop',
        values: { token: secret, shop: 'acme' },
        allowedHosts: ['127.0.0.1'],
      });
      expect(meta).toMatchObject({ id, type: 'shopify', name: 'Shop', allowedHosts: ['127.0.0.1'] });
      expect(meta).not.toHaveProperty('values');
      expect(await store.credentials.get(id)).toEqual(meta);
      expect((await store.credentials.list()).find((c) => c.id === id)).toEqual(meta);

      const [raw] = await harness().query<{ secret: string }>('select secret from credentials where id = ?', [
        id,
      ]);
      expect(raw?.secret).toMatch(/^v2:[0-9a-f]{16}:/);
      expect(raw?.secret).not.toContain(secret);
      expect(raw?.secret).not.toContain('acme');

      expect(await store.credentials.reveal(id)).toEqual({
        ...meta,
        values: { token: secret, shop: 'acme' },
      });
      expect(await store.credentials.reveal('no-such-credential')).toBeUndefined();
    });

    it("lists a partner's credentials apart from the distributor's", async () => {
      const partner = uniqueId('partner');
      const id = uniqueId('cred');
      const meta = await store.credentials.create({
        id,
        type: 'http-bearer',
        name: 'Partner AS2',
        values: { token: 't' },
        partnerId: partner,
      });
      expect(meta.partnerId).toBe(partner);
      expect((await store.credentials.list({ partnerId: partner })).map((c) => c.id)).toEqual([id]);
      expect((await store.credentials.list()).find((c) => c.id === id)?.partnerId).toBe(partner);
    });

    it('merges updated values field by field, a null removing the field', async () => {
      const id = uniqueId('cred');
      await store.credentials.create({
        id,
        type: 'odoo',
        name: 'Odoo',
        values: { url: 'http://odoo', key: 'k1', db: 'main' },
      });
      const updated = await store.credentials.update(id, {
        name: 'Odoo prod',
        values: { key: 'k2', db: null },
        allowedHosts: ['odoo.local'],
      });
      expect(updated).toMatchObject({ name: 'Odoo prod', allowedHosts: ['odoo.local'] });
      expect((await store.credentials.reveal(id))?.values).toEqual({ url: 'http://odoo', key: 'k2' });
      expect(await store.credentials.update('no-such-credential', { name: 'x' })).toBeUndefined();
      expect(await store.credentials.delete(id)).toBe(true);
      expect(await store.credentials.delete(id)).toBe(false);
      expect(await store.credentials.get(id)).toBeUndefined();
    });

    it('refuses a second credential with the same id', async () => {
      const id = uniqueId('cred');
      await store.credentials.create({ id, type: 'x', name: 'X', values: {} });
      await expect(store.credentials.create({ id, type: 'x', name: 'X', values: {} })).rejects.toBeInstanceOf(
        StoreConflictError,
      );
    });

    it('reports a tampered ciphertext as a sentence instead of crashing', async () => {
      const id = uniqueId('cred');
      await store.credentials.create({ id, type: 'x', name: 'X', values: { password: 'hunter2' } });
      const [raw] = await harness().query<{ secret: string }>('select secret from credentials where id = ?', [
        id,
      ]);
      const parts = raw!.secret.split(':');
      const bytes = Buffer.from(parts[3] ?? '', 'base64');
      bytes[bytes.length - 1]! ^= 0xff;
      await harness().query('update credentials set secret = ? where id = ?', [
        [...parts.slice(0, 3), bytes.toString('base64')].join(':'),
        id,
      ]);
      const attempt = store.credentials.reveal(id);
      await expect(attempt).rejects.toBeInstanceOf(CredentialDecryptionError);
      await expect(attempt).rejects.toThrow(/could not be decrypted/);
      expect(await store.credentials.get(id)).toMatchObject({ id });
    });

    it('cannot reveal credentials with a different secret key', async () => {
      const id = uniqueId('cred');
      await store.credentials.create({ id, type: 'x', name: 'X', values: { password: 'hunter2' } });
      const other = await harness().open({ secretKey: randomBytes(32) });
      try {
        await expect(other.credentials.reveal(id)).rejects.toThrow(
          /is wrapped with the master key [0-9a-f]{16}, which this process does not have/,
        );
        expect((await other.credentials.get(id))?.id).toBe(id);
      } finally {
        await other.close();
      }
    });

    it('rotates every credential to a new master key while readers holding either key keep working', async () => {
      const oldKey = randomBytes(32);
      const newKey = randomBytes(32);
      // Started before the rotation; re-reading its key file would find the new key on top.
      const before = await harness().open({ secretKey: oldKey, reloadKeys: async () => [newKey, oldKey] });
      const ids = [uniqueId('cred'), uniqueId('cred')];
      try {
        for (const id of ids)
          await before.credentials.create({ id, type: 'x', name: 'X', values: { token: `t-${id}` } });
        const rotating = await harness().open({ secretKey: [newKey, oldKey] });
        try {
          // The shared test database also holds other tests' credentials, under keys this store
          // lacks: those are reported, not rotated, and do not stop the rest.
          const result = await rotating.credentials.rotateKeys();
          expect(result.rotated).toBe(ids.length);
          for (const id of ids) expect(result.unreadable).not.toContain(id);
          expect((await rotating.credentials.rotateKeys()).rotated).toBe(0);
          // A process that only has the new key reads them now.
          const after = await harness().open({ secretKey: newKey });
          try {
            for (const id of ids)
              expect((await after.credentials.reveal(id))?.values).toEqual({ token: `t-${id}` });
          } finally {
            await after.close();
          }
          // A process started before the rotation reads the keys again when it meets the new one.
          expect((await before.credentials.reveal(ids[0]!))?.values).toEqual({ token: `t-${ids[0]}` });
        } finally {
          await rotating.close();
        }
      } finally {
        await before.close();
      }
    });

    it('lists audit events newest first, filtered, a page at a time', async () => {
      const actor = uniqueId('actor');
      for (let index = 0; index < 7; index += 1) {
        await store.audit.append({
          actor,
          action: index % 2 ? 'flow.deploy' : 'flow.save',
          targetType: 'flow',
          targetId: `f${index}`,
          details: { index },
        });
      }
      const first = await store.audit.list({ actor }, { limit: 3 });
      expect(first.items.map((e) => e.details)).toEqual([{ index: 6 }, { index: 5 }, { index: 4 }]);
      const second = await store.audit.list({ actor }, { cursor: first.nextCursor, limit: 3 });
      const third = await store.audit.list({ actor }, { cursor: second.nextCursor, limit: 3 });
      expect([...second.items, ...third.items].map((e) => e.targetId)).toEqual(['f3', 'f2', 'f1', 'f0']);
      expect(third.nextCursor).toBeNull();
      expect((await store.audit.list({ actor, action: 'flow.deploy' })).items).toHaveLength(3);
      expect((await store.audit.list({ actor, targetId: 'f2' })).items[0]).toMatchObject({
        action: 'flow.save',
        targetType: 'flow',
      });
      expect((await store.audit.list({ actor, to: '2000-01-01T00:00:00Z' })).items).toEqual([]);
    });

    it('stores cursor values as JSON and overwrites them', async () => {
      const key = uniqueId('orders:poll');
      expect(await store.cursors.get(key)).toBeUndefined();
      await store.cursors.set(key, { since: '2025-03-01T00:00:00Z', page: 2 });
      expect(await store.cursors.get(key)).toEqual({ since: '2025-03-01T00:00:00Z', page: 2 });
      await store.cursors.set(key, [1, 'two']);
      expect(await store.cursors.get(key)).toEqual([1, 'two']);
    });
  });
}
