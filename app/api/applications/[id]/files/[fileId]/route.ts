import { handleRemove } from "@/server/attachment/http";

export async function DELETE(req: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  return handleRemove(req, await params);
}
