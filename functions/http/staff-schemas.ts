import * as v from 'valibot';
import { EmployeeId } from '../core/fields';
import { StaffSchema } from '../core/staff';

export { StaffBody, StaffSchema } from '../core/staff';

export const UserIdParam = v.object({ userId: EmployeeId });

export const StaffList = v.object({
  items: v.pipe(v.array(StaffSchema), v.description('every operator and officer, by user id')),
});
