import { describe, expect, it } from 'vitest';
import { groupsToIssue } from '../../functions/core/admin-mfa';
import type { TotpDirectory } from '../../functions/core/ports/admin-mfa';
import type { AppLogger } from '../../functions/core/ports/logger';

/** A directory of users with or without TOTP; anyone else makes it throw, as Cognito would. */
function fakeDirectory(totp: Record<string, boolean>) {
  const asked: string[] = [];
  const directory: TotpDirectory = {
    async hasTotp(username) {
      asked.push(username);
      const has = totp[username];
      if (has === undefined) throw new Error(`UserNotFoundException: ${username}`);
      return has;
    },
  };
  return { directory, asked };
}

function recordingLogger() {
  const lines: { level: string; message: string; attributes: Record<string, unknown> }[] = [];
  const at =
    (level: string) =>
    (message: string, attributes: Record<string, unknown> = {}) =>
      void lines.push({ level, message, attributes });
  const logger: AppLogger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

describe('groupsToIssue', () => {
  const dir = fakeDirectory({ 'admin-totp': true, 'admin-plain': false });

  it('keeps the admin group of a user with TOTP', async () => {
    const { logger, lines } = recordingLogger();
    const r = await groupsToIssue(
      { directory: dir.directory, logger },
      { username: 'admin-totp', groups: ['staff', 'admin'] },
      'admin',
    );
    expect(r).toEqual({ groups: ['staff', 'admin'] });
    expect(lines).toEqual([]);
  });

  it('withholds the admin group, and only it, from a user without TOTP, and says so', async () => {
    const { logger, lines } = recordingLogger();
    const r = await groupsToIssue(
      { directory: dir.directory, logger },
      { username: 'admin-plain', groups: ['staff', 'admin'] },
      'admin',
    );
    expect(r).toEqual({ groups: ['staff'], withheld: 'no_totp' });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        attributes: { username: 'admin-plain', adminGroup: 'admin' },
      }),
    ]);
  });

  it('leaves everyone else alone, without asking the directory', async () => {
    const d = fakeDirectory({});
    const { logger, lines } = recordingLogger();
    for (const groups of [[], ['staff'], ['Admin', 'admins']]) {
      const r = await groupsToIssue(
        { directory: d.directory, logger },
        { username: 'x', groups },
        'admin',
      );
      expect(r).toEqual({ groups });
    }
    expect(d.asked).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('fails closed: a directory that cannot answer withholds the group, and the error is logged', async () => {
    const { logger, lines } = recordingLogger();
    const r = await groupsToIssue(
      { directory: dir.directory, logger },
      { username: 'gone', groups: ['admin'] },
      'admin',
    );
    expect(r).toEqual({ groups: [], withheld: 'lookup_failed' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      attributes: { username: 'gone', error: 'Error: UserNotFoundException: gone' },
    });
  });

  it('fails closed for an admin the event does not name', async () => {
    const { logger, lines } = recordingLogger();
    const r = await groupsToIssue(
      { directory: dir.directory, logger },
      { username: undefined, groups: ['admin', 'staff'] },
      'admin',
    );
    expect(r).toEqual({ groups: ['staff'], withheld: 'lookup_failed' });
    expect(lines[0]?.level).toBe('error');
  });

  it('reads the admin group by its configured name', async () => {
    const { logger } = recordingLogger();
    const r = await groupsToIssue(
      { directory: dir.directory, logger },
      { username: 'admin-plain', groups: ['admin', 'bkd-admin'] },
      'bkd-admin',
    );
    expect(r).toEqual({ groups: ['admin'], withheld: 'no_totp' });
  });
});
