// The one check of text a person could have typed (server/text.ts), as the procedures' schemas, the
// free JSON of drafts and the regulation's form apply it: NUL and half characters are refused with the
// Russian message, whole characters (emoji are two UTF-16 units) pass.
import fc from "fast-check";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { zDraftValues } from "./application/schema";
import { zCommentInput } from "./workflow/schema";
import { zRegisterInput, zResetInput } from "./auth/schema";
import { buildApplicationSchema } from "./regulation/form-zod";
import type { StepDef } from "./regulation/document";
import { isSafeText, replaceUnsafeText, UNSAFE_TEXT_MESSAGE, unsafeTextIn, zText } from "./text";
import { vetFile } from "./attachment/mutations";

const ID = "6f1c1c3e-8a9b-4c1d-9e2f-0a1b2c3d4e5f";

describe("isSafeText", () => {
  it("refuses NUL and lone surrogates, keeps whole characters", () => {
    for (const bad of ["\u0000", "Иван\u0000ов", "\uD800", "a\uDFFF", "\uDBFF\uDBFF", "x\uDC00\uD800y"])
      expect(isSafeText(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ["", "Иванов", "😀", "a😀b", "\uFFFD", "\t\r\n", "𝔘"])
      expect(isSafeText(good), JSON.stringify(good)).toBe(true);
  });

  it("agrees with a round trip through UTF-8 for any string (what PostgreSQL would keep)", () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        const survives = Buffer.from(s, "utf8").toString("utf8") === s && !s.includes("\u0000");
        expect(isSafeText(s)).toBe(survives);
        expect(isSafeText(replaceUnsafeText(s))).toBe(true);
      }),
      { seed: 9, numRuns: 2000 },
    );
  });
});

describe("the schemas refuse it with the Russian message, under the field", () => {
  it("zText and the procedures' schemas", () => {
    expect(zText().safeParse("a\u0000").error?.issues[0]?.message).toBe(UNSAFE_TEXT_MESSAGE);
    const comment = zCommentInput.safeParse({ id: ID, text: "Проверено\uD800" });
    expect(comment.error?.issues).toEqual([expect.objectContaining({ path: ["text"], message: UNSAFE_TEXT_MESSAGE })]);
    // Registration asks no password any more (it is set on the e-mailed link's page): the name is text.
    const register = zRegisterInput.safeParse({
      lastName: "Иванов\u0000",
      firstName: "Иван",
      email: "ivanov@example.ru",
      consent: true,
    });
    expect(register.error?.issues.map((i) => i.path[0])).toContain("lastName");
    const reset = zResetInput.safeParse({
      token: "x".repeat(40),
      password: "Пароль-2026\u0000x",
      passwordConfirm: "Пароль-2026\u0000x",
    });
    expect(reset.error?.issues.map((i) => i.path[0])).toContain("password");
  });

  it("draft values: anywhere in the JSON, keys included, and nesting deeper than any form", () => {
    const issue = (v: unknown) => zDraftValues.safeParse(v).error?.issues[0];
    expect(issue({ persons: [{ name: { lastName: "Ив\u0000" } }] })).toMatchObject({
      path: ["persons"],
      message: UNSAFE_TEXT_MESSAGE,
    });
    expect(issue({ persons: [{ ["\uD800"]: "x" }] })).toMatchObject({ path: ["persons"] });
    let deep: unknown = "x";
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(issue({ a: deep })?.message).toMatch(/слишком сложно/);
    expect(unsafeTextIn({ a: [{ b: "ok" }, "😀"] })).toBeNull();
  });

  it("draft values: prototype keys neither pollute nor survive", () => {
    const parsed = zDraftValues.parse(JSON.parse('{"__proto__": {"polluted": 1}, "full_name": "Иванов"}'));
    expect(Object.keys(parsed)).toEqual(["full_name"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it("the regulation's form, in draft and submit mode, names the field", () => {
    const steps: StepDef[] = [
      {
        key: "s",
        title: "Шаг",
        fields: [
          { key: "name", type: "full_name", label: "ФИО", required: true },
          { key: "note", type: "textarea", label: "Примечание" },
        ],
      },
    ];
    for (const mode of ["draft", "submit"] as const) {
      const result = buildApplicationSchema(steps, { mode }).safeParse({
        name: { lastName: "Иванов", firstName: "Иван" },
        note: "текст\u0000",
      });
      expect(result.error?.issues, mode).toEqual([
        expect.objectContaining({
          path: ["note"],
          message: expect.stringMatching(/^В поле «Примечание» есть недопустимые символы/),
        }),
      ]);
      const name = buildApplicationSchema(steps, { mode }).safeParse({
        name: { lastName: "\uD83D", firstName: "Иван" },
      });
      expect(name.error?.issues[0]?.path, mode).toEqual(["name", "lastName"]);
    }
  });
});

describe("file names are kept, made safe", () => {
  it("replaces NUL and half characters, and cuts by characters", () => {
    const pdf = new Uint8Array(64);
    pdf.set(Buffer.from("%PDF-1.7\n"));
    const rule = { maxSizeMb: 1, accept: ["application/pdf"] };
    expect(vetFile("скан\u0000\uD800.pdf", pdf, rule).name).toBe("скан__.pdf");
    const long = vetFile(`${"a".repeat(199)}😀😀.pdf`, pdf, rule).name;
    expect(isSafeText(long)).toBe(true);
    expect(long).toBe(`${"a".repeat(199)}😀`);
  });
});

describe("zod's own messages (issue 16 p.11)", () => {
  it("are Russian wherever a schema is checked: the grant dialog's unchosen result type is no English error", async () => {
    const { zMoveForm } = await import("./workflow/schema");
    const result = zMoveForm.safeParse({
      transition: "grant",
      executorId: "",
      refusalGrounds: [],
      resultType: null,
      comment: "",
      doneAt: "",
      reviewed: false,
      signMode: "pin",
      pin: "",
      signature: "",
      cryptoProCert: "",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["resultType", "Выберите вид результата из перечня регламента"],
    ]);
  });

  it("are zod's Russian ones where a schema names no message of its own", () => {
    const result = z.object({ n: z.number() }).safeParse({ n: "x" });
    expect(result.error!.issues[0]!.message).toMatch(/^Неверный ввод/);
  });
});
