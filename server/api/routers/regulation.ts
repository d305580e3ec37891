// The regulation editor (issue 10): services, their editions, drafts. Administrators only, re-checked
// against the database on every call (adminProcedure); the work is in server/regulation/editions.ts.
import { editionForAdmin, listServicesForAdmin, publishPreview, serviceForAdmin } from "../../regulation/editions/data";
import {
  createService,
  discardDraft,
  importEdition,
  publishFromForm,
  saveDraft,
  setServiceActive,
  startDraft,
  updateService,
} from "../../regulation/editions/mutations";
import {
  zCreateServiceInput,
  zDiscardDraftInput,
  zEditionIdInput,
  zImportEditionInput,
  zPublishInput,
  zPublishPreviewInput,
  zSaveDraftInput,
  zServiceActiveInput,
  zServiceCodeInput,
  zStartDraftInput,
  zUpdateServiceInput,
} from "../../regulation/editions/schema";
import { simulateEdition } from "../../regulation/editions/simulation";
import { zSimulateInput } from "../../regulation/simulator-schema";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const regulationRouter = createTRPCRouter({
  services: adminProcedure.query(({ ctx }) => listServicesForAdmin(ctx.db)),
  service: adminProcedure.input(zServiceCodeInput).query(({ ctx, input }) => serviceForAdmin(ctx.db, input.code)),
  edition: adminProcedure.input(zEditionIdInput).query(({ ctx, input }) => editionForAdmin(ctx.db, input.id)),
  createService: adminProcedure
    .input(zCreateServiceInput)
    .mutation(({ ctx, input }) => createService(ctx.db, ctx.identity.id, input)),
  updateService: adminProcedure
    .input(zUpdateServiceInput)
    .mutation(({ ctx, input }) => updateService(ctx.db, ctx.identity.id, input)),
  setServiceActive: adminProcedure
    .input(zServiceActiveInput)
    .mutation(({ ctx, input }) => setServiceActive(ctx.db, ctx.identity.id, input)),
  startDraft: adminProcedure
    .input(zStartDraftInput)
    .mutation(({ ctx, input }) => startDraft(ctx.db, ctx.identity.id, input)),
  saveDraft: adminProcedure
    .input(zSaveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.identity.id, input)),
  discardDraft: adminProcedure
    .input(zDiscardDraftInput)
    .mutation(({ ctx, input }) => discardDraft(ctx.db, ctx.identity.id, input)),
  // The deadline simulator (issue 10 p.5): writes nothing; a mutation because the document travels in the body.
  simulate: adminProcedure.input(zSimulateInput).mutation(({ ctx, input }) => simulateEdition(ctx.db, input)),
  // Publishing (issue 10 p.4): what it changes and whom it concerns, then the publication itself.
  publishPreview: adminProcedure.input(zPublishPreviewInput).query(({ ctx, input }) => publishPreview(ctx.db, input)),
  publish: adminProcedure
    .input(zPublishInput)
    .mutation(({ ctx, input }) => publishFromForm(ctx.db, ctx.identity.id, input)),
  // Import of a transfer file as a new draft (issue 10 p.6); the export is a download, app/api/admin/editions/[id]/export.
  importEdition: adminProcedure
    .input(zImportEditionInput)
    .mutation(({ ctx, input }) => importEdition(ctx.db, ctx.identity.id, input)),
});
