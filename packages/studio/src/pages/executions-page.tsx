/** Filled in with its page; here so the routes resolve. */
export function ExecutionsPage() {
  return <h1>ExecutionsPage</h1>;
}
