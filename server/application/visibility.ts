// Who may see an application, in one place (CONVENTIONS: "a second copy of a security-relevant
// `where` ... one builder", like Documenso's buildTeamWhereQuery). Every query that loads an
// application, or anything hanging off one (files, results, requests, events, participants),
// takes its `where` from here: for the application itself, or under the child's `application`
// relation. Pure functions returning Prisma `where` fragments; nothing here queries.
//
// The builders AND the caller's own conditions with the rule (never spread them into one object),
// so no condition a caller adds can replace the scope: `visibleToStaff(scope, { departmentId: x })`
// still sees only the scope's departments.
//
// Visibility is not permission: a role counts per department (server/auth/scope.ts, `rolesIn`),
// and what a caller may *do* is decided by the state machine and the mutations once the
// application is found. Another department's application, like a draft for staff, is simply not
// found (README: its existence is not disclosed).
import type { Prisma } from "../generated/prisma/client";

type Where = Prisma.ApplicationWhereInput;

const scoped = (rule: Where, where?: Where): Where => (where ? { AND: [where, rule] } : rule);

/**
 * Applicant side: the owner, or a co-applicant who accepted the invitation (R15). An invitation
 * not yet accepted has no user on it; the `acceptedAt` condition says so in the rule as well.
 */
export function visibleToApplicant(userId: string, where?: Where): Where {
  return scoped({ OR: [{ ownerId: userId }, { participants: { some: acceptedBy(userId) } }] }, where);
}

/** A co-applicant's participation that counts: theirs, and accepted (R15). */
export const acceptedBy = (userId: string) =>
  ({ userId, acceptedAt: { not: null } }) satisfies Prisma.ApplicationParticipantWhereInput;

/**
 * visibleToApplicant for listing (the cabinet): the same rule, with the joint applications the user
 * accepted given as their ids (read first: a person co-signs a handful). The owner's index and those
 * ids then find the rows; the rule as a subquery made PostgreSQL test every application in the table
 * against the participants (issue 13: the cabinet slowed as the region's applications grew).
 */
export function visibleToApplicantAmong(
  userId: string,
  acceptedApplicationIds: readonly string[],
  where?: Where,
): Where {
  return scoped(
    acceptedApplicationIds.length
      ? { OR: [{ ownerId: userId }, { id: { in: [...acceptedApplicationIds] } }] }
      : { ownerId: userId },
    where,
  );
}

/**
 * Staff side: an application of a department in the caller's scope (the scope holds the units under
 * a member department too), once it is submitted: a draft is the applicant's own (README: drafts
 * are not applications until submitted).
 */
export function visibleToStaff(scope: { readonly departmentIds: readonly string[] }, where?: Where): Where {
  return scoped({ departmentId: { in: [...scope.departmentIds] }, status: { not: "DRAFT" } }, where);
}

/**
 * Changing a draft (values, files, co-applicants, submission) is the owner's alone: a co-applicant
 * sees the application and fills only their own section.
 */
export function ownedBy(ownerId: string, where?: Where): Where {
  return scoped({ ownerId }, where);
}

/** Result documents the applicant side sees (R20): issued ones. Staff see every one of a visible application. */
export const ISSUED_RESULTS = { issuedAt: { not: null } } satisfies Prisma.ResultDocumentWhereInput;
