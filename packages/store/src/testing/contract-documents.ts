import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewDocument } from '../document-types.js';
import type { Store } from '../store-types.js';
import { uniqueId } from './fixtures.js';
import type { StoreHarness } from './store-contract.js';

const NOW = Date.parse('2025-03-01T10:00:00.000Z');

export function describeDocumentContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: documents and sequences`, () => {
    let clock = NOW;
    let store: Store;
    beforeAll(async () => {
      store = await harness().open({ now: () => clock });
    });
    afterAll(() => store.close());

    const outbound = (partner: string, overrides: Partial<NewDocument> = {}): NewDocument => ({
      executionId: uniqueId('ex'),
      nodeId: 'build',
      stepKey: 'build',
      ordinal: 0,
      direction: 'outbound',
      fileName: '000000017.x12',
      contentType: 'application/edi-x12',
      // Bytes above 0x7F are where a text column would lose them.
      content: Buffer.from([0x49, 0x53, 0x41, 0xe9, 0xff, 0x00, 0x7e]),
      partner,
      standard: 'x12',
      interchangeControl: '000000017',
      groupControls: ['17'],
      ackDueAt: new Date(NOW + 3_600_000).toISOString(),
      ...overrides,
    });

    it('keeps the exact bytes of a document and records a retried step once', async () => {
      const partner = uniqueId('partner');
      const doc = outbound(partner);
      const first = await store.documents.record(doc);
      const again = await store.documents.record({ ...doc, content: Buffer.from('other') });
      expect(again.id).toBe(first.id);
      expect(first).toMatchObject({ size: 7, ackStatus: 'pending', groupControls: ['17'], partner });
      expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.documents.content(first.id)).toEqual(
        Buffer.from([0x49, 0x53, 0x41, 0xe9, 0xff, 0x00, 0x7e]),
      );
      expect((await store.documents.list({ executionId: doc.executionId })).items.map((d) => d.id)).toEqual([
        first.id,
      ]);
    });

    it('marks the documents an acknowledgment names, lists overdue ones and counts them', async () => {
      const partner = uniqueId('partner');
      const acked = await store.documents.record(
        outbound(partner, { groupControls: ['41'], interchangeControl: '000000041' }),
      );
      const late = await store.documents.record(
        outbound(partner, { groupControls: ['42'], interchangeControl: '000000042' }),
      );
      const other = await store.documents.record(outbound(uniqueId('partner'), { groupControls: ['41'] }));
      expect(
        await store.documents.acknowledge({
          partner,
          groupControl: '41',
          status: 'accepted',
          executionId: 'ex_ack',
        }),
      ).toBe(1);
      expect(await store.documents.get(acked.id)).toMatchObject({
        ackStatus: 'accepted',
        ackExecutionId: 'ex_ack',
      });
      expect((await store.documents.get(other.id))?.ackStatus).toBe('pending');

      clock = NOW + 2 * 3_600_000;
      const overdue = await store.documents.list({ partner, ack: 'overdue' });
      expect(overdue.items.map((d) => d.id)).toEqual([late.id]);
      expect(await store.documents.countOverdue()).toBeGreaterThanOrEqual(2);
      expect((await store.documents.list({ partner, control: '42' })).items.map((d) => d.id)).toEqual([
        late.id,
      ]);
      clock = NOW;
    });

    it('pages through documents newest first', async () => {
      const partner = uniqueId('partner');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        clock = NOW + i * 1000;
        ids.push((await store.documents.record(outbound(partner))).id);
      }
      clock = NOW;
      const first = await store.documents.list({ partner }, { limit: 3 });
      const second = await store.documents.list({ partner }, { cursor: first.nextCursor, limit: 3 });
      expect([...first.items, ...second.items].map((d) => d.id)).toEqual(ids.reverse());
      expect(second.nextCursor).toBeNull();
    });

    it('hands out numbers from the start given, the same one again for the same key', async () => {
      const scope = uniqueId('edi');
      expect(await store.sequences.current(scope)).toBeUndefined();
      expect(await store.sequences.next(scope, 'a', { start: 1000 })).toBe(1000);
      expect(await store.sequences.next(scope, 'b', { start: 1000 })).toBe(1001);
      expect(await store.sequences.next(scope, 'a')).toBe(1000);
      expect(await store.sequences.current(scope)).toBe(1001);
    });

    it('never gives two concurrent callers on several stores the same number', async () => {
      const scope = uniqueId('edi');
      const others = await Promise.all([harness().open(), harness().open()]);
      try {
        const stores = [store, ...others];
        const numbers = await Promise.all(
          Array.from({ length: 60 }, (_, i) => stores[i % stores.length]?.sequences.next(scope, `k${i}`)),
        );
        expect(new Set(numbers).size).toBe(60);
        expect(Math.max(...numbers.map(Number))).toBe(60);
      } finally {
        await Promise.all(others.map((s) => s.close()));
      }
    });
  });
}
