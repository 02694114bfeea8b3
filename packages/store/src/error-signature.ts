/**
 * Dead-letter grouping: failures that differ only in the order number, the SKU, the quoted value
 * or the request id are the same problem and belong in one group.
 */

const MAX_NORMALISED_LENGTH = 300;

/**
 * Replaces what varies between occurrences of the same error with placeholders: quoted strings
 * become `<s>`, long hex ids and UUIDs `<id>`, digit runs (with decimals) `<n>`; whitespace is
 * collapsed.
 *
 * @example
 * normaliseErrorMessage('Order #1001 failed'); // 'Order #<n> failed'
 * normaliseErrorMessage('SKU "AB-12" is unknown'); // 'SKU <s> is unknown'
 */
export function normaliseErrorMessage(message: string): string {
  return (
    message
      .replace(/"(?:[^"\\\n]|\\.)*"/g, '<s>')
      .replace(/`[^`\n]*`/g, '<s>')
      // Single quotes only when they open and close a quotation, not in "can't" or "customer's".
      .replace(/(?<![\p{L}\p{N}])'[^'\n]*'(?![\p{L}\p{N}])/gu, '<s>')
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
      .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/gi, '<id>')
      .replace(/\d+(?:[.,]\d+)*/g, '<n>')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_NORMALISED_LENGTH)
  );
}

/**
 * The dead-letter group key of a failure: flow, node, error code and normalised message.
 *
 * @example
 * errorSignature('orders', 'push', 'ODOO_REJECTED', 'Order #1001 failed');
 * // 'orders|push|ODOO_REJECTED|Order #<n> failed'
 */
export function errorSignature(
  flowId: string,
  nodeId: string | null | undefined,
  code: string,
  message: string,
): string {
  return `${flowId}|${nodeId ?? ''}|${code}|${normaliseErrorMessage(message)}`;
}
