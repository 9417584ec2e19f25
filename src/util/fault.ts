// Fault injection for crash tests: KACHI_FAULT=<point>:<n> makes the process kill itself with SIGKILL
// the n-th time it reaches <point> — no cleanup, no flush, exactly like a power cut or the OOM killer.
// Unset (always, outside tests), it costs one lookup.
const spec = process.env.KACHI_FAULT?.split(':');
const hits = new Map<string, number>();

export function faultPoint(point: string): void {
  if (!spec || spec[0] !== point) return;
  const n = (hits.get(point) ?? 0) + 1;
  hits.set(point, n);
  if (n === Number(spec[1] ?? 1)) process.kill(process.pid, 'SIGKILL');
}
