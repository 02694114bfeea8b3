/**
 * Decimal strings (the canonical form of money and quantities) against Odoo's floats. Odoo
 * computes in floats and rounds to each field's digits, so a value read back may be 18.499999999;
 * arithmetic on our side uses scaled integers so that nothing drifts before Odoo sees it.
 */

const SCALE_DIGITS = 6;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const DECIMAL = /^(-)?([0-9]+)(?:\.([0-9]+))?$/;

/**
 * A decimal string as a number for Odoo, which stores floats. Every canonical decimal has at most
 * 6 fractional digits, which a double holds to the precision Odoo rounds to.
 *
 * @example
 * toOdooNumber('18.50'); // 18.5
 */
export function toOdooNumber(value: string): number {
  return Number(formatScaled(parseScaled(value)));
}

/**
 * An Odoo float as a decimal string with exactly `digits` fractional digits (money), rounded half
 * away from zero after float noise is removed: 18.499999999999996 with 2 digits is "18.50".
 *
 * @example
 * fromOdooMoney(18.499999999999996); // '18.50'
 * fromOdooMoney(1.005);              // '1.01'
 */
export function fromOdooMoney(value: unknown, digits = 2): string {
  const scaled = roundScaled(parseScaled(floatText(value)), digits);
  return formatScaled(scaled, digits);
}

/**
 * An Odoo float as a quantity string without trailing zeros: 12.0 is "12", 2.5 is "2.5".
 * Negative values (Odoo's way of saying "less than nothing is free") become "0".
 *
 * @example
 * fromOdooQuantity(12.0);   // '12'
 * fromOdooQuantity(-3);     // '0'
 */
export function fromOdooQuantity(value: unknown, digits = SCALE_DIGITS): string {
  const scaled = roundScaled(parseScaled(floatText(value)), digits);
  return formatScaled(scaled < 0n ? 0n : scaled);
}

/**
 * Parses a decimal string into an integer of millionths, so sums and comparisons are exact.
 *
 * @example
 * parseScaled('-1.5'); // -1500000n
 */
export function parseScaled(value: string): bigint {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new RangeError(`"${value}" is not a decimal number.`);
  const [, sign, whole = '0', fraction = ''] = match;
  // More digits than the scale are rounded, half away from zero.
  const kept = fraction.slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0');
  let scaled = BigInt(whole) * SCALE + BigInt(kept);
  if ((fraction.charAt(SCALE_DIGITS) || '0') >= '5') scaled += 1n;
  return sign ? -scaled : scaled;
}

/**
 * Formats millionths as a decimal string: with exactly `digits` fractional digits when given,
 * otherwise without trailing zeros.
 *
 * @example
 * formatScaled(18500000n, 2); // '18.50'
 * formatScaled(12000000n);    // '12'
 */
export function formatScaled(scaled: bigint, digits?: number): string {
  const negative = scaled < 0n;
  const absolute = negative ? -scaled : scaled;
  const whole = absolute / SCALE;
  let fraction = (absolute % SCALE).toString().padStart(SCALE_DIGITS, '0');
  fraction =
    digits === undefined ? fraction.replace(/0+$/, '') : fraction.slice(0, digits).padEnd(digits, '0');
  const text = fraction ? `${whole}.${fraction}` : `${whole}`;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * Compares two decimal strings exactly.
 *
 * @example
 * compareDecimals('2.50', '2.5'); // 0
 */
export function compareDecimals(a: string, b: string): number {
  const difference = parseScaled(a) - parseScaled(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/**
 * Sums decimal strings exactly.
 *
 * @example
 * sumDecimals(['1.10', '2.20']); // '3.3'
 */
export function sumDecimals(values: readonly string[]): string {
  return formatScaled(values.reduce((total, value) => total + parseScaled(value), 0n));
}

/**
 * The line discount as Odoo's percentage: canonical discounts are an amount off quantity ×
 * unit price, Odoo's `discount` is a percentage of it. Rounded to 6 digits; Odoo rounds the
 * line amount to the currency, so 11.10 off 12 × 18.50 gives back exactly 210.90.
 *
 * @example
 * discountPercent('11.10', '12', '18.50'); // 5
 */
export function discountPercent(discount: string, quantity: string, unitPrice: string): number {
  const gross = parseScaled(quantity) * parseScaled(unitPrice); // scale²
  if (gross === 0n) return 0;
  // percent = discount / gross × 100, kept in millionths: discount·scale² ·100 / gross.
  const numerator = parseScaled(discount) * SCALE * SCALE * 100n;
  const percent = divideRounded(numerator, gross);
  return Number(formatScaled(percent));
}

function roundScaled(scaled: bigint, digits: number): bigint {
  if (digits >= SCALE_DIGITS) return scaled;
  const step = 10n ** BigInt(SCALE_DIGITS - digits);
  return divideRounded(scaled, step) * step;
}

function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n + d / 2n) / d;
  return negative ? -quotient : quotient;
}

/** A float as plain decimal text with the noise past 15 significant digits removed. */
function floatText(value: unknown): string {
  const number = typeof value === 'number' && Number.isFinite(value) ? value : 0;
  const text = Number(number.toPrecision(15)).toString();
  if (!/e/i.test(text)) return text;
  // Tiny or huge floats print in exponent form; 20 fraction digits cover every useful case.
  return number.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
