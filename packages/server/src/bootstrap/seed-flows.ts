import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createRevision, type NodeCatalog, validateFlow } from '@waybill/flow';
import type { Store } from '@waybill/store';

export interface SeededFlow {
  id: string;
  name: string;
  /** A test case payload that exists for it, to try the flow with. */
  sampleInput: string | undefined;
  /** Its trigger type. */
  trigger: string;
  /** Whether it takes deliveries at /hooks/<id> (core.webhook or a connector's webhook trigger). */
  takesHooks: boolean;
}

/**
 * On a fresh database, saves and deploys every example flow of a folder (flows/<id>/flow.json and
 * layout.json), so a newcomer can send a real webhook at once. A database that already has flows
 * is left alone; flows that do not validate are skipped with the reason.
 *
 * @example
 * const seeded = await seedExampleFlows(store, catalog, 'flows', console.warn);
 */
export async function seedExampleFlows(
  store: Store,
  catalog: NodeCatalog,
  dir: string,
  warn: (text: string) => void,
): Promise<SeededFlow[]> {
  if ((await store.flows.list()).length > 0) return [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const seeded: SeededFlow[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = join(dir, entry.name);
    const definition = await readJson(join(folder, 'flow.json'));
    if (definition === undefined) continue;
    const layout = await readJson(join(folder, 'layout.json'));
    const result = validateFlow(
      layout === undefined ? definition : { ...(definition as object), layout },
      catalog,
    );
    if (!result.ok) {
      warn(
        `The example flow in ${folder} was not loaded: ${result.problems[0]?.message ?? 'it is not valid'}`,
      );
      continue;
    }
    const revision = createRevision(result.flow);
    await store.flows.create({
      id: result.flow.id,
      name: result.flow.name,
      description: result.flow.description ?? null,
    });
    await store.revisions.save(result.flow.id, revision.definition, revision.hash, {
      createdBy: 'seed',
      message: 'Example flow',
    });
    await store.deployments.deploy(result.flow.id, revision.hash, 'seed');
    seeded.push({
      id: result.flow.id,
      name: result.flow.name,
      sampleInput: await firstCaseInput(folder),
      trigger: result.flow.trigger.type,
      takesHooks:
        result.flow.trigger.type === 'core.webhook' ||
        catalog.trigger(result.flow.trigger.type)?.kind === 'webhook',
    });
  }
  return seeded;
}

async function firstCaseInput(folder: string): Promise<string | undefined> {
  const cases = await readdir(join(folder, 'tests'), { withFileTypes: true }).catch(() => []);
  for (const entry of cases.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, 'tests', entry.name, 'input.json');
    if (await stat(path).catch(() => undefined)) return path;
  }
  return undefined;
}

async function readJson(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
