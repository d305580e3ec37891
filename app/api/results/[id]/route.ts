import { resultDownloadRoute } from "@/server/document/http";

export const GET = resultDownloadRoute;
