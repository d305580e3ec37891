import { resultPreviewRoute } from "@/server/regulation/editions/preview-http";

export const GET = resultPreviewRoute;
