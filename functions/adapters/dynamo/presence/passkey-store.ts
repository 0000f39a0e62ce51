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
import { isConditionFailure, type Key, type TableClient } from '../table-client';
import { PENDING_PK, presenceKeys } from './keys';
import { ATTR, passkeyRecordOf } from './passkey-items';
import { CLAIM_CONDITION, claimAttr, useUpdate } from './passkey-spend';

/**
 * An employee's passkeys and pending challenges in one item (`EMP#{id}` / `PASSKEYS`): one read
 * gives a check-in everything it needs, and spending the challenge and moving the credential's
 * counter is one conditional write. Passkeys awaiting approval are also listed under one key,
 * so the admins' list is a Query, never a Scan. The item's mapping is passkey-items.ts; the
 * single-use writes, passkey-spend.ts.
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
