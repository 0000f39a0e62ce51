import type { Holiday } from '../../core/model';
import type { HolidayRepository } from '../../core/ports';
import type { DynamoSettingsStore } from './settings-store';
import { keys } from './table';
import type { Item, TableClient } from './table-client';

function toHoliday(i: Item): Holiday {
  return { date: String(i.date), name: String(i.name) };
}

export type { HolidayRepository };

/** The holiday calendar, one partition per year. */
export class DynamoHolidayStore implements HolidayRepository {
  constructor(
    private readonly table: TableClient,
    private readonly settings: DynamoSettingsStore,
    private readonly onChange: () => void,
  ) {}

  async get(date: string): Promise<Holiday | null> {
    // Consistent: check-ins cache the answer until the next change of the calendar.
    const item = await this.table.get(keys.holiday(date), true);
    return item && item.removed !== true ? toHoliday(item) : null;
  }

  async put(holiday: Holiday): Promise<void> {
    await this.table.put({ ...keys.holiday(holiday.date), type: 'holiday', ...holiday });
    await this.changed();
  }

  /** Marked removed rather than deleted (the API's role may not delete). */
  async remove(date: string): Promise<boolean> {
    const item = await this.table.get(keys.holiday(date), true);
    if (!item || item.removed === true) return false;
    await this.table.put({ ...item, removed: true });
    await this.changed();
    return true;
  }

  async year(year: number): Promise<Holiday[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.holidayYear(year) },
    });
    return items.filter((i) => i.removed !== true).map(toHoliday);
  }

  private async changed(): Promise<void> {
    await this.settings.bump('holidaysRev');
    this.onChange();
  }
}
