import * as v from 'valibot';
import { DEFAULT_MAX_LIFETIME_S, type VerifierOptions } from './jwt';

/** A comma-separated list: `a, b,c` → `['a', 'b', 'c']`; at least one value. */
export const list = v.pipe(
  v.string(),
  v.transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  ),
  v.minLength(1, 'needs at least one value'),
);

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

const tableName = v.pipe(v.string(), v.regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'not a table name'));
const bucketName = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'not a bucket name'),
);
const store = {
  TABLE_NAME: tableName,
  DYNAMODB_ENDPOINT: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
  AWS_REGION: v.optional(v.string()),
  REPORTS_BUCKET: bucketName,
  REPORTS_TOPIC_ARN: v.optional(
    v.pipe(v.string(), v.startsWith('arn:', 'must be an SNS topic ARN')),
  ),
  /** Local stand-ins for S3 and SNS (tests); unset on AWS. */
  S3_ENDPOINT: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
  SNS_ENDPOINT: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
};

/** The daily-report function's environment. */
export const ReportEnvSchema = v.object(store);
export type ReportEnv = v.InferOutput<typeof ReportEnvSchema>;

/** The origin of the reports bucket's presigned addresses: virtual-hosted on AWS, a stand-in's locally. */
export function reportsOrigin(env: ReportEnv): string | undefined {
  if (env.S3_ENDPOINT) return new URL(env.S3_ENDPOINT).origin;
  if (!env.AWS_REGION) return undefined;
  return `https://${env.REPORTS_BUCKET}.s3.${env.AWS_REGION}.amazonaws.com`;
}

const url = v.pipe(v.string(), v.url('must be a URL'));

/**
 * A raster tile URL template for the console's map: http(s), one host (`{s}.` may stand for its
 * subdomains), with `{z}`, `{x}` and `{y}`. The console's CSP adds that host to img-src.
 */
