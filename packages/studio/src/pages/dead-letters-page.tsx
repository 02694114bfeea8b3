/** Filled in with its page; here so the routes resolve. */
export function DeadLettersPage() {
  return <h1>DeadLettersPage</h1>;
}
