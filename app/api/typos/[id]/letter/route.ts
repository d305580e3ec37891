import { typoLetterRoute } from "@/server/typo/http";

export const GET = typoLetterRoute;
