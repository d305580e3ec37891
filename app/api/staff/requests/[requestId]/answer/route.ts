import { requestAnswerRoute } from "@/server/workflow/requests/http";

export const POST = requestAnswerRoute;
