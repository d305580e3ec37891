import { handleReceipt } from "@/server/staff/receipt-http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleReceipt(req, await params);
}
