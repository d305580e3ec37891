import { complaintLetterRoute } from "@/server/complaint/http";

export const GET = complaintLetterRoute;
