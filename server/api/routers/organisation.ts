// The organisation's administration (issue 11): departments and staff accounts. Administrators
// only, re-checked against the database on every call (adminProcedure); each change is recorded
// with its before/after in server/organisation/mutations.ts.
import { departmentTree, openDepartments, staffAccountDetail, staffList } from "../../organisation/data";
import {
  closeDepartment,
  createDepartment,
  deactivateAccount,
  grantRole,
  inviteStaff,
  moveDepartment,
  reactivateAccount,
  resendInvitation,
  revokeRole,
  updateAccount,
  updateDepartment,
} from "../../organisation/mutations";
import {
  zAccountIdInput,
  zCloseDepartmentInput,
  zCreateDepartmentInput,
  zInviteInput,
  zMoveDepartmentInput,
  zRoleInput,
  zStaffFilters,
  zUpdateAccountInput,
  zUpdateDepartmentInput,
} from "../../organisation/schema";
import { AppError } from "../../errors";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const organisationRouter = createTRPCRouter({
  departments: adminProcedure.query(({ ctx }) => departmentTree(ctx.db)),
  openDepartments: adminProcedure.query(({ ctx }) => openDepartments(ctx.db)),
  createDepartment: adminProcedure
    .input(zCreateDepartmentInput)
    .mutation(({ ctx, input }) => createDepartment(ctx.db, ctx.identity.id, input)),
  updateDepartment: adminProcedure
    .input(zUpdateDepartmentInput)
    .mutation(({ ctx, input }) => updateDepartment(ctx.db, ctx.identity.id, input)),
  moveDepartment: adminProcedure
    .input(zMoveDepartmentInput)
    .mutation(({ ctx, input }) => moveDepartment(ctx.db, ctx.identity.id, input)),
  closeDepartment: adminProcedure
    .input(zCloseDepartmentInput)
    .mutation(({ ctx, input }) => closeDepartment(ctx.db, ctx.identity.id, input)),

  staff: adminProcedure.input(zStaffFilters).query(({ ctx, input }) => staffList(ctx.db, input)),
  account: adminProcedure.input(zAccountIdInput).query(async ({ ctx, input }) => {
    const account = await staffAccountDetail(ctx.db, input.id);
    if (!account) throw new AppError("NOT_FOUND", "Учётная запись не найдена");
    return account;
  }),
  invite: adminProcedure.input(zInviteInput).mutation(({ ctx, input }) => inviteStaff(ctx.db, ctx.identity.id, input)),
  resendInvitation: adminProcedure
    .input(zAccountIdInput)
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.identity.id, input)),
  updateAccount: adminProcedure
    .input(zUpdateAccountInput)
    .mutation(({ ctx, input }) => updateAccount(ctx.db, ctx.identity.id, input)),
  grantRole: adminProcedure.input(zRoleInput).mutation(({ ctx, input }) => grantRole(ctx.db, ctx.identity.id, input)),
  revokeRole: adminProcedure.input(zRoleInput).mutation(({ ctx, input }) => revokeRole(ctx.db, ctx.identity.id, input)),
  deactivate: adminProcedure
    .input(zAccountIdInput)
    .mutation(({ ctx, input }) => deactivateAccount(ctx.db, ctx.identity.id, input)),
  reactivate: adminProcedure
    .input(zAccountIdInput)
    .mutation(({ ctx, input }) => reactivateAccount(ctx.db, ctx.identity.id, input)),
});
