import { metricsResponse } from "@/server/observability/http";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return metricsResponse(req);
}
