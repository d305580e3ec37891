import { auditExportRoute } from "@/server/audit/log/http";

export const GET = auditExportRoute;
