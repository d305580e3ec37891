import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatPhone,
  formatSnils,
  isSnilsExempt,
  makeInnLegal,
  makeInnPerson,
  makeOgrn,
  makeOgrnip,
  makeSnils,
  modDigits,
  normalizeEmail,
  normalizeInn,
  normalizeOgrn,
  normalizeOgrnip,
  normalizePassport,
  normalizePhone,
  normalizePostalIndex,
  normalizeSnils,
  parsePassport,
  snilsCheckNumber,
  validateEmail,
  validateInn,
  validateInnLegal,
  validateInnPerson,
  validateOgrn,
  validateOgrnip,
  validatePassport,
  validatePhone,
  validatePostalIndex,
  validateSnils,
} from "./identifiers";

// Independent reference sums, written out longhand, so the properties below do not merely
// restate the implementation.
const digits = (s: string) => [...s].map(Number);
const dot = (ds: number[], ws: number[]) => ws.reduce((acc, w, i) => acc + w * (ds[i] ?? NaN), 0);
const snilsSum = (prefix9: string) => dot(digits(prefix9), [9, 8, 7, 6, 5, 4, 3, 2, 1]);
const inn10Residue = (d: string) => dot(digits(d), [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11;
const ogrnResidue = (d: string) => Number(BigInt(d.slice(0, 12)) % 11n);
const ogrnipResidue = (d: string) => Number(BigInt(d.slice(0, 14)) % 13n);

/** Replaces the digit at `pos` by (digit + shift) mod 10, shift in 1..9: always a different digit. */
const mutate = (s: string, pos: number, shift: number) =>
  s.slice(0, pos) + String((Number(s[pos]) + shift) % 10) + s.slice(pos + 1);

const digitString = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });

