// The two real regulations the demo municipality is seeded with. Department codes refer to the seed's
// departments: "administration", "roads", "archive", "mfc".
import type { RegulationDocument } from "../../../server/regulation/document";
import { archiveInfoRegulation } from "./archive-info";
import { roadInfoRegulation } from "./road-info";

export { archiveInfoRegulation } from "./archive-info";
export { roadInfoRegulation } from "./road-info";

export type SeedService = {
  /** Service.code: the stable slug used in URLs. */
  code: string;
  title: string;
  departmentCode: "administration" | "roads" | "archive" | "mfc";
  document: RegulationDocument;
  /** RegulationVersion.basis: the act that put this wording in force. */
  basis: string;
  /** RegulationVersion.effectiveFrom, ISO date. */
  effectiveFrom: string;
  /** The act's number and date (RegulationVersion.actNumber, actDate), where the source gives them. */
  actNumber?: string;
  actDate?: string;
};

export const SEED_SERVICES: SeedService[] = [
  {
    code: "road-info",
    title: roadInfoRegulation.passport.name,
    departmentCode: "roads",
    document: roadInfoRegulation,
    // The amending act restates the whole regulation (п. 1.1). It takes effect «после его
    // обнародования», whose date the source does not give; the act's date is used.
    basis: "Постановление администрации сельского поселения Половинка от 03.06.2019 № 193",
    effectiveFrom: "2019-06-03",
    actNumber: "193",
    actDate: "2019-06-03",
  },
  {
    code: "archive-info",
    title: archiveInfoRegulation.passport.name,
    departmentCode: "archive",
    document: archiveInfoRegulation,
    // DEMO: the excerpt (section III only) names neither the approving act nor its date (README).
    basis:
      "Постановление Администрации города об утверждении административного регламента «Предоставление архивной информации»",
    effectiveFrom: "2024-01-01",
  },
];
