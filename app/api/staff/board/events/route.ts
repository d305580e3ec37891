import { boardEventsRoute } from "@/server/workflow/board/live";

export const dynamic = "force-dynamic";

export const GET = boardEventsRoute;
