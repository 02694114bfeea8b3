/** Filled in with its page; here so the routes resolve. */
export function FlowEditorPage() {
  return <h1>FlowEditorPage</h1>;
}
