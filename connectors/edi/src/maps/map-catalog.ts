/**
 * The mappings Waybill ships between EDI documents and the canonical entities. Each is a JSONata
 * file in connectors/edi/maps/ that an analyst can open on the canvas (the "Map to canonical" and
 * "Build EDI" nodes show it in their expression field) and adapt for one partner; the node then
 * runs the adapted copy stored in the flow, and the shipped file stays as it was.
 *
 * Inbound maps read one `EdiSetDocument` (envelope + loop-grouped body) and return a canonical
 * entity. Outbound maps read `{ <entity>: …, partner: { … }, today }` and return a document body
 * (`{ BAK: {...}, PO1_loop: [...] }`) that "Build EDI" wraps in ST/SE and the partner's envelope.
 */
export interface ShippedMap {
  id: string;
  title: string;
  direction: 'to-canonical' | 'from-canonical';
  standard: 'x12' | 'edifact';
  /** ST01 or the UNH message type this map reads or writes. */
  set: string;
  /** The canonical entity read or returned, e.g. 'order' (canonical/order/v1). */
  entity: string;
  /** File name under connectors/edi/maps. */
  file: string;
}

const map = (
  id: string,
  title: string,
  direction: ShippedMap['direction'],
  standard: ShippedMap['standard'],
  set: string,
  entity: string,
): ShippedMap => ({ id, title, direction, standard, set, entity, file: `${id}.jsonata` });

/**
 * Every shipped map, by id.
 *
 * @example
 * shippedMaps.find((m) => m.id === 'x12-850-to-order')?.entity; // 'order'
 */
export const shippedMaps: readonly ShippedMap[] = [
  map('x12-850-to-order', 'X12 850 purchase order → canonical order', 'to-canonical', 'x12', '850', 'order'),
  map(
    'order-to-x12-855',
    'Canonical order → X12 855 purchase order acknowledgment',
    'from-canonical',
    'x12',
    '855',
    'order',
  ),
  map(
    'order-to-x12-940',
    'Canonical order → X12 940 warehouse shipping order',
    'from-canonical',
    'x12',
    '940',
    'order',
  ),
  map(
    'x12-945-to-shipment',
    'X12 945 warehouse shipping advice → canonical shipment',
    'to-canonical',
    'x12',
    '945',
    'shipment',
  ),
  map(
    'shipment-to-x12-856',
    'Canonical shipment → X12 856 ship notice',
    'from-canonical',
    'x12',
    '856',
    'shipment',
  ),
  map(
    'x12-856-to-shipment',
    'X12 856 ship notice → canonical shipment',
    'to-canonical',
    'x12',
    '856',
    'shipment',
  ),
  map('invoice-to-x12-810', 'Canonical invoice → X12 810 invoice', 'from-canonical', 'x12', '810', 'invoice'),
  map(
    'inventory-to-x12-846',
    'Canonical inventory positions → X12 846 inventory advice',
    'from-canonical',
    'x12',
    '846',
    'inventory',
  ),
  map(
    'edifact-orders-to-order',
    'EDIFACT ORDERS → canonical order',
    'to-canonical',
    'edifact',
    'ORDERS',
    'order',
  ),
  map(
    'shipment-to-edifact-desadv',
    'Canonical shipment → EDIFACT DESADV despatch advice',
    'from-canonical',
    'edifact',
    'DESADV',
    'shipment',
  ),
  map(
    'invoice-to-edifact-invoic',
    'Canonical invoice → EDIFACT INVOIC invoice',
    'from-canonical',
    'edifact',
    'INVOIC',
    'invoice',
  ),
];

/** The shipped map with this id, or undefined. */
export function shippedMap(id: string): ShippedMap | undefined {
  return shippedMaps.find((m) => m.id === id);
}
