/**
 * Python's `repr()` for JSON values. Odoo builds many error messages with `%r`, so a client matching on
 * those messages sees `'foo'`, `True` and `('a', '=', 1)`, never JSON spellings.
 */
export function pyRepr(value: unknown, asTuple = false): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloat(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => pyRepr(item));
    if (!asTuple) return `[${items.join(', ')}]`;
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${pyString(key)}: ${pyRepr(item)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

function pyFloat(value: number): string {
  return Number.isFinite(value) ? String(value) : value > 0 ? 'inf' : '-inf';
}

function pyString(value: string): string {
  // Python prefers single quotes and switches to double quotes only when the text holds a single quote.
  if (value.includes("'") && !value.includes('"')) return `"${value}"`;
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** `res.partner(1, 2)` — how Odoo prints a recordset inside messages. */
export function recordsetRepr(model: string, ids: readonly number[]): string {
  return `${model}${pyRepr([...ids], true)}`;
}
