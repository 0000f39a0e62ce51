import { createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does with one request instead of (or after) passing it on. */
export type Fault =
  | 'throttle' // 400 ProvisionedThroughputExceededException
  | 'throttling' // 400 ThrottlingException
  | 'internal' // 500 InternalServerError
  | 'unavailable' // 503 ServiceUnavailable
  | 'hang' // accept, never answer
  | 'reset' // destroy the connection before the store sees the request
  | 'lost-answer'; // pass it on (the store does it), then destroy the connection unanswered

export interface Seen {
  /** The DynamoDB operation, e.g. "PutItem", from X-Amz-Target. */
  readonly op: string;
  /** The request's JSON body as text, to tell one item from another. */
  readonly body: string;
  readonly fault: Fault | null;
}

/** Decides the fault for a request (null: pass it on untouched). */
export type Rule = (req: { op: string; body: string; n: number }) => Fault | null;

const ERRORS: Record<string, [number, string, string]> = {
  throttle: [
    400,
    'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    'The level of configured provisioned throughput for the table was exceeded.',
  ],
  throttling: [400, 'com.amazon.coral.availability#ThrottlingException', 'Rate exceeded'],
  internal: [500, 'com.amazonaws.dynamodb.v20120810#InternalServerError', 'Internal server error'],
  unavailable: [503, 'com.amazon.coral.availability#ServiceUnavailableException', 'Unavailable'],
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/**
 * An HTTP proxy on 127.0.0.1 in front of a DynamoDB-compatible server that answers as DynamoDB
 * does when it is throttled, failing or unreachable, per a rule the test sets. Faults come from
 * the network, as in production: the SDK's own retries, timeouts and error parsing all run.
 */
export async function startFaultyDynamo(upstream: string) {
  const target = new URL(upstream);
  let rule: Rule = () => null;
  let n = 0;
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const text = body.toString('utf8');
    const fault = rule({ op, body: text, n: n++ });
    seen.push({ op, body: text, fault });
    if (fault === 'hang') return; // the socket is closed when the proxy stops
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    const error = fault ? ERRORS[fault] : undefined;
    if (error) {
      const [status, type, message] = error;
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ __type: type, message }));
      return;
    }
    const up = forward(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        if (fault === 'lost-answer') {
          // The store has done the work; the caller never hears of it.
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', () => req.socket.destroy());
    up.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** Every request seen since the last reset, with the fault it got. */
    seen,
    /** Set the rule for the requests to come (n counts them from the last reset). */
    setRule(r: Rule) {
      rule = r;
    },
    /** Pass everything on again, forget what was seen, count requests from 0. */
    reset() {
      rule = () => null;
      seen.length = 0;
      n = 0;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export type FaultyDynamo = Awaited<ReturnType<typeof startFaultyDynamo>>;

/** A rule that answers every request with `fault`. */
export const always =
  (fault: Fault): Rule =>
  () =>
    fault;

/** A rule that gives `fault` to requests whose body mentions `marker` (e.g. "#CHECKIN"). */
export const on =
  (marker: string, fault: Fault, op = 'PutItem'): Rule =>
  (req) =>
    req.op === op && req.body.includes(marker) ? fault : null;
