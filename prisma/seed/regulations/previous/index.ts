// Earlier wordings of the seed documents, exactly as earlier versions of the app published them
// (their checksums are checked in prisma/seed/demo.int.test.ts). A demo database whose latest
// published edition of a seed service is one of these gets the current wording as a NEW edition
// (prisma/seed/demo.ts seedInstallation): applications stay pinned to the edition they were
// submitted under (R11), and a published edition is never edited in place.
//
// archive-info.1.json: S2 as seeded until issue 12, with «демо» markers and analysts' notes in
// printed texts and the refusal notice numbered from the outgoing register (S2 p.55).
// road-info.1.json: S1 as seeded until issue 12, whose form required the representative's power of
// attorney to submit (S1 p.17 allows no refusal of intake; p.19 makes it a ground to refuse the service).
// *.2.json: S1 and S2 as seeded until issue 14, without the appointment settings of the passport (R18).
// archive-info.3.json: S2 as seeded until issue 16, whose result went «В личный кабинет на ЕПГУ (РПГУ)»
// though the cabinet is this portal's (p.8).
// archive-info.4.json, road-info.3.json: S2 and S1 as seeded until issue 16 p.1, whose periods (and
// S2's years of work) could end before they began (no `notBefore` rule).
import type { RegulationDocument } from "../../../../server/regulation/document";
import archiveInfo1 from "./archive-info.1.json";
import roadInfo1 from "./road-info.1.json";
import archiveInfo2 from "./archive-info.2.json";
import roadInfo2 from "./road-info.2.json";
import archiveInfo3 from "./archive-info.3.json";
import archiveInfo4 from "./archive-info.4.json";
import roadInfo3 from "./road-info.3.json";

export const PREVIOUS_SEED_DOCUMENTS: Record<string, readonly RegulationDocument[]> = {
  "road-info": [
    roadInfo1 as unknown as RegulationDocument,
    roadInfo2 as unknown as RegulationDocument,
    roadInfo3 as unknown as RegulationDocument,
  ],
  "archive-info": [
    archiveInfo1 as unknown as RegulationDocument,
    archiveInfo2 as unknown as RegulationDocument,
    archiveInfo3 as unknown as RegulationDocument,
    archiveInfo4 as unknown as RegulationDocument,
  ],
};
