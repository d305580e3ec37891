import { qualityExportRoute } from "@/server/quality/http";

export const GET = qualityExportRoute;
