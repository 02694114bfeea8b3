/** Filled in with its page; here so the routes resolve. */
export function TokensPage() {
  return <h1>TokensPage</h1>;
}
