/** Filled in with its page; here so the routes resolve. */
export function AuditPage() {
  return <h1>AuditPage</h1>;
}
