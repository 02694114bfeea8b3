import type { Problem } from '../api/client.js';
import { childPointer, fieldShape, isRecord, type JsonSchema } from './json-schema.js';
import { describeSchemaError, errorFieldPointer, type SchemaError } from './schema-error.js';

/** Messages to show, by the JSON pointer (inside the config) of the field they go under. */
export interface PlacedMessages {
  byField: Map<string, string[]>;
  /** Messages that belong to no field the form shows; listed above the form. */
  general: string[];
}

/**
 * The pointers of the fields the generated form shows for this schema and value: each property of
 * every nested object, each array and each of its items. JSON and map fields stand for everything
 * below them.
 *
 * @example
 * formPointers({ type: 'object', properties: { cases: { type: 'array', items: { type: 'object',
 *   properties: { port: { type: 'string' } } } } } }, { cases: [{}] });
 * // Set { '/cases', '/cases/0', '/cases/0/port' }
 */
export function formPointers(schema: JsonSchema, value: unknown): Set<string> {
  const pointers = new Set<string>();
  walk(schema, value, '', pointers);
  return pointers;
}

function walk(schema: JsonSchema, value: unknown, pointer: string, into: Set<string>): void {
  const shape = fieldShape(schema);
  if (shape.kind === 'object') {
    const current = isRecord(value) ? value : {};
    for (const [key, property] of Object.entries(shape.properties)) {
      const at = childPointer(pointer, key);
      into.add(at);
      walk(property, current[key], at, into);
    }
  } else if (shape.kind === 'array' && Array.isArray(value)) {
    value.forEach((item, index) => {
      const at = childPointer(pointer, index);
      into.add(at);
      walk(shape.items, item, at, into);
    });
  }
}

/**
 * Puts each message under the nearest field the form shows: the field itself, else its closest
 * ancestor; what reaches the root goes to `general`.
 *
 * @example
 * placeMessages([{ pointer: '/headers/X-Key', message: 'Must be a string.' }], new Set(['/headers']));
 * // { byField: Map { '/headers' => ['Must be a string.'] }, general: [] }
 */
export function placeMessages(
  messages: ReadonlyArray<{ pointer: string; message: string }>,
  shown: ReadonlySet<string>,
): PlacedMessages {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const { pointer, message } of messages) {
    let at = pointer;
    while (at !== '' && !shown.has(at)) at = at.slice(0, at.lastIndexOf('/'));
    if (at === '') general.push(message);
    else byField.set(at, [...(byField.get(at) ?? []), message]);
  }
  for (const [key, list] of byField) byField.set(key, [...new Set(list)]);
  return { byField, general: [...new Set(general)] };
}

/**
 * The validator's errors as messages keyed by field pointer.
 *
 * @example
 * schemaMessages([{ pointer: '', keyword: 'required', params: { missingProperty: 'url' } }]);
 * // [{ pointer: '/url', message: 'Required.' }]
 */
export function schemaMessages(errors: readonly SchemaError[]): Array<{ pointer: string; message: string }> {
  return errors.map((error) => ({ pointer: errorFieldPointer(error), message: describeSchemaError(error) }));
}

/** Which part of the panel a server problem belongs to. */
export type ProblemSection = 'config' | 'credential' | 'retry' | 'id' | 'dedupe' | 'businessKey' | 'general';

export interface SectionProblem {
  section: ProblemSection;
  /** For `config`: the pointer inside the config; for the others ''. */
  pointer: string;
  message: string;
}

const CONFIG_CHECKS = new Set(['invalid-config', 'invalid-trigger-config']);

/**
 * The server's problems about one node (by `nodeId`) or about the trigger, each assigned to the
 * part of the panel its pointer (`/nodes/<i>/config/…`, `/trigger/credential`, …) names. When the
 * panel checks the config itself (`localConfigCheck`), the server's config-schema problems are
 * dropped as they would repeat, possibly out of date, what the form already shows.
 *
 * @example
 * sectionProblems([{ code: 'invalid-config', nodeId: 'map', pointer: '/nodes/2/config/expression', message: '…' }],
 *   { nodeId: 'map' });
 * // [{ section: 'config', pointer: '/expression', message: '…' }]
 */
export function sectionProblems(
  problems: readonly Problem[],
  scope: { nodeId: string } | { trigger: true },
  localConfigCheck = false,
): SectionProblem[] {
  const result: SectionProblem[] = [];
  for (const problem of problems) {
    let rest: string | undefined;
    if ('nodeId' in scope) {
      if (problem.nodeId !== scope.nodeId) continue;
      rest = /^\/nodes\/\d+(\/.*)?$/.exec(problem.pointer)?.[1] ?? '';
    } else {
      if (problem.nodeId !== undefined || !/^\/trigger(\/|$)/.test(problem.pointer)) continue;
      rest = problem.pointer.slice('/trigger'.length);
    }
    if (localConfigCheck && CONFIG_CHECKS.has(problem.code)) continue;
    const [, head = '', tail = ''] = /^\/([^/]*)(.*)$/.exec(rest) ?? [];
    const section = sectionOf(head, 'nodeId' in scope);
    result.push({ section, pointer: section === 'config' ? tail : '', message: problem.message });
  }
  return result;
}

function sectionOf(head: string, isNode: boolean): ProblemSection {
  if (head === 'config' || head === 'credential') return head;
  if (isNode && (head === 'retry' || head === 'id')) return head;
  if (!isNode && (head === 'dedupe' || head === 'businessKey')) return head;
  return 'general';
}
