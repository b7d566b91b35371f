export function AuditScreen() {
  return <main className="center muted">audit</main>;
}
