import { removeRoute } from "@/server/attachment/http";

export const DELETE = removeRoute;
