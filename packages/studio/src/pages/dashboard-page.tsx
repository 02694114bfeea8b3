/** Filled in with its page; here so the routes resolve. */
export function DashboardPage() {
  return <h1>DashboardPage</h1>;
}
