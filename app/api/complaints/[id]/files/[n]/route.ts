import { complaintAttachmentRoute } from "@/server/complaint/http";

export const GET = complaintAttachmentRoute;
