/** One console call made by the user's code, already formatted to a string inside the isolate. */
export interface CodeLogLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

/**
 * One run of a `core.code` node.
 *
 * @example
 * const request: CodeRunRequest = { code: 'return input.a + 1', input: { a: 1 }, timeoutMs: 1000, memoryMb: 64 };
 */
export interface CodeRunRequest {
  /** Body of an async function; `input` holds a deep copy of the node input; `return x` gives the output. */
  code: string;
  /** A JSON-compatible value. */
  input: unknown;
  /** Wall-clock limit of the whole call, sync and async parts (time spent queued for an isolate excluded). */
  timeoutMs: number;
  /** Heap limit of the isolate, in MB (at least 8). */
  memoryMb: number;
  /** Aborting stops the call and rejects it with an Error named AbortError. */
  signal?: AbortSignal;
}

/**
 * What a successful run gives back.
 *
 * @example
 * const result: CodeRunResult = { output: 2, logs: [{ level: 'log', message: 'adding one' }] };
 */
export interface CodeRunResult {
  /** The returned value, copied out as JSON; `undefined` becomes null. */
  output: unknown;
  logs: CodeLogLine[];
}

/**
 * Runs untrusted user JavaScript with time and memory limits and no host references.
 *
 * @example
 * const sandbox = createIsolatePool();
 * const { output } = await sandbox.run({ code: 'return input.n * 2', input: { n: 21 }, timeoutMs: 1000, memoryMb: 64 });
 * await sandbox.close();
 */
export interface CodeSandbox {
  run(request: CodeRunRequest): Promise<CodeRunResult>;
  /** Disposes every isolate; later runs reject. */
  close(): Promise<void>;
}
