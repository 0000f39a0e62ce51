import type { Site } from '../../core/model';
import type { SiteRepository } from '../../core/ports';
import { toSite } from './items';
import type { DynamoSettingsStore } from './settings-store';
import { GSI1, keys } from './table';
import type { TableClient } from './table-client';

/** Apel grounds. Every write moves the sites revision, so check-ins see it at once. */
export class DynamoSiteStore implements SiteRepository {
  constructor(
    private readonly table: TableClient,
    private readonly settings: DynamoSettingsStore,
    private readonly onChange: () => void,
  ) {}

  async get(siteId: string): Promise<Site | null> {
    const item = await this.table.get(keys.site(siteId), true);
    return item && item.deleted !== true ? toSite(item) : null;
  }

  async put(site: Site): Promise<void> {
    await this.table.put({
      ...keys.site(site.siteId),
      ...keys.siteIndex(site.siteId),
      type: 'site',
      siteId: site.siteId,
      name: site.name,
      // A JSON string: half the size of a DynamoDB list of number pairs.
      geometry: JSON.stringify(site.geometry),
      presenceCode: site.presence?.code ?? 'off',
    });
    await this.changed();
  }

  /** Retired, not deleted (the API's role may not delete): off the list, out of check-ins. */
  async remove(siteId: string): Promise<boolean> {
    const item = await this.table.get(keys.site(siteId), true);
    if (!item || item.deleted === true) return false;
    const { gsi1pk: _p, gsi1sk: _s, ...rest } = item;
    await this.table.put({ ...rest, deleted: true });
    await this.changed();
    return true;
  }

  async list(): Promise<Site[]> {
    const items = await this.table.queryAll({
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': 'SITES' },
    });
    return items.filter((i) => i.deleted !== true).map(toSite);
  }

  private async changed(): Promise<void> {
    await this.settings.bump('sitesRev');
    this.onChange();
  }
}
