/** Guardrails every JSONata evaluation runs under; a runaway expression fails its node, not the worker. */
export interface ExpressionLimits {
  /** Wall-clock budget of one evaluation. */
  timeoutMs: number;
  /** Deepest nesting of evaluation steps, which bounds recursion. */
  maxDepth: number;
  /** Longest sequence (array) an evaluation may build. */
  maxSequence: number;
}

export const defaultExpressionLimits: ExpressionLimits = {
  timeoutMs: 1000,
  maxDepth: 500,
  maxSequence: 1_000_000,
};
