/** Exit codes: 0 success, 1 the flow ran and failed, 2 the flow or its input is invalid. */
export type ExitCode = 0 | 1 | 2;

export const EXIT_OK: ExitCode = 0;
export const EXIT_FLOW_FAILED: ExitCode = 1;
export const EXIT_INVALID: ExitCode = 2;

/** An error the CLI reports as a sentence (never a stack) with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT_INVALID,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
