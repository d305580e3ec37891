import { applicationPdfRoute } from "@/server/application/http";

export const GET = applicationPdfRoute;
