import { handleRequestAnswer } from "@/server/workflow/requests/http";

export async function POST(req: Request, { params }: { params: Promise<{ requestId: string }> }) {
  return handleRequestAnswer(req, await params);
}
