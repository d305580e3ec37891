// Verification of electronic signatures (issue 15 p.4; R17, R20): the signatures applicants attach
// beside their documents, for staff of the application's department, and a result document's own
// signature, for its applicant once issued and for staff. The public check of any document and its
// `.sig` is the REST route POST /api/verify (multipart).
import { z } from "zod";
import { zId } from "../../ids";
import { now as clockNow } from "../../clock";
import { fileStorage } from "../../storage/storage";
import { attachmentVerdicts, resultVerdict } from "../../signature/attachments";
import { viewerOf } from "../access";
import { authedProcedure, createTRPCRouter, staffProcedure } from "../trpc";

const zById = z.object({ id: zId() });

export const verificationRouter = createTRPCRouter({
  /** The verdict of each `.sig` among an application's files (the staff card). */
  attachments: staffProcedure
    .input(zById)
    .query(({ ctx, input }) => attachmentVerdicts(ctx.db, fileStorage(), ctx.scope, input.id, clockNow())),

  /** A result document's signature, checked against its signed original; null when unsigned. */
  result: authedProcedure
    .input(zById)
    .query(async ({ ctx, input }) =>
      resultVerdict(ctx.db, fileStorage(), await viewerOf(ctx.db, ctx.identity), input.id, clockNow()),
    ),
});
