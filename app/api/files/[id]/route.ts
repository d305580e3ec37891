import { downloadRoute } from "@/server/attachment/http";

export const GET = downloadRoute;
