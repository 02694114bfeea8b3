/** Filled in with its page; here so the routes resolve. */
export function UsersPage() {
  return <h1>UsersPage</h1>;
}
