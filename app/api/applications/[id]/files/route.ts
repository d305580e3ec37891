import { handleUpload } from "@/server/attachment/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleUpload(req, await params);
}