describe("СНИЛС", () => {
  it("accepts the commonly cited 112-233-445 95 in any usual formatting", () => {
    // By hand: 1·9 + 1·8 + 2·7 + 2·6 + 3·5 + 3·4 + 4·3 + 4·2 + 5·1 = 95 < 100 → check 95.
    expect(snilsCheckNumber("112233445")).toBe(95);
    for (const v of ["112-233-445 95", "11223344595", "112 233 445 95", " 112-233-445-95 "])
      expect(validateSnils(v)).toBeNull();
    expect(normalizeSnils("11223344595")).toBe("112-233-445 95");
    expect(formatSnils("11223344595")).toBe("112-233-445 95");
  });

  it("explains a wrong check number, a wrong length and letters", () => {
    expect(validateSnils("112-233-445 96")).toBe(
      "Контрольное число СНИЛС не сходится: проверьте, не перепутаны ли цифры (сверьте номер со страховым свидетельством или с личным кабинетом СФР)",
    );
    expect(validateSnils("112-233-445")).toBe("СНИЛС содержит 11 цифр; сейчас введено 9 — допишите недостающие");
    expect(validateSnils("1")).toContain("сейчас введена 1");
    expect(validateSnils("112-233-445 955")).toContain("уберите лишние");
    expect(validateSnils("112-233-44А 95")).toContain("уберите символ «А»");
    expect(validateSnils("112-233-44О 95")).toContain("вместо цифры 0 введена буква «О»");
    expect(validateSnils("")).toContain("Введите СНИЛС");
    expect(validateSnils("000-000-000 00")).toContain("одних нулей");
    expect(normalizeSnils("112-233-445 96")).toBeNull();
  });

  it("computes the check number through all branches of the ПФР rule", () => {
    // sum 100 and sum 101 → 00
    expect(snilsSum("920000003")).toBe(100);
    expect(snilsCheckNumber("920000003")).toBe(0);
    expect(snilsSum("920000004")).toBe(101);
    expect(snilsCheckNumber("920000004")).toBe(0);
    // sum > 101 → mod 101: 999999999 has sum 405, 405 mod 101 = 1
    expect(snilsCheckNumber("999999999")).toBe(1);
    // sum > 101 → mod 101: 9·9 + 9·8 + 9·7 = 216, 216 mod 101 = 14
    expect(snilsSum("999000000")).toBe(216);
    expect(snilsCheckNumber("999000000")).toBe(14);
    // mod 101 giving 100 → 00: 9·9 + 9·8 + 6·7 + 1·6 = 201
    expect(snilsSum("996100000")).toBe(201);
    expect(snilsCheckNumber("996100000")).toBe(0);
  });

  it("does not verify numbers up to 001-001-998 (issued before the rule)", () => {
    expect(isSnilsExempt("001001998")).toBe(true);
    expect(isSnilsExempt("001001999")).toBe(false);
    expect(validateSnils("001-001-998 00")).toBeNull();
    expect(validateSnils("001-001-998 57")).toBeNull();
    // 001-001-999: 1·7 + 1·4 + 9·3 + 9·2 + 9·1 = 65
    expect(validateSnils("001-001-999 65")).toBeNull();
    expect(validateSnils("001-001-999 00")).toContain("Контрольное число");
  });

  it("documents a real collision: a one-digit typo between sums 100 and 101 goes unnoticed", () => {
    expect(validateSnils("920-000-003 00")).toBeNull();
    expect(validateSnils("920-000-004 00")).toBeNull();
  });

  it("property: makeSnils gives a valid number; one changed digit is caught except exempt numbers and the 00 collisions", () => {
    const zeroCheckSums = new Set([100, 101, 201, 202, 302, 303, 403, 404]);
    fc.assert(
      fc.property(
        digitString(9).filter((p) => !isSnilsExempt(p)),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (prefix, pos, shift) => {
          const snils = makeSnils(prefix);
          expect(snils).toHaveLength(11);
          expect(validateSnils(snils)).toBeNull();
          const mutated = mutate(snils, pos, shift);
          const mPrefix = mutated.slice(0, 9);
          if (validateSnils(mutated) === null) {
            // Honest about the rule's blind spots: either the mutation landed among the old
            // unverified numbers, or both sums map to check number 00.
            const explained =
              isSnilsExempt(mPrefix) ||
              (pos < 9 && zeroCheckSums.has(snilsSum(prefix)) && zeroCheckSums.has(snilsSum(mPrefix)));
            expect(explained).toBe(true);
          } else if (isSnilsExempt(mPrefix) && !/^0+$/.test(mutated)) {
            throw new Error(`exempt number refused: ${mutated}`);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("ИНН", () => {
  it("accepts ИНН 7707083893 (Сбербанк) and a valid personal ИНН", () => {
    // By hand: 7·2 + 7·4 + 0·10 + 7·3 + 0·5 + 8·9 + 3·4 + 8·6 + 9·8 = 267; 267 mod 11 = 3 = last digit.
    expect(inn10Residue("7707083893")).toBe(3);
    expect(validateInn("7707083893")).toBeNull();
    expect(validateInnLegal("7707083893")).toBeNull();
    // 500100732259: n11 = 148 mod 11 = 5, n12 = 141 mod 11 = 9.
    expect(validateInn("500100732259")).toBeNull();
    expect(validateInnPerson("5001 0073 2259")).toBeNull();
    expect(normalizeInn(" 7707-083-893 ")).toBe("7707083893");
  });

  it("explains wrong check digits, lengths, kinds and letters", () => {
    expect(validateInn("7707083894")).toContain("Контрольная цифра ИНН не сходится");
    expect(validateInn("500100732258")).toContain("Контрольная цифра ИНН не сходится");
    expect(validateInn("500100732249")).toContain("Контрольная цифра ИНН не сходится");
    expect(validateInn("77070838")).toBe(
      "ИНН содержит 10 цифр (организация) или 12 цифр (физическое лицо, ИП); сейчас введено 8 — допишите недостающие",
    );
    expect(validateInn("77070838931")).toContain("сейчас введено 11 — допишите недостающие");
    expect(validateInn("7707083893123")).toContain("уберите лишние");
    expect(validateInnLegal("500100732259")).toContain("Это ИНН физического лица");
    expect(validateInnPerson("7707083893")).toContain("Это ИНН организации");
    expect(validateInnLegal("770708389")).toContain("ИНН организации содержит 10 цифр; сейчас введено 9");
    expect(validateInn("77070838X3")).toContain("уберите символ «X»");
    expect(validateInn("0000000000")).toContain("одних нулей");
    expect(validateInn("")).toContain("Введите ИНН");
  });

  it("property: makeInnLegal is valid; one changed digit is caught unless the residues are 0 and 10", () => {
    fc.assert(
      fc.property(
        digitString(9),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (prefix, pos, shift) => {
          const inn = makeInnLegal(prefix);
          if (/^0+$/.test(inn)) return; // the placeholder 0000000000 is refused on purpose
          expect(validateInn(inn)).toBeNull();
          const mutated = mutate(inn, pos, shift);
          if (validateInn(mutated) === null) {
            // Weights are non-zero mod 11, so the residue always changes; only 0 and 10 both give 0.
            expect(pos).toBeLessThan(9);
            expect(new Set([inn10Residue(inn), inn10Residue(mutated)])).toEqual(new Set([0, 10]));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("property: makeInnPerson is valid; a changed check digit or last prefix digits are always caught", () => {
    fc.assert(
      fc.property(
        digitString(10),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (prefix, pos, shift) => {
          const inn = makeInnPerson(prefix);
          if (/^0+$/.test(inn)) return;
          expect(inn).toHaveLength(12);
          expect(validateInn(inn)).toBeNull();
          const mutated = mutate(inn, pos, shift);
          // A changed digit escapes only if BOTH check digits collide (residues 0 and 10 each time).
          const n11 = (d: string) => dot(digits(d), [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11;
          const n12 = (d: string) => dot(digits(d), [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11;
          if (validateInn(mutated) === null) {
            expect(pos).toBeLessThan(10);
            expect(new Set([n11(inn), n11(mutated)])).toEqual(new Set([0, 10]));
            expect(new Set([n12(inn), n12(mutated)])).toEqual(new Set([0, 10]));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("ОГРН and ОГРНИП", () => {
  it("accepts ОГРН 1027700132195 and ОГРНИП 304500116000157", () => {
    // By hand (mod 11 = alternating digit sum from the right): 102770013219 → 5 = last digit.
    expect(modDigits("102770013219", 11)).toBe(5);
    expect(validateOgrn("1027700132195")).toBeNull();
    // By long division: 30450011600015 mod 13 = 7 = last digit.
    expect(modDigits("30450011600015", 13)).toBe(7);
    expect(validateOgrnip("304500116000157")).toBeNull();
    expect(normalizeOgrn("1 02 77 00 13219 5")).toBe("1027700132195");
    expect(normalizeOgrnip("304500116000157")).toBe("304500116000157");
  });

  it("explains wrong check digits, lengths, kinds and letters", () => {
    expect(validateOgrn("1027700132194")).toContain("Контрольная цифра ОГРН не сходится");
    expect(validateOgrn("102770013219")).toBe("ОГРН содержит 13 цифр; сейчас введено 12 — допишите недостающие");
    expect(validateOgrn("304500116000157")).toContain("похоже на ОГРНИП");
    expect(validateOgrn("2027700132195")).toContain("начинается с цифры 1 или 5");
    expect(validateOgrn("10277001321O5")).toContain("вместо цифры 0 введена буква «O»");
    expect(validateOgrnip("304500116000158")).toContain("Контрольная цифра ОГРНИП не сходится");
    expect(validateOgrnip("1027700132195")).toContain("похоже на ОГРН организации");
    expect(validateOgrnip("30450011600015")).toContain("ОГРНИП содержит 15 цифр; сейчас введено 14");
    expect(validateOgrnip("404500116000157")).toContain("начинается с цифры 3");
  });

  it("makes check digits for 15-digit numbers without losing precision", () => {
    expect(makeOgrnip("30450011600015")).toBe("304500116000157");
    expect(makeOgrn("102770013219")).toBe("1027700132195");
    expect(() => makeOgrn("12345")).toThrow(RangeError);
  });

  it("property: makeOgrn is valid; one changed digit is caught unless the residues are 0 and 10", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("1", "5"),
        digitString(11),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (first, rest, pos, shift) => {
          const ogrn = makeOgrn(first + rest);
          expect(validateOgrn(ogrn)).toBeNull();
          const mutated = mutate(ogrn, pos, shift);
          if (validateOgrn(mutated) === null) {
            expect(pos).toBeLessThan(12);
            expect(new Set([ogrnResidue(ogrn), ogrnResidue(mutated)])).toEqual(new Set([0, 10]));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("property: makeOgrnip is valid; one changed digit is caught unless residues r and r+10 collide", () => {
    fc.assert(
      fc.property(
        digitString(13),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 9 }),
        (rest, pos, shift) => {
          const ogrnip = makeOgrnip("3" + rest);
          expect(validateOgrnip(ogrnip)).toBeNull();
          const mutated = mutate(ogrnip, pos, shift);
          if (validateOgrnip(mutated) === null) {
            expect(pos).toBeLessThan(14);
            const [a, b] = [ogrnipResidue(ogrnip), ogrnipResidue(mutated)];
            expect(a).not.toBe(b);
            expect(a % 10).toBe(b % 10); // {0,10}, {1,11} or {2,12}
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("passport", () => {
  it("accepts the usual ways of writing series and number", () => {
    for (const v of ["45 06 123456", "4506 123456", "4506123456", "45 06 № 123456", "4506-123456"]) {
      expect(validatePassport(v)).toBeNull();
      expect(normalizePassport(v)).toBe("4506 123456");
    }
    expect(parsePassport("45 06 123456")).toEqual({ series: "4506", number: "123456" });
  });

  it("explains length, letters and an impossible number", () => {
    expect(validatePassport("45 06 12345")).toContain("сейчас введено 9 — допишите недостающие");
    expect(validatePassport("45 06 1234567")).toContain("уберите лишние");
    expect(validatePassport("45 06 12345б")).toContain("вместо цифры 6 введена буква «б»");
    expect(validatePassport("4506 000000")).toContain("не может быть 000000");
    expect(parsePassport("123")).toBeNull();
  });
});

describe("phone", () => {
  it("normalizes the usual Russian formats to +7XXXXXXXXXX", () => {
    for (const v of [
      "+7 912 345-67-89",
      "8 (912) 345-67-89",
      "89123456789",
      "79123456789",
      "+7(912)3456789",
      "912 345 67 89",
      "8-495-123-45-67",
    ]) {
      expect(validatePhone(v), v).toBeNull();
    }
    expect(normalizePhone("8 (912) 345-67-89")).toBe("+79123456789");
    expect(normalizePhone("912 345 67 89")).toBe("+79123456789");
    expect(normalizePhone("8-495-123-45-67")).toBe("+74951234567");
    expect(formatPhone("89123456789")).toBe("+7 (912) 345-67-89");
  });

  it("explains what is wrong", () => {
    expect(validatePhone("+7 912 345-67-8")).toContain("сейчас введено 9 — допишите недостающие");
    expect(validatePhone("8 912 345-67-899")).toContain("уберите лишние");
    expect(validatePhone("+44 20 7946 0958")).toContain("Укажите российский номер");
    expect(validatePhone("812 345 67 89")).toContain("Укажите номер полностью");
    expect(validatePhone("+7 123 456-78-90")).toContain("не может начинаться с 1");
    expect(validatePhone("+7 912 345-67-8x")).toContain("уберите «x»");
    expect(validatePhone("")).toContain("Введите номер телефона");
    expect(normalizePhone("12345")).toBeNull();
  });
});

describe("postal index", () => {
  it("accepts 6 digits not starting with 0", () => {
    expect(validatePostalIndex("101000")).toBeNull();
    expect(normalizePostalIndex(" 101 000 ")).toBe("101000");
    expect(validatePostalIndex("010100")).toContain("не начинается с 0");
    expect(validatePostalIndex("10100")).toBe(
      "Почтовый индекс содержит 6 цифр; сейчас введено 5 — допишите недостающие",
    );
    expect(validatePostalIndex("1O1000")).toContain("вместо цифры 0");
  });
});

describe("e-mail", () => {
  it("accepts ordinary and .рф addresses and lower-cases the domain", () => {
    for (const v of ["ivanov@mail.ru", "i.ivanov+gos@Example.COM", "иван@почта.рф", " a_b-c@sub.domain.org "])
      expect(validateEmail(v), v).toBeNull();
    expect(normalizeEmail(" Ivanov@Mail.RU ")).toBe("Ivanov@mail.ru");
  });

  it("explains the usual mistakes", () => {
    expect(validateEmail("ivanov.mail.ru")).toContain("нет знака @");
    expect(validateEmail("ivanov@@mail.ru")).toContain("знак @ должен быть один");
    expect(validateEmail("ivanov@mail")).toContain("не хватает зоны");
    expect(validateEmail("ivanov@mail,ru")).toContain("вместо запятой");
    expect(validateEmail("ivanov @mail.ru")).toContain("Уберите пробелы");
    expect(validateEmail("ivanov@mаil.ru")).toContain("раскладку клавиатуры"); // Cyrillic «а»
    expect(validateEmail("@mail.ru")).toContain("Перед знаком @");
    expect(validateEmail("ivanov@")).toContain("После знака @");
    expect(validateEmail("ivanov..x@mail.ru")).toContain("лишние точки");
    expect(validateEmail("ivanov@mail.r1")).toContain("Зона домена");
  });
});
