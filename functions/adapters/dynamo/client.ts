import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Per-attempt time limits. The SDK's default is none at all: a DynamoDB that accepts the
 * connection and never answers would hold a check-in until Lambda killed it, and the phone would
 * get a gateway timeout instead of a 503 it can retry. A DynamoDB call takes ~10 ms, so 1 s to
 * connect and 3 s for the whole exchange are generous. With 3 attempts and the SDK's backoff a
 * hung call gives up after about 3 × 3 s + 1 s, under API Gateway's 30 s limit.
 * The request timer starts when the request is made, socket or not: right for Lambda (one
 * request per instance), wrong for one process serving a thousand at once (the local server
 * keeps the SDK's defaults).
 */
export const DYNAMO_TIMEOUTS = { connectionMs: 1_000, requestMs: 3_000 } as const;

export interface DynamoClientOptions {
  /** A local endpoint (dynalite, DynamoDB Local); unset on AWS. */
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly maxAttempts?: number;
  /**
   * Per attempt; DYNAMO_TIMEOUTS unless a test needs them short. `null` keeps the SDK's own (no
   * limit), for one process serving many requests at once: the local server.
   */
  readonly timeouts?: { readonly connectionMs: number; readonly requestMs: number } | null;
  /** The HTTP handler's options instead of the timeouts' (the local server's pool). */
  readonly requestHandler?: DynamoDBClientConfig['requestHandler'];
}

/**
 * The one place a DynamoDB client is made (the API, the report, the local server, the bench and
 * the tests): against a local endpoint it needs any region and credentials. The document client
 * shares the low-level one's connections; destroying either closes both.
 */
export function createDynamoClients(opts: DynamoClientOptions = {}): {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
} {
  const local = opts.endpoint !== undefined;
  const timeouts = opts.timeouts === undefined ? DYNAMO_TIMEOUTS : opts.timeouts;
  const client = new DynamoDBClient({
    ...(local
      ? {
          endpoint: opts.endpoint,
          region: opts.region ?? 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : opts.region
        ? { region: opts.region }
        : {}),
    maxAttempts: opts.maxAttempts ?? 3,
    ...(opts.requestHandler
      ? { requestHandler: opts.requestHandler }
      : timeouts
        ? {
            requestHandler: {
              connectionTimeout: timeouts.connectionMs,
              requestTimeout: timeouts.requestMs,
              // Without this the SDK only logs a warning when requestTimeout passes, and keeps waiting.
              throwOnRequestTimeout: true,
            },
          }
        : {}),
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { client, doc };
}

/** One document client per process (see createDynamoClients). */
export function createDocumentClient(opts: DynamoClientOptions = {}): DynamoDBDocumentClient {
  return createDynamoClients(opts).doc;
}

/**
 * Sockets to the store for the local server: one process answering bursts of hundreds of requests
 * (a roll call's peak, the test suites' races), each making three or four DynamoDB calls. With
 * the SDK's 50 the calls queued for seconds behind the pool and the SDK printed a "socket usage
 * at capacity" warning on the console each time (hundreds in `npm test`).
 */
export const LOCAL_SERVER_SOCKETS = 256;

/**
 * The request handler of the local server's client: a pool sized for its bursts and the SDK's
 * own warnings (a queue that still builds up) in the app's structured log, not on the console.
 * No per-attempt time limit: a call that waits its turn behind a burst is not a failure there.
 */
export function localServerRequestHandler(logger: {
  warn(message: string, attributes?: Record<string, unknown>): void;
}) {
  const sdkWarning = (...parts: unknown[]) =>
    logger.warn('DynamoDB client', { sdk: parts.map(String).join(' ') });
  return {
    httpAgent: { maxSockets: LOCAL_SERVER_SOCKETS },
    logger: { trace() {}, debug() {}, info() {}, warn: sdkWarning, error: sdkWarning },
  };
}
