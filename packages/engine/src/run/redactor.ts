/** Placed where a secret value was. */
export const REDACTED = '[redacted]';

/**
 * Remembers the secret values an execution has touched and removes them from anything recorded:
 * step inputs and outputs, error messages, upstream bodies and logs. Values shorter than four
 * characters are ignored; replacing them would garble ordinary text without protecting anything.
 *
 * @example
 * const redactor = createRedactor();
 * redactor.add(['s3cr3t-token']);
 * redactor.scrub({ message: 'bad token s3cr3t-token' }); // { message: 'bad token [redacted]' }
 */
export function createRedactor() {
  const secrets = new Set<string>();
  let sorted: string[] = [];

  const scrubString = (text: string): string => {
    let result = text;
    for (const secret of sorted) if (result.includes(secret)) result = result.replaceAll(secret, REDACTED);
    return result;
  };

  const scrub = <T>(value: T): T => {
    if (secrets.size === 0) return value;
    return walk(value) as T;
  };

  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return scrubString(value);
    if (Array.isArray(value)) {
      let changed = false;
      const next = value.map((item) => {
        const scrubbed = walk(item);
        if (scrubbed !== item) changed = true;
        return scrubbed;
      });
      return changed ? next : value;
    }
    if (value && typeof value === 'object') {
      let changed = false;
      const next: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const scrubbed = walk(item);
        if (scrubbed !== item) changed = true;
        next[scrubString(key)] = scrubbed;
        if (scrubString(key) !== key) changed = true;
      }
      return changed ? next : value;
    }
    return value;
  };

  return {
    add(values: Iterable<string>): void {
      for (const value of values) if (value.length >= 4) secrets.add(value);
      // Longest first, so a secret that contains another is replaced whole.
      sorted = [...secrets].sort((a, b) => b.length - a.length);
    },
    scrub,
    get active(): boolean {
      return secrets.size > 0;
    },
  };
}

export type Redactor = ReturnType<typeof createRedactor>;
