/** A Content-Security-Policy header as directive → its sources (space-joined). */
export function csp(headers: Headers): Record<string, string> {
  return Object.fromEntries(
    (headers.get('content-security-policy') ?? '').split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}
