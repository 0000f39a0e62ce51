import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type {
  ChallengeKind,
  PasskeyRecord,
  PasskeyStore,
  PendingChallenge,
  PendingPasskey,
  StoredPasskey,
} from '../../../core/ports/presence';
import { guard } from '../errors';
import { type Item, isConditionFailure, type Key, type TableClient } from '../table-client';
import { PENDING_PK, presenceKeys } from './keys';

const ATTR: Record<ChallengeKind, { value: string; exp: string }> = {
  auth: { value: 'authChallenge', exp: 'authChallengeExp' },
  reg: { value: 'regChallenge', exp: 'regChallengeExp' },
};

/**
 * An employee's passkeys and pending challenges in one item (`EMP#{id}` / `PASSKEYS`): one read
 * gives a check-in everything it needs, and spending the challenge and moving the credential's
 * counter is one conditional write. Passkeys awaiting approval are also listed under one key,
 * so the admins' list is a Query, never a Scan.
 */
export class DynamoPasskeyStore implements PasskeyStore {
  constructor(private readonly table: TableClient) {}

  async load(employeeId: string): Promise<PasskeyRecord> {
    return passkeyRecordOf(await this.table.get(presenceKeys.passkeys(employeeId), true));
  }

  async setChallenge(
    employeeId: string,
    kind: ChallengeKind,
    challenge: PendingChallenge,
  ): Promise<PasskeyRecord> {
    const a = ATTR[kind];
    const item = await this.table.update({
      Key: presenceKeys.passkeys(employeeId),
      UpdateExpression: 'SET #v = :v, #e = :e, #t = :t',
      ExpressionAttributeNames: { '#v': a.value, '#e': a.exp, '#t': 'type' },
      ExpressionAttributeValues: {
        ':v': challenge.value,
        ':e': challenge.expiresAt,
        ':t': 'passkeys',
      },
      ReturnValues: 'ALL_NEW',
    });
    return passkeyRecordOf(item);
  }

