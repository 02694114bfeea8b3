/**
 * Shopify amounts as canonical decimal strings. Shopify sends money as text ("199.00" in REST,
 * "199.0" in GraphQL's Decimal) and sometimes as a number; sums are done in millionths with
 * BigInt so no float noise reaches an invoice.
 */

const SCALE = 1_000_000n;
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * An amount as a canonical money string with two decimals at least, or undefined when it is not
 * a decimal.
 *
 * @example
 * toMoney('199.0');  // '199.00'
 * toMoney(11.94);    // '11.94'
 * toMoney('1.2345'); // '1.2345'
 */
export function toMoney(value: string | number | null | undefined): string | undefined {
  const micros = toMicros(value);
  return micros === undefined ? undefined : formatMicros(micros);
}

/**
 * The sum of amounts as a canonical money string; unreadable amounts count as zero.
 *
 * @example
 * sumMoney(['10.00', '0.5', 2]); // '12.50'
 */
export function sumMoney(values: readonly (string | number | null | undefined)[]): string {
  return formatMicros(values.reduce<bigint>((total, value) => total + (toMicros(value) ?? 0n), 0n));
}

/**
 * Whether an amount is above zero.
 *
 * @example
 * isPositive('0.00'); // false
 */
export function isPositive(value: string | number | null | undefined): boolean {
  return (toMicros(value) ?? 0n) > 0n;
}

function toMicros(value: string | number | null | undefined): bigint | undefined {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(6) : '') : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const micros = BigInt(whole) * SCALE + BigInt(fraction.slice(0, 6).padEnd(6, '0'));
  return sign ? -micros : micros;
}

function formatMicros(micros: bigint): string {
  const negative = micros < 0n;
  const absolute = negative ? -micros : micros;
  const whole = absolute / SCALE;
  let fraction = (absolute % SCALE).toString().padStart(6, '0').replace(/0+$/, '');
  if (fraction.length < 2) fraction = fraction.padEnd(2, '0');
  return `${negative && absolute !== 0n ? '-' : ''}${whole}.${fraction}`;
}
