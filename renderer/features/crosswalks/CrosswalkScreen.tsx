export function CrosswalkScreen() {
  return <main className="center muted">crosswalks</main>;
}
