import { receiptRoute } from "@/server/document/receipt-http";

export const GET = receiptRoute;
