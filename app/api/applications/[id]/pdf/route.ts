import { handleApplicationPdf } from "@/server/application/http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApplicationPdf(req, await params);
}
