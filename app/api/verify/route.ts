import { verifyRoute } from "@/server/signature/verify-http";

export const POST = verifyRoute;
