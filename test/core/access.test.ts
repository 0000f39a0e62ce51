import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  accessOf,
  isOfficer,
  isOperator,
  mayOfficiate,
  mayOperateUnit,
} from '../../functions/core/access';
import { StaffBody, staffRecord } from '../../functions/core/staff';

const employee = { employeeId: 'demo-001', admin: false };
const admin = { employeeId: 'bkd-admin', admin: true };

describe('access rules', () => {
  it('an admin operates every unit and officiates every roll call, with no record', () => {
    const a = accessOf(admin, null);
    expect(a).toEqual({ userId: 'bkd-admin', admin: true, units: [], rollCallIds: [] });
    expect(mayOperateUnit(a, 'Dinas Pendidikan')).toBe(true);
    expect(mayOfficiate(a, 'hkn')).toBe(true);
    expect(isOperator(a) && isOfficer(a)).toBe(true);
  });

  it('an operator operates their units only, in any case, and officiates nothing', () => {
    const a = accessOf(employee, {
      userId: 'demo-001',
      roles: ['operator'],
      units: ['Dinas Pendidikan'],
      rollCallIds: [],
    });
    expect(mayOperateUnit(a, 'dinas pendidikan')).toBe(true);
    expect(mayOperateUnit(a, ' DINAS PENDIDIKAN ')).toBe(true);
    expect(mayOperateUnit(a, 'Dinas Kesehatan')).toBe(false);
    expect(mayOperateUnit(a, 'Dinas')).toBe(false);
    expect(mayOfficiate(a, 'pagi')).toBe(false);
    expect([isOperator(a), isOfficer(a)]).toEqual([true, false]);
  });

  it('an officer officiates their roll calls only, by exact id', () => {
    const a = accessOf(employee, {
      userId: 'demo-001',
      roles: ['officer'],
      units: [],
      rollCallIds: ['hkn'],
    });
    expect(mayOfficiate(a, 'hkn')).toBe(true);
    expect(mayOfficiate(a, 'HKN')).toBe(false);
    expect(mayOfficiate(a, 'pagi')).toBe(false);
    expect(mayOperateUnit(a, 'BKD')).toBe(false);
  });

  it('scopes without their role grant nothing; no record is an employee only', () => {
    const stray = accessOf(employee, {
      userId: 'demo-001',
      roles: ['officer'],
      units: ['BKD'],
      rollCallIds: ['pagi'],
    });
    expect(mayOperateUnit(stray, 'BKD')).toBe(false);
    const none = accessOf(employee, null);
    expect([isOperator(none), isOfficer(none), mayOperateUnit(none, 'BKD')]).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('the staff body', () => {
  const ok = (x: unknown) => v.safeParse(StaffBody, x).success;

  it('needs each role’s scope, and each scope its role', () => {
    expect(ok({ roles: ['operator'], units: ['BKD'] })).toBe(true);
    expect(ok({ roles: ['officer'], rollCallIds: ['pagi'] })).toBe(true);
    expect(ok({ roles: ['operator', 'officer'], units: ['BKD'], rollCallIds: ['pagi'] })).toBe(
      true,
    );
    expect(ok({ roles: ['operator'] })).toBe(false);
    expect(ok({ roles: ['officer'], rollCallIds: [] })).toBe(false);
    expect(ok({ roles: ['officer'], rollCallIds: ['pagi'], units: ['BKD'] })).toBe(false);
    expect(ok({ roles: [] })).toBe(false);
    expect(ok({ roles: ['admin'], units: ['BKD'] })).toBe(false);
    expect(ok({ roles: ['operator'], units: [''] })).toBe(false);
    expect(ok({ roles: ['officer'], rollCallIds: ['Not An Id'] })).toBe(false);
    expect(ok({ roles: ['operator'], units: ['BKD'], extra: 1 })).toBe(false);
  });

  it('stores roles in their fixed order and each unit (any case) and roll call once', () => {
    const body = v.parse(StaffBody, {
      roles: ['officer', 'operator', 'officer'].slice(0, 2),
      units: ['BKD', ' bkd', 'Dinas Pendidikan'],
      rollCallIds: ['pagi', 'pagi'],
      name: ' Rina ',
    });
    expect(staffRecord('u1', body)).toEqual({
      userId: 'u1',
      roles: ['operator', 'officer'],
      units: ['BKD', 'Dinas Pendidikan'],
      rollCallIds: ['pagi'],
      name: 'Rina',
    });
  });
});
