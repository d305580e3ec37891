import { uploadRoute } from "@/server/attachment/http";

export const POST = uploadRoute;