export const TileUrl = v.pipe(
  v.string(),
  v.regex(
    /^https?:\/\/(\{s\}\.)?[a-z0-9.-]+(:\d+)?\/[^\s"'<>]*$/i,
    'must be an http(s) URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  ),
  v.check(
    (u) => ['{z}', '{x}', '{y}'].every((k) => u.includes(k)),
    'must contain {z}, {x} and {y}',
  ),
);

/** The console map's tiles (the API function, and `npm start` from the shell's environment). */
export const TileEnvSchema = v.object({
  TILE_URL: v.optional(TileUrl),
  /** The credit the tiles' licence asks for, as HTML; OpenStreetMap's with its default URL. */
  TILE_ATTRIBUTION: v.optional(v.pipe(v.string(), v.maxLength(500, 'at most 500 characters'))),
});

/** OAuth scopes, written as OAuth writes them (space-separated) or comma-separated. */
const scopes = v.pipe(
  v.string(),
  v.transform((s) => s.split(/[\s,]+/).filter(Boolean)),
  v.minLength(1, 'needs at least one scope'),
);

/** The API function's environment. Parsed once at start; a bad value stops the process. */
export const ApiEnvSchema = v.pipe(
  v.object({
    ...store,
    ...TileEnvSchema.entries,
    JWT_ISSUER: v.pipe(v.string(), v.url('must be the issuer URL')),
    /**
     * The report function, invoked asynchronously to republish a corrected day and to build
     * large rosters' reports; without it the report tick republishes (within five minutes).
     */
    REPORT_FUNCTION_NAME: v.optional(nonEmpty),
    /** A local stand-in for Lambda (tests); unset on AWS. */
    LAMBDA_ENDPOINT: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
    JWT_AUDIENCE: list,
    JWT_JWKS_URL: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
    /** A JSON Web Key Set inline, instead of a URL (the local server uses this). */
    JWT_JWKS: v.optional(
      v.pipe(
        v.string(),
        v.parseJson(undefined, 'must be JSON'),
        v.object({ keys: v.array(v.record(v.string(), v.unknown())) }),
      ),
    ),
    JWT_ALGORITHMS: v.optional(list, 'RS256,ES256'),
    EMPLOYEE_CLAIM: v.optional(nonEmpty, 'sub'),
    GROUPS_CLAIM: v.optional(nonEmpty, 'cognito:groups'),
    ADMIN_GROUP: v.optional(nonEmpty, 'admin'),
    /** Longest token lifetime (exp − iat) accepted, in seconds: a minute to a week. */
    JWT_MAX_LIFETIME_S: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d+$/, 'must be a whole number of seconds'),
        v.transform(Number),
        v.minValue(60, 'must be at least 60'),
        v.maxValue(7 * 86_400, 'must be at most 604800 (a week)'),
      ),
      String(DEFAULT_MAX_LIFETIME_S),
    ),
    /**
     * The check-in page's sign-in (Cognito app client without a secret, code flow with PKCE).
     * Without WEB_CLIENT_ID the page is served but says that sign-in is not set up.
     */
    WEB_CLIENT_ID: v.optional(nonEmpty),
    OIDC_AUTHORIZE_URL: v.optional(url),
    OIDC_TOKEN_URL: v.optional(url),
    OIDC_LOGOUT_URL: v.optional(url),
    OIDC_SCOPES: v.optional(scopes, 'openid'),
    /**
     * The ID token's issuer and key set, which the page checks it against; JWT_ISSUER and
     * JWT_JWKS_URL when absent (Cognito issues both kinds of token).
     */
    OIDC_ISSUER: v.optional(url),
    OIDC_JWKS_URL: v.optional(url),
    /** The redirect URI registered for the client; the page's own URL when absent. */
    WEB_REDIRECT_URI: v.optional(url),
  }),
  v.check(
    (e) => e.JWT_JWKS_URL !== undefined || e.JWT_JWKS !== undefined,
    'JWT_JWKS_URL: one of JWT_JWKS_URL or JWT_JWKS is required',
  ),
  v.check(
    (e) => e.WEB_CLIENT_ID === undefined || e.OIDC_AUTHORIZE_URL !== undefined,
    'OIDC_AUTHORIZE_URL: required with WEB_CLIENT_ID',
  ),
  v.check(
    (e) => e.WEB_CLIENT_ID === undefined || e.OIDC_TOKEN_URL !== undefined,
    'OIDC_TOKEN_URL: required with WEB_CLIENT_ID',
  ),
  v.check(
    (e) =>
      e.WEB_CLIENT_ID === undefined ||
      e.OIDC_JWKS_URL !== undefined ||
      e.JWT_JWKS_URL !== undefined,
    'OIDC_JWKS_URL: required with WEB_CLIENT_ID when JWT_JWKS_URL is not set (the page checks the ID token against it)',
  ),
);

export type ApiEnv = v.InferOutput<typeof ApiEnvSchema>;

/** The JWT verifier's options from the API function's environment. */
export function verifierOptions(env: ApiEnv): VerifierOptions {
  return {
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    jwksUrl: env.JWT_JWKS_URL,
    jwks: env.JWT_JWKS as { keys: never[] } | undefined,
    algorithms: env.JWT_ALGORITHMS,
    employeeClaim: env.EMPLOYEE_CLAIM,
    groupsClaim: env.GROUPS_CLAIM,
    adminGroup: env.ADMIN_GROUP,
    maxLifetimeS: env.JWT_MAX_LIFETIME_S,
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parse an environment with a schema; the error names every variable that is wrong. */
export function readEnv<S extends v.GenericSchema>(
  schema: S,
  env: Record<string, string | undefined>,
): v.InferOutput<S> {
  const r = v.safeParse(schema, env);
  if (r.success) return r.output;
  const lines = r.issues.map((i) => {
    const key = i.path?.map((p) => String(p.key)).join('.');
    return key ? `${key}: ${i.message}` : i.message;
  });
  throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
}
