import { handleDownload } from "@/server/attachment/http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleDownload(req, await params);
}
