import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A user as AdminGetUser describes them: which MFA factors are on, and the preferred one. */
export interface LocalCognitoUser {
  readonly mfa?: readonly string[];
  readonly preferred?: string;
}

type Fault = 'internal' | 'hang';

/**
 * A loopback stand-in for the Cognito user-pool API (AWS JSON 1.1, as the SDK speaks it), enough
 * for AdminGetUser: users by pool and name, `UserNotFoundException` for the rest, and injected
 * faults (a 500, or a request never answered). Records every call it gets.
 */
export async function startCognitoLocal(poolId: string, users: Record<string, LocalCognitoUser>) {
  const calls: { target: string; body: Record<string, unknown> }[] = [];
  const faults: Fault[] = [];
  const hung: ServerResponse[] = [];
  const error = (res: ServerResponse, status: number, type: string, message: string) => {
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype': type,
    });
    res.end(JSON.stringify({ __type: type, message }));
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      calls.push({ target, body });
      const fault = faults.shift();
      if (fault === 'hang') return void hung.push(res);
      if (fault === 'internal') return error(res, 500, 'InternalErrorException', 'injected');
      if (target !== 'AWSCognitoIdentityProviderService.AdminGetUser') {
        return error(res, 400, 'UnknownOperationException', target);
      }
      if (body.UserPoolId !== poolId) {
        return error(res, 400, 'ResourceNotFoundException', 'User pool does not exist.');
      }
      const name = String(body.Username);
      const user = users[name];
      if (!user) return error(res, 400, 'UserNotFoundException', 'User does not exist.');
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify({
          Username: name,
          Enabled: true,
          UserStatus: 'CONFIRMED',
          UserAttributes: [{ Name: 'sub', Value: crypto.randomUUID() }],
          ...(user.mfa ? { UserMFASettingList: user.mfa } : {}),
          ...(user.preferred ? { PreferredMfaSetting: user.preferred } : {}),
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    /** The next calls fail this way, one fault per call. */
    fail(...next: Fault[]) {
      faults.push(...next);
    },
    /** Forget the faults not yet used. */
    heal() {
      faults.length = 0;
    },
    stop: () =>
      new Promise<void>((r) => {
        for (const res of hung.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export type CognitoLocal = Awaited<ReturnType<typeof startCognitoLocal>>;
