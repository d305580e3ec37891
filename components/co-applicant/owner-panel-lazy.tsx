"use client";
// The co-applicants panel, loaded only on a joint request's draft: a client module imported by the
// page is in every draft's JavaScript, rendered or not, and this one takes useQuery with it (about
// 4 kB gzip of the form page, issue 13 p.6).
import dynamic from "next/dynamic";

export const CoApplicantsPanel = dynamic(() => import("./owner-panel").then((m) => m.CoApplicantsPanel));
