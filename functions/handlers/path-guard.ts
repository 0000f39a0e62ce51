/**
 * API Gateway picks a route, and with it whether a token is needed, from the raw path; the Lambda
 * adapter then builds a URL from the same raw path, and URL parsing resolves `%2e%2e` as `..`.
 * So `/assets/%2e%2e/v1/settings` matches the public `GET /assets/{proxy+}` at the gateway and
 * reaches `/v1/settings` in the app, past the gateway's JWT check. A path is let through only
 * when the app will see the path the gateway routed: no segment that is `.` or `..` once decoded,
 * no encoded slash or backslash, no empty segment (`//`), valid percent-encoding, and nothing
 * URL parsing would rewrite.
 */
export function isCanonicalPath(rawPath: string): boolean {
  if (!rawPath.startsWith('/') || rawPath.includes('\\') || /%(2f|5c)/i.test(rawPath)) return false;
  const segments = rawPath.split('/').slice(1);
  for (const [i, segment] of segments.entries()) {
    // A trailing slash leaves one empty last segment; anywhere else it is `//`.
    if (segment === '' && i < segments.length - 1) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    if (decoded === '.' || decoded === '..') return false;
  }
  try {
    return new URL(rawPath, 'https://apel.invalid').pathname === rawPath;
  } catch {
    return false;
  }
}
