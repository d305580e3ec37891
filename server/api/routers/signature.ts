// Electronic signatures (issue 15): an official's own signing certificates (and the key the server
// may hold for them under a PIN), and the administrator's trust store: the CA certificates and
// CRLs every signature is checked against (R17, R20, R26).
import { z } from "zod";
import { zId } from "../../ids";
import { now as clockNow } from "../../clock";
import { allSigningCertificates, certificatesOf, trustStoreRows } from "../../signature/data";
import {
  addRevocationList,
  addTrustedCertificate,
  registerSigningCertificate,
  removeRevocationList,
  removeTrustedCertificate,
  withdrawSigningCertificate,
} from "../../signature/mutations";
import { zRegisterCertificateInput, zRevocationListInput, zTrustedCertificateInput } from "../../signature/schema";
import { adminProcedure, createTRPCRouter, staffProcedure } from "../trpc";

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));
const zById = z.object({ id: zId() });

export const signatureRouter = createTRPCRouter({
  /** The caller's own certificates («Моя электронная подпись»). */
  mine: staffProcedure.query(({ ctx }) => certificatesOf(ctx.db, ctx.scope.userId)),

  register: staffProcedure.input(zRegisterCertificateInput).mutation(({ ctx, input }) =>
    registerSigningCertificate(
      ctx.db,
      ctx.scope.userId,
      {
        certificate: bytes(input.certificate),
        ...(input.key ? { key: bytes(input.key) } : {}),
        ...(input.pin !== undefined ? { pin: input.pin } : {}),
      },
      clockNow(),
    ),
  ),

  withdraw: staffProcedure
    .input(zById)
    .mutation(({ ctx, input }) =>
      withdrawSigningCertificate(ctx.db, { userId: ctx.scope.userId, admin: false }, input.id, clockNow()),
    ),

  trust: adminProcedure.query(({ ctx }) => trustStoreRows(ctx.db)),
  addTrusted: adminProcedure
    .input(zTrustedCertificateInput)
    .mutation(({ ctx, input }) => addTrustedCertificate(ctx.db, ctx.identity.id, bytes(input.certificate))),
  removeTrusted: adminProcedure
    .input(zById)
    .mutation(({ ctx, input }) => removeTrustedCertificate(ctx.db, ctx.identity.id, input.id)),
  addCrl: adminProcedure
    .input(zRevocationListInput)
    .mutation(({ ctx, input }) => addRevocationList(ctx.db, ctx.identity.id, bytes(input.crl))),
  removeCrl: adminProcedure
    .input(zById)
    .mutation(({ ctx, input }) => removeRevocationList(ctx.db, ctx.identity.id, input.id)),

  /** Every official's certificates, and withdrawing one (a lost key, a dismissed official). */
  certificates: adminProcedure.query(({ ctx }) => allSigningCertificates(ctx.db)),
  withdrawAny: adminProcedure
    .input(zById)
    .mutation(({ ctx, input }) =>
      withdrawSigningCertificate(ctx.db, { userId: ctx.identity.id, admin: true }, input.id, clockNow()),
    ),
});
