import type { GroundCodeState, GroundCodeStore } from '../../../core/ports/presence';
import { newSecret } from '../../../core/presence/totp';
import { ConfigCache } from '../config-cache';
import type { DynamoSettingsStore } from '../settings-store';
import { keys } from '../table';
import { type Item, isConditionFailure, type TableClient } from '../table-client';
import { presenceKeys } from './keys';
import { CLAIM_CONDITION, claimAttr } from './passkey-spend';

/**
 * Ground codes on DynamoDB. The mode is the ground's (its SITE item, `presenceCode`); the
 * secret is an item of its own beside it (`SITE#{id}` / `CODE`), so that PUT /v1/sites never
 * touches it and no route ever returns it. A check-in reads both from the process's cache,
 * which the sites revision keeps honest: making or rotating a secret bumps it, so every process
 * sees the change at its next check-in. The claim is one conditional write per check-in, on
 * the employee's PASSKEYS item (folded into the passkey's own write when both are proved).
 */
export class DynamoGroundCodes implements GroundCodeStore {
  constructor(
    private readonly table: TableClient,
    private readonly cache: ConfigCache,
    private readonly settings: DynamoSettingsStore,
  ) {}

  state(siteId: string): Promise<GroundCodeState | null> {
    return ConfigCache.cached(this.cache.codes, siteId, () => this.readState(siteId));
  }

  private async readState(siteId: string): Promise<GroundCodeState | null> {
    const items = await this.table.batchGet([keys.site(siteId), presenceKeys.code(siteId)], true);
    const site = items.find((i) => i.sk === 'SITE');
    if (!site || site.deleted === true) return null;
    const code = items.find((i) => i.sk === 'CODE');
    const mode =
      site.presenceCode === 'flag' || site.presenceCode === 'require' ? site.presenceCode : 'off';
    return { mode, secret: code ? secretOf(code) : null };
  }

  async secret(siteId: string): Promise<Uint8Array | null> {
    const [site, code] = await Promise.all([
      this.table.get(keys.site(siteId), true),
      this.table.get(presenceKeys.code(siteId), true),
    ]);
    if (!site || site.deleted === true) return null;
    if (code) return secretOf(code);
    const made = newSecret();
    try {
      await this.table.put(
        {
          ...presenceKeys.code(siteId),
          type: 'ground-code',
          siteId,
          secret: made.toString('base64'),
          createdAt: new Date().toISOString(),
        },
        { ConditionExpression: 'attribute_not_exists(pk)' },
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      // Two kiosks asked first at once: the one stored stands.
      const stored = await this.table.get(presenceKeys.code(siteId), true);
      return stored ? secretOf(stored) : null;
    }
    await this.changed();
    return made;
  }

  async rotate(siteId: string, at: Date): Promise<boolean> {
    const site = await this.table.get(keys.site(siteId), true);
    if (!site || site.deleted === true) return false;
    await this.table.put({
      ...presenceKeys.code(siteId),
      type: 'ground-code',
      siteId,
      secret: newSecret().toString('base64'),
      createdAt: at.toISOString(),
    });
    await this.changed();
    return true;
  }

  async claim(
    key: { employeeId: string; date: string; rollCallId: string },
    _siteId: string,
    step: number,
    _expiresAt: number,
  ): Promise<boolean> {
    try {
      // On the employee's PASSKEYS item (passkey-spend.ts, claimAttr): a check-in with a
      // passkey too spends both in one write there.
      await this.table.update({
        Key: presenceKeys.passkeys(key.employeeId),
        UpdateExpression: 'SET #claim = :step, #t = :t',
        ConditionExpression: CLAIM_CONDITION,
        ExpressionAttributeNames: { '#claim': claimAttr(key.rollCallId), '#t': 'type' },
        ExpressionAttributeValues: { ':step': step, ':t': 'passkeys' },
      });
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  private async changed(): Promise<void> {
    await this.settings.bump('sitesRev');
    this.cache.invalidate();
  }
}

function secretOf(i: Item): Uint8Array {
  return new Uint8Array(Buffer.from(String(i.secret), 'base64'));
}
