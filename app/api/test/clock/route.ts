import { testClockGetRoute, testClockPutRoute } from "@/server/clock-http";

export const dynamic = "force-dynamic";
export const GET = testClockGetRoute;
export const PUT = testClockPutRoute;
