/**
 * Keys of the proof-of-presence items, beside the table's (table.ts):
 *
 * | item                         | pk                  | sk                                |
 * |------------------------------|---------------------|-----------------------------------|
 * | ground secret                | SITE#{id}           | CODE                              |
 * | passkeys, challenges and the | EMP#{id}            | PASSKEYS                          |
 * |   code claims (`codeStep#{rollCallId}`: the newest step used) |                   |
 * | passkey awaiting approval    | PASSKEYS#PENDING    | {employeeId}#{credentialId}       |
 */
export const presenceKeys = {
  code: (siteId: string) => ({ pk: `SITE#${siteId}`, sk: 'CODE' }),
  claim: (employeeId: string, date: string, rollCallId: string) => ({
    pk: `EMP#${employeeId}`,
    sk: `CODE#${date}#${rollCallId}`,
  }),
  passkeys: (employeeId: string) => ({ pk: `EMP#${employeeId}`, sk: 'PASSKEYS' }),
  pending: (employeeId: string, credentialId: string) => ({
    pk: PENDING_PK,
    sk: `${employeeId}#${credentialId}`,
  }),
};

export const PENDING_PK = 'PASSKEYS#PENDING';
