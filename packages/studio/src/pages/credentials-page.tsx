/** Filled in with its page; here so the routes resolve. */
export function CredentialsPage() {
  return <h1>CredentialsPage</h1>;
}
