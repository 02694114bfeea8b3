import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const repo = resolve(import.meta.dirname, '../../..');
const intake = join(repo, 'flows/shopify-order-intake');
const caseInput = (name: string) => join(intake, 'tests', name, 'input.json');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function tempFlow(definition: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'waybill-cli-'));
  await writeFile(join(dir, 'flow.json'), JSON.stringify(definition));
  return dir;
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('waybill validate', () => {
  it('exits 0 and says so for valid flows', async () => {
    const result = await cli('validate', intake);
    expect(result.code).toBe(0);
    expect(result.out).toContain('is valid (9 nodes, 10 edges)');
  });

  it('exits 2 and lists every problem with its pointer for an invalid flow', async () => {
    const flow = JSON.parse(await readFile(join(intake, 'flow.json'), 'utf8'));
    flow.nodes[0].config.expression = '{ "a": ';
    flow.edges.push({ from: 'check.sideways', to: 'totals' });
    const result = await cli('validate', await tempFlow(flow));
    expect(result.code).toBe(2);
    expect(result.out).toContain('has 2 problems');
    expect(result.out).toContain(
      '/nodes/0/config/expression  Node "to_canonical": expression is not valid JSONata',
    );
    expect(result.out).toContain(
      '/edges/10/from  Node "check" (core.validate) has no output port "sideways"',
    );
  });

  it('exits 2 with a sentence, not a stack, for a missing flow or a file that is not JSON', async () => {
    const missing = await cli('validate', '/nowhere/flow');
    expect(missing.code).toBe(2);
    expect(missing.out).toBe('✗ There is no flow at /nowhere/flow.');
    const dir = await mkdtemp(join(tmpdir(), 'waybill-cli-'));
    await writeFile(join(dir, 'flow.json'), '{\n  "schemaVersion": 1,\n  "id": oops\n}');
    const broken = await cli('validate', dir);
    expect(broken.code).toBe(2);
    expect(broken.out).toMatch(/is not valid JSON: unexpected character \(line 3, column 9\)\.$/);
  });
});

describe('waybill run', () => {
  it('prints each node with status, duration and output, and exits 0 on success', async () => {
    const result = await cli('run', intake, '--input', caseInput('consistent-order'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/✓ to_canonical\s+core\.transform\s+[\d.]+ ms\s+→ out/);
    expect(result.out).toContain('[log] order #1005: 3 lines, total 608.94 USD');
    expect(result.out).toMatch(/Succeeded in [\d.]+ ms · business key #1005\./);
  });

  it('exits 1 and names the node when the flow fails', async () => {
    const result = await cli('run', intake, '--input', caseInput('sample-order'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('✗ totals_mismatch');
    expect(result.out).toContain('at node "totals_mismatch": Order #1001 totals disagree');
  });

  it('prints the whole execution record with --json', async () => {
    const result = await cli('run', intake, '--input', caseInput('consistent-order'), '--json');
    const record = JSON.parse(result.out);
    expect(record).toMatchObject({
      status: 'succeeded',
      flowId: 'shopify-order-intake',
      businessKey: '#1005',
    });
    expect(record.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual([
      'to_canonical',
      'check',
      'totals',
      'route',
      'release',
      'reply',
    ]);
    expect(record.response).toEqual({
      status: 200,
      headers: {},
      body: { order: '#1005', action: 'release' },
    });
  });

  it('runs only up to the chosen node with --until', async () => {
    const result = await cli(
      'run',
      intake,
      '--input',
      caseInput('consistent-order'),
      '--json',
      '--until',
      'check',
    );
    expect(JSON.parse(result.out).steps.map((s: { nodeId: string }) => s.nodeId)).toEqual([
      'to_canonical',
      'check',
    ]);
  });

  it('exits 2 with the line and column when the input is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waybill-cli-'));
    const input = join(dir, 'input.json');
    await writeFile(input, '{ "body": { "name": "#1" },, }');
    const result = await cli('run', intake, '--input', input);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^waybill: The input file .+input\.json is not valid JSON: a quoted property name was expected \(line 1, column 28\)\.$/,
    );
    noStack(result.err);
  });

  it('exits 2 when the input option is missing or the flow is invalid', async () => {
    expect((await cli('run', intake)).code).toBe(2);
    const invalid = await cli(
      'run',
      await tempFlow({ schemaVersion: 1 }),
      '--input',
      caseInput('sample-order'),
    );
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('is not a valid flow:');
    expect(invalid.err).toContain('The flow is missing the required field "id".');
  });
});

describe('waybill diff', () => {
  it('shows changed expressions and rewired connections between two flows', async () => {
    const flow = JSON.parse(await readFile(join(intake, 'flow.json'), 'utf8'));
    flow.nodes[4].config.expression = '{ "action": "release-now", "order": number }';
    flow.edges = flow.edges.map((e: { from: string; to: string }) =>
      e.from === 'route.review' ? { ...e, from: 'route.default' } : e,
    );
    flow.edges = flow.edges.filter(
      (e: { from: string; to: string }) => !(e.from === 'route.default' && e.to === 'release'),
    );
    flow.edges.push({ from: 'route.review', to: 'release' });
    const result = await cli('diff', intake, await tempFlow(flow));
    expect(result.code).toBe(0);
    expect(result.out).toContain('release');
    expect(result.out).toContain('release-now');
    const json = JSON.parse((await cli('diff', intake, await tempFlow(flow), '--json')).out);
    expect(json.changed).toBe(true);
    expect(json.nodesChanged.map((c: { nodeId: string }) => c.nodeId)).toEqual(['release']);
    expect(json.moved.map((m: { nodeId: string }) => m.nodeId).sort()).toEqual(['hold', 'release']);
  });

  it('reports no change when only the layout differs', async () => {
    const flow = JSON.parse(await readFile(join(intake, 'flow.json'), 'utf8'));
    flow.layout = { nodes: { check: { x: 1, y: 1 } } };
    const result = await cli('diff', intake, await tempFlow(flow), '--json');
    expect(JSON.parse(result.out).changed).toBe(false);
  });
});

describe('waybill test', () => {
  it('runs every case of the example flows and exits 0 when all pass', async () => {
    const result = await cli(
      'test',
      join(repo, 'flows/shopify-order-intake'),
      join(repo, 'flows/shopify-refund-to-credit-note'),
    );
    expect(result.out).toContain('7 of 7 cases passed.');
    expect(result.code).toBe(0);
  });
});

describe('command line', () => {
  it('exits 2 for an unknown command', async () => {
    const result = await cli('deploy-everything');
    expect(result.code).toBe(2);
    expect(result.err).toContain("unknown command 'deploy-everything'");
  });
});
