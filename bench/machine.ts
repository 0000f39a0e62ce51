import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a run was made on, as BENCHMARKS.md states it beside every figure. */
export function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) model = m[1].trim();
  } catch {
    // Not Linux: os.cpus() already named it.
  }
  const gib = Math.round(totalmem() / 2 ** 30);
  return `Node ${process.version}, ${model}, ${cpus().length} cores, ${gib} GiB, ${process.platform}/${process.arch}`;
}

/** The 1-minute load average: the machine is shared, so a busy moment is stated, not hidden. */
export function load(): string {
  return loadavg()[0]!.toFixed(2);
}
