// What the browser makes of a failed call. The errors go the whole way, through the server's error
// formatter (server/api/trpc.ts) and the client link, so the two sides cannot drift apart.
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { AppError } from "@/server/errors";
import { FORM_UPDATED } from "@/server/application/form-update";
import { outcomeOfError } from "@/components/board/move-outcome";
import { classifyRequestError, isRetryable } from "./request-errors";

const EFFECT_MESSAGE =
  "Не удалось сформировать документ по шаблону. Заявление осталось на прежнем этапе; попробуйте ещё раз или сообщите администратору.";

const router = createTRPCRouter({
  effectFailed: publicProcedure.mutation(() => {
    throw new AppError("PRECONDITION", EFFECT_MESSAGE, undefined, "effect_failed");
  }),
  stageClosed: publicProcedure.mutation(() => {
    throw new AppError("PRECONDITION", "Рассмотрение заявления завершено: изменить этап нельзя");
  }),
  formUpdated: publicProcedure.mutation(() => {
    throw new AppError("PRECONDITION", FORM_UPDATED(2), undefined, "form_updated");
  }),
  notFound: publicProcedure.mutation(() => {
    throw new AppError("NOT_FOUND", "Заявление не найдено");
  }),
  conflict: publicProcedure.mutation(() => {
    throw new AppError("CONFLICT", "Заявление изменено");
  }),
  invalid: publicProcedure.mutation(() => {
    throw new AppError("INVALID", "Проверьте поля", { comment: "Укажите мотивы отказа" });
  }),
  crash: publicProcedure.mutation(() => {
    throw new Error("Invalid `prisma.application.update()` invocation: connection reset");
  }),
  saturated: publicProcedure.mutation(() => {
    // pg-pool's words when no connection came free within the pool's wait.
    throw new Error("timeout exceeded when trying to connect");
  }),
  race: publicProcedure.mutation(() => {
    throw Object.assign(new Error("Unique constraint failed on the fields: (`registrationNumber`)"), {
      code: "P2002",
      name: "PrismaClientKnownRequestError",
    });
  }),
});

const client = createTRPCClient<typeof router>({
  links: [
    httpLink({
      url: "http://localhost/api/trpc",
      transformer: superjson,
      fetch: (url, init) =>
        fetchRequestHandler({
          endpoint: "/api/trpc",
          req: new Request(url, init as RequestInit),
          router,
          createContext: () => ({ db: undefined as never, session: null }),
        }),
    }),
  ],
});

async function failureOf(call: () => Promise<unknown>) {
  const error = await call().then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error;
}

describe("classifyRequestError", () => {
  it("tells a rolled-back effect (template, storage) apart from an application that moved on", async () => {
    const rolledBack = await failureOf(() => client.effectFailed.mutate());
    expect(classifyRequestError(rolledBack)).toEqual({ kind: "rolled-back", message: EFFECT_MESSAGE });
    // A move attempt is not repeated behind the official's back: they decide to try again.
    expect(isRetryable(classifyRequestError(rolledBack))).toBe(false);

    const closed = await failureOf(() => client.stageClosed.mutate());
    expect(classifyRequestError(closed)).toEqual({
      kind: "closed",
      message: "Рассмотрение заявления завершено: изменить этап нельзя",
    });
    expect(classifyRequestError(await failureOf(() => client.notFound.mutate()))).toMatchObject({ kind: "closed" });
  });

  it("tells a draft moved to a new edition of the regulation apart from a closed one (R11)", async () => {
    const updated = classifyRequestError(await failureOf(() => client.formUpdated.mutate()));
    expect(updated).toEqual({ kind: "form-updated", message: FORM_UPDATED(2) });
    expect(updated.message).toContain("форма заявления обновлена");
    expect(isRetryable(updated)).toBe(false);
  });

  it("classifies conflicts, field errors and a missing answer", async () => {
    expect(classifyRequestError(await failureOf(() => client.conflict.mutate()))).toMatchObject({ kind: "conflict" });
    expect(classifyRequestError(await failureOf(() => client.invalid.mutate()))).toEqual({
      kind: "invalid",
      message: "Проверьте поля",
      fieldErrors: { comment: "Укажите мотивы отказа" },
    });
    expect(classifyRequestError(new TRPCClientError("Failed to fetch"))).toMatchObject({ kind: "offline" });
    expect(classifyRequestError(new Error("boom"))).toMatchObject({ kind: "offline" });
  });
});

describe("outcomeOfError (the move dialog)", () => {
  it("keeps the dialog open for a rolled-back move, and closes it for one that no longer applies", async () => {
    // "failed": the dialog shows the message and keeps the letter or the motivation as typed.
    expect(outcomeOfError(await failureOf(() => client.effectFailed.mutate()))).toEqual({
      kind: "failed",
      message: EFFECT_MESSAGE,
    });
    // "gone": the dialog closes and the board or card is refreshed.
    expect(outcomeOfError(await failureOf(() => client.stageClosed.mutate()))).toMatchObject({ kind: "gone" });
  });
});

describe("unexpected server failures", () => {
  it("reach the user in Russian, without the library's text", async () => {
    // The server's log is one JSON line per event on stderr (server/observability/log.ts).
    const errors: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      errors.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      const error = (await failureOf(() => client.crash.mutate())) as TRPCClientError<typeof router>;
      expect(error.message).toBe(
        "Внутренняя ошибка сервера: действие не выполнено. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.",
      );
      expect(error.message).not.toMatch(/prisma/i);
      expect(classifyRequestError(error).kind).toBe("server");
      // ...while the server log keeps it.
      expect(errors.some((line) => line.includes('"level":"error"') && line.includes("connection reset"))).toBe(true);
    } finally {
      process.stderr.write = original;
    }
  });

  it("a saturated server is busy: told in Russian, retried quietly (issue 13 p.7)", async () => {
    const error = (await failureOf(() => client.saturated.mutate())) as TRPCClientError<typeof router>;
    expect(error.data?.httpStatus).toBe(503);
    const failure = classifyRequestError(error);
    expect(failure).toEqual({
      kind: "busy",
      message: "Сервер сейчас перегружен, действие не выполнено. Повторите через несколько секунд.",
    });
    expect(isRetryable(failure)).toBe(true);
  });

  it("a unique-constraint race is a conflict to explain", async () => {
    const error = await failureOf(() => client.race.mutate());
    expect(classifyRequestError(error)).toMatchObject({
      kind: "conflict",
      message: "Эти данные только что изменило другое действие. Обновите страницу и повторите.",
    });
  });
});
