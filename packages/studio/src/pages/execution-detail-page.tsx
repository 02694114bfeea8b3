/** Filled in with its page; here so the routes resolve. */
export function ExecutionDetailPage() {
  return <h1>ExecutionDetailPage</h1>;
}
