/** Odoo major versions the simulator can impersonate; field names and a few methods differ between them. */
export type Major = 17 | 18 | 19;
/**
 * The Odoo release a simulator impersonates.
 *
 * @example
 * const version: ServerVersion = '18.0'; // JSON-RPC only, product_uom / tax_id, is_storable
 */
export type ServerVersion = '17.0' | '18.0' | '19.0';

export type FieldType =
  | 'char'
  | 'text'
  | 'html'
  | 'integer'
  | 'float'
  | 'monetary'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'selection'
  | 'many2one'
  | 'one2many'
  | 'many2many';

/**
 * A field value in Odoo's cache representation: many2one is an id or `false`, x2many a list of ids, empty
 * scalars are `false` (Odoo reads NULL as False).
 */
export type Value = string | number | boolean | number[];

/** One stored record. Keys starting with `__` are simulator bookkeeping and never leave the store. */
export interface Row {
  id: number;
  [field: string]: Value | undefined;
}

export type Vals = Record<string, unknown>;
export type Context = Record<string, unknown>;
export type Operation = 'read' | 'write' | 'create' | 'unlink';

export interface Env {
  readonly db: Database;
  readonly uid: number;
  readonly context: Context;
  /** Superuser mode: business methods write through it after checking the caller's rights once. */
  readonly su: boolean;
}

export interface FieldDef {
  type: FieldType;
  string: string;
  relation?: string;
  /** For one2many: the many2one on the comodel pointing back. */
  inverseName?: string;
  selection?: ReadonlyArray<readonly [string, string]>;
  required?: boolean;
  readonly?: boolean;
  help?: string;
  default?: Value | ((env: Env, vals: Vals) => Value);
  /** Computed on every read and search, so it is never stale; `inverse` makes it writable. */
  compute?: (env: Env, row: Row) => Value;
  inverse?: (env: Env, row: Row, value: Value) => void;
  /** What deleting the target does to this many2one; required fields default to restrict, like Odoo. */
  ondelete?: 'cascade' | 'restrict' | 'set null';
  since?: Major;
  until?: Major;
  /** Set by the registry on fields delegated through `_inherits` (the link field on this model). */
  inheritedVia?: string;
}

export type Args = Record<string, unknown>;

export interface MethodParam {
  name: string;
  required?: boolean;
  default?: unknown;
}

export interface MethodDef {
  params: readonly MethodParam[];
  /** `@api.model`: called without ids; JSON-2 refuses ids for it. */
  apiModel?: boolean;
  /** `@api.model_create_multi`: JSON-RPC answers an id for a dict and a list for a list. */
  createMulti?: boolean;
  /** Accepts extra keyword arguments (`**kwargs`). */
  varKwargs?: boolean;
  /** The right the caller needs; checked once before running (wizards name the model they change). */
  access?: { operation: Operation; model?: string };
  since?: Major;
  until?: Major;
  run: (env: Env, ids: number[], args: Args, model: ModelDef) => unknown;
}

export interface ModelDef {
  name: string;
  /** `_description`, used in access and constraint messages. */
  description: string;
  order: string;
  recName?: string;
  transient?: boolean;
  /** Simulator bookkeeping only; not reachable over RPC. */
  hidden?: boolean;
  fields: Record<string, FieldDef>;
  methods?: Record<string, MethodDef>;
  inherits?: { model: string; field: string };
  /** Parent many2one used by `child_of` / `parent_of`. */
  parentName?: string;
  displayName?: (env: Env, row: Row) => string;
  nameSearchFields?: readonly string[];
  /** Groups listed in AccessError messages for the read-only user. */
  accessGroups?: string;
  /** Normalise or complete vals before insert (sequences, defaults that depend on other values). */
  prepareCreate?: (env: Env, vals: Vals) => void;
  afterCreate?: (env: Env, ids: number[], valsList: Vals[]) => void;
  beforeWrite?: (env: Env, ids: number[], vals: Vals) => void;
  afterWrite?: (env: Env, ids: number[], vals: Vals) => void;
  beforeUnlink?: (env: Env, ids: number[]) => void;
}

export interface SimSettings {
  /** What a fully paid customer invoice shows: Odoo shows `in_payment` until the bank statement is matched. */
  invoicePaidState: 'paid' | 'in_payment';
}

/** A login of the simulated database; `readOnly` users may read everything and change nothing. */
export interface SimUser {
  uid: number;
  login: string;
  password: string;
  apiKeys: readonly string[];
  readOnly: boolean;
}

/** How to undo one row mutation; see orm/rows.ts `transaction`. */
export type UndoEntry =
  | { kind: 'insert'; model: string; id: number }
  | { kind: 'set'; model: string; row: Row; field: string; old: Value | undefined }
  | { kind: 'delete'; model: string; row: Row }
  | { kind: 'sequence'; code: string; old: number | undefined };

export interface Database {
  readonly name: string;
  readonly major: Major;
  readonly version: ServerVersion;
  readonly registry: ReadonlyMap<string, ModelDef>;
  readonly tables: Map<string, Map<number, Row>>;
  readonly nextIds: Map<string, number>;
  readonly sequences: Map<string, number>;
  /** Reverse many2one indexes (`model.field` → target id → ids), built on first use; see orm/rows.ts. */
  readonly indexes: Map<string, Map<number, Set<number>>>;
  readonly settings: SimSettings;
  readonly users: ReadonlyMap<number, SimUser>;
  /** The undo log of the call in progress (each RPC call is one transaction, as in Odoo). */
  journal: UndoEntry[] | undefined;
  now(): Date;
}
