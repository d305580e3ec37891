import { handleRequestAnswer } from "@/server/staff/request-http";

export async function POST(req: Request, { params }: { params: Promise<{ requestId: string }> }) {
  return handleRequestAnswer(req, await params);
}
