import { handleResultDownload } from "@/server/document/http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleResultDownload(req, await params);
}
