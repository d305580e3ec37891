import { complaintFileRoute } from "@/server/complaint/http";

export const POST = complaintFileRoute;
