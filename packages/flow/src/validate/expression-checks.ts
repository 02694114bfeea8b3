import jsonata from 'jsonata';

// Checks of single values that need no schema compiler, so a browser bundle can use them without
// pulling in ajv.

/**
 * True for IANA time zone names the runtime knows.
 *
 * @example
 * isTimeZone('Europe/Berlin'); // true
 * isTimeZone('Mars/Base');     // false
 */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The syntax error of a JSONata expression as a sentence, or undefined when it parses.
 *
 * @example
 * jsonataSyntaxError('a +'); // 'is not valid JSONata: Unexpected end of expression (at character 3).'
 */
export function jsonataSyntaxError(expression: string): string | undefined {
  try {
    jsonata(expression);
    return undefined;
  } catch (error) {
    const e = error as { message?: string; position?: number };
    const at = typeof e.position === 'number' ? ` (at character ${e.position})` : '';
    return `is not valid JSONata: ${e.message ?? 'syntax error'}${at}.`;
  }
}
