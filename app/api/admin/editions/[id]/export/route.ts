import { editionExportRoute } from "@/server/regulation/editions/http";

export const GET = editionExportRoute;
