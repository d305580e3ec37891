import { handleReceipt } from "@/server/document/receipt-http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleReceipt(req, await params);
}
