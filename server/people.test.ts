import { describe, expect, it } from "vitest";
import { fullNameOf, personName, salutationName } from "./people";

describe("personName", () => {
  it("writes last, first and patronymic, and leaves a missing patronymic out", () => {
    expect(personName({ lastName: "Иванов", firstName: "Иван", middleName: "Иванович" })).toBe("Иванов Иван Иванович");
    expect(personName({ lastName: "Иванов", firstName: "Иван", middleName: null })).toBe("Иванов Иван");
    expect(personName({ lastName: "Иванов", firstName: "Иван", middleName: "" })).toBe("Иванов Иван");
    expect(personName({ lastName: "Иванов", firstName: "Иван" })).toBe("Иванов Иван");
  });

  it("trims the parts and skips blank ones", () => {
    expect(personName({ lastName: " Иванов ", firstName: "Иван", middleName: "  " })).toBe("Иванов Иван");
    expect(personName({})).toBe("");
  });
});

describe("salutationName", () => {
  it("is the first name and patronymic, or the first name alone", () => {
    expect(salutationName({ firstName: "Иван", middleName: "Иванович" })).toBe("Иван Иванович");
    expect(salutationName({ firstName: "Иван", middleName: null })).toBe("Иван");
    expect(salutationName({ firstName: "", middleName: null })).toBe("");
  });
});

describe("fullNameOf", () => {
  it("reads a full_name answer stored as parts or as text", () => {
    expect(fullNameOf({ lastName: "Петрова", firstName: "Анна", middleName: "Сергеевна" })).toBe(
      "Петрова Анна Сергеевна",
    );
    expect(fullNameOf({ lastName: "Петрова", firstName: "Анна" })).toBe("Петрова Анна");
    expect(fullNameOf("Петрова Анна")).toBe("Петрова Анна");
    expect(fullNameOf({ lastName: 7, firstName: "Анна" })).toBe("Анна");
    expect(fullNameOf(null)).toBe("");
    expect(fullNameOf(42)).toBe("");
  });
});
