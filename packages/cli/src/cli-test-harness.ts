import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { runCli } from './cli.js';

/**
 * For tests of admin commands: each test gets an empty data directory (SQLite and key file) as
 * WAYBILL_DATA_DIR, with no database URL or secret key inherited from the environment.
 *
 * @example
 * const env = useTempDataDir('waybill-keys-'); ... join(env.dir, 'secret.key')
 */
export function useTempDataDir(prefix: string): { readonly dir: string } {
  const state = { dir: '' };
  const saved = { ...process.env };
  beforeEach(async () => {
    state.dir = await mkdtemp(join(tmpdir(), prefix));
    process.env.WAYBILL_DATA_DIR = state.dir;
    delete process.env.WAYBILL_SECRET_KEY;
    delete process.env.DATABASE_URL;
  });
  afterEach(async () => {
    process.env = { ...saved };
    await rm(state.dir, { recursive: true, force: true });
  });
  return state;
}

/**
 * Runs the command line in-process and collects what it printed.
 *
 * @example
 * const { code, out } = await cli(['users', 'list']);
 */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