  async useCredential(
    employeeId: string,
    challenge: string,
    credential: { id: string; counter: number },
    nowS: number,
    at: string,
  ): Promise<boolean> {
    try {
      await this.table.update(useUpdate(employeeId, challenge, credential, nowS, at));
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async useCredentialAndClaim(
    employeeId: string,
    challenge: string,
    credential: { id: string; counter: number },
    claim: { rollCallId: string; step: number },
    nowS: number,
    at: string,
  ): Promise<'ok' | 'replayed' | 'reused'> {
    const u = useUpdate(employeeId, challenge, credential, nowS, at);
    try {
      await this.table.update({
        ...u,
        UpdateExpression: `${u.UpdateExpression}, #claim = :step`,
        ConditionExpression: `${u.ConditionExpression} AND ${CLAIM_CONDITION}`,
        ExpressionAttributeNames: {
          ...u.ExpressionAttributeNames,
          '#claim': claimAttr(claim.rollCallId),
        },
        ExpressionAttributeValues: { ...u.ExpressionAttributeValues, ':step': claim.step },
      });
      return 'ok';
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    // Which condition failed, read back only on this rare path (the challenge's comes first).
    const item = await this.table.get(presenceKeys.passkeys(employeeId), true);
    const record = passkeyRecordOf(item);
    const ch = record.authChallenge;
    const cred = record.passkeys.find((p) => p.credentialId === credential.id);
    if (!ch || ch.value !== challenge || ch.expiresAt <= nowS || cred?.status !== 'active') {
      return 'replayed';
    }
    return 'reused';
  }

  async addPasskey(
    employeeId: string,
    challenge: string,
    passkey: Omit<StoredPasskey, 'status'>,
    nowS: number,
  ): Promise<StoredPasskey | null> {
    const { credentialId, ...rest } = passkey;
    const common = {
      Key: presenceKeys.passkeys(employeeId),
      ExpressionAttributeValues: { ':ch': challenge, ':now': nowS },
    };
    const spend = 'regChallenge = :ch AND regChallengeExp > :now';
    // The first passkey is trusted on first use; any later one waits for an admin.
    const first: StoredPasskey = { ...passkey, status: 'active' };
    try {
      await this.table.update({
        ...common,
        UpdateExpression: 'SET creds = :map REMOVE regChallenge, regChallengeExp',
        ConditionExpression: `attribute_not_exists(creds) AND ${spend}`,
        ExpressionAttributeValues: {
          ...common.ExpressionAttributeValues,
          ':map': { [credentialId]: { ...rest, status: 'active' } },
        },
      });
      return first;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    const later: StoredPasskey = { ...passkey, status: 'pending' };
    try {
      await this.table.update({
        ...common,
        UpdateExpression: 'SET creds.#id = :cred REMOVE regChallenge, regChallengeExp',
        ConditionExpression: `attribute_exists(creds) AND attribute_not_exists(creds.#id) AND ${spend}`,
        ExpressionAttributeNames: { '#id': credentialId },
        ExpressionAttributeValues: {
          ...common.ExpressionAttributeValues,
          ':cred': { ...rest, status: 'pending' },
        },
      });
    } catch (err) {
      if (isConditionFailure(err)) return null;
      throw err;
    }
    await this.table.put({
      ...presenceKeys.pending(employeeId, credentialId),
      type: 'passkey-pending',
      employeeId,
      credentialId,
      createdAt: passkey.createdAt,
    });
    return later;
  }

  async pending(): Promise<PendingPasskey[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': PENDING_PK },
    });
    return items.map((i) => ({
      employeeId: String(i.employeeId),
      credentialId: String(i.credentialId),
      createdAt: String(i.createdAt),
    }));
  }

  async approve(employeeId: string, credentialId: string): Promise<StoredPasskey | null> {
    let approved: StoredPasskey | null = null;
    try {
      const item = await this.table.update({
        Key: presenceKeys.passkeys(employeeId),
        UpdateExpression: 'SET creds.#id.#status = :active',
        ConditionExpression: 'creds.#id.#status = :pending',
        ExpressionAttributeNames: { '#id': credentialId, '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active', ':pending': 'pending' },
        ReturnValues: 'ALL_NEW',
      });
      approved =
        passkeyRecordOf(item).passkeys.find((p) => p.credentialId === credentialId) ?? null;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      // Approved before (a retry): the same answer; unknown: null.
      const again = (await this.load(employeeId)).passkeys.find(
        (p) => p.credentialId === credentialId,
      );
      approved = again?.status === 'active' ? again : null;
    }
    await this.delete(presenceKeys.pending(employeeId, credentialId));
    return approved;
  }

  async reset(employeeId: string): Promise<number> {
    const record = await this.load(employeeId);
    await this.delete(presenceKeys.passkeys(employeeId));
    await Promise.all(
      record.passkeys
        .filter((p) => p.status === 'pending')
        .map((p) => this.delete(presenceKeys.pending(employeeId, p.credentialId))),
    );
    return record.passkeys.length;
  }

  private async delete(key: Key): Promise<void> {
    await guard(() =>
      this.table.doc.send(new DeleteCommand({ TableName: this.table.name, Key: key })),
    );
  }
}

/** Spend the authentication challenge and move the credential's counter, if both still stand. */
function useUpdate(
  employeeId: string,
  challenge: string,
  credential: { id: string; counter: number },
  nowS: number,
  at: string,
) {
  return {
    Key: presenceKeys.passkeys(employeeId),
    UpdateExpression:
      'REMOVE authChallenge, authChallengeExp SET creds.#id.#counter = :n, creds.#id.lastUsedAt = :at',
    ConditionExpression:
      'authChallenge = :ch AND authChallengeExp > :now AND creds.#id.#status = :active',
    ExpressionAttributeNames: {
      '#id': credential.id,
      '#counter': 'counter',
      '#status': 'status',
    } as Record<string, string>,
    ExpressionAttributeValues: {
      ':n': credential.counter,
      ':at': at,
      ':ch': challenge,
      ':now': nowS,
      ':active': 'active',
    } as Record<string, unknown>,
  };
}

/**
 * A ground code's claim is an attribute of the employee's PASSKEYS item, one per roll call: the
 * newest step used for it. Steps only grow with time, so a newer step is also any later day's;
 * one item holds both proofs' single use, and a check-in with both spends them in one write.
 */
export const claimAttr = (rollCallId: string) => `codeStep#${rollCallId}`;
/** Only a newer step than any used: the same code, or an older one, is spent. */
export const CLAIM_CONDITION = '(attribute_not_exists(#claim) OR #claim < :step)';

function challengeOf(i: Item, kind: ChallengeKind): PendingChallenge | null {
  const a = ATTR[kind];
  return typeof i[a.value] === 'string'
    ? { value: String(i[a.value]), expiresAt: Number(i[a.exp]) }
    : null;
}

/** The record from its item (none: no passkeys, no challenges). */
export function passkeyRecordOf(i: Item | null): PasskeyRecord {
  if (!i) return { passkeys: [], authChallenge: null, regChallenge: null };
  const creds = (i.creds ?? {}) as Record<string, Item>;
  const passkeys: StoredPasskey[] = Object.entries(creds)
    .map(([credentialId, c]) => ({
      credentialId,
      publicKey: String(c.publicKey),
      counter: Number(c.counter ?? 0),
      ...(Array.isArray(c.transports) ? { transports: c.transports.map(String) } : {}),
      status: c.status === 'active' ? ('active' as const) : ('pending' as const),
      createdAt: String(c.createdAt),
      ...(typeof c.lastUsedAt === 'string' ? { lastUsedAt: c.lastUsedAt } : {}),
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { passkeys, authChallenge: challengeOf(i, 'auth'), regChallenge: challengeOf(i, 'reg') };
}
