import { spawn } from 'node:child_process';

/**
 * Run `node …args` in a fresh process, killed after `limitMs`; resolves with the line of its
 * stdout that starts with `marker` (the marker taken off) and the whole stdout, once it has
 * exited 0. Benchmarks that need a cold process or a clean heap measure through this.
 */
export function runNode(
  args: readonly string[],
  o: { env: NodeJS.ProcessEnv; marker: string; limitMs: number; what: string },
): Promise<{ result: string; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...args], {
      env: o.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.limitMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(o.marker));
      if (code !== 0 || !line) {
        fail(new Error(`${o.what} exited ${code}: ${stderr.slice(-2000)}`));
        return;
      }
      done({ result: line.slice(o.marker.length), stdout });
    });
  });
}
