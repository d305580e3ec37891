import { healthResponse } from "@/server/db/health";

export const dynamic = "force-dynamic";

export function GET() {
  return healthResponse();
}
