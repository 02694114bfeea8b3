import { FormatRegistry } from '@sinclair/typebox';

/**
 * TypeBox rejects every string whose `format` it does not know, while ajv (the flow validator and
 * the canvas) knows the common ones; registering them keeps a config that the canvas accepted from
 * failing at run time. Existing registrations win, so an application may register stricter ones.
 *
 * @example
 * registerCommonFormats();
 * Value.Check(Type.String({ format: 'email' }), 'ops@example.com'); // true
 */
export function registerCommonFormats(): void {
  for (const [name, check] of Object.entries(formats)) {
    if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);
  }
}

const formats: Record<string, (value: string) => boolean> = {
  uri: (value) => URL.canParse(value),
  url: (value) => URL.canParse(value),
  email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  uuid: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
  'date-time': (value) =>
    /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
};
