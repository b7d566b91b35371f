export function ImportScreen() {
  return <main className="center muted">import</main>;
}
