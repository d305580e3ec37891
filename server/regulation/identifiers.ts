/**
 * Format and check-digit validation of Russian identifiers (R14): СНИЛС, ИНН, ОГРН, ОГРНИП,
 * passport, phone, postal index, e-mail.
 *
 * Client-safe: no Node or server imports. The browser (react-hook-form resolver) and the server
 * run exactly these functions, so a value the form accepted is never refused on submit.
 *
 * Conventions:
 * - `validateX(value)` returns `null` when the value is valid, otherwise a message in Russian that
 *   says both what is wrong and how to fix it (R14). An empty value is reported as an error too:
 *   whether an empty field is allowed is the form schema's business, not the identifier's.
 * - `normalizeX(value)` returns the canonical form of a valid value, or `null` if it is invalid.
 * - `makeX(prefix)` computes the check digits for a prefix: test-data generators.
 *
 * Check digits are computed on digit strings with running remainders (`r = (10r + d) mod m`), so
 * 15-digit numbers never pass through a lossy `number`.
 */
import { plural } from "../format/plural";

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/** Separators people type or paste inside numbers: spaces (incl. no-break) and dash variants. */
const SEPARATORS = /[\s\u00a0\u2007\u202f\-\u2010\u2011\u2012\u2013\u2014\u2212]/g;

/** Characters that look like digits; the hint turns a bare "wrong character" into a fix. */
const LOOKALIKES: Record<string, string> = {
  O: "0",
  o: "0",
  О: "0",
  о: "0",
  З: "3",
  з: "3",
  l: "1",
  I: "1",
  б: "6",
  Б: "6",
};

function badCharMessage(where: string, allowed: string, ch: string): string {
  const digit = LOOKALIKES[ch];
  if (digit !== undefined) {
    return `${where} допускаются только цифры${allowed}: похоже, вместо цифры ${digit} введена буква «${ch}» — исправьте её`;
  }
  const shown = /\s/.test(ch) ? "пробел" : `«${ch}»`;
  return `${where} допускаются только цифры${allowed}: уберите символ ${shown}`;
}

/** "введено 9" / "введена 1" / "введено 0": agrees with the implied noun «цифра». */
const enteredCount = (n: number) => `${plural(n, ["введена", "введено", "введено"])} ${n}`;

function lengthMessage(subject: string, expected: string, actual: number, expectedCount: number): string {
  const fix = actual < expectedCount ? "допишите недостающие" : "уберите лишние (возможно, цифра введена дважды)";
  return `${subject} содержит ${expected}; сейчас ${enteredCount(actual)} — ${fix}`;
}

type Scanned = { ok: true; digits: string } | { ok: false; message: string };

/**
 * Strips separators and checks that only digits remain. `extra` removes further characters that
 * are allowed in a given identifier (for example «№» in a passport number).
 */
function scanDigits(value: string, where: string, allowed: string, extra?: RegExp): Scanned {
  let s = value.replace(SEPARATORS, "");
  if (extra) s = s.replace(extra, "");
  const bad = /\D/u.exec(s);
  if (bad) return { ok: false, message: badCharMessage(where, allowed, bad[0]) };
  return { ok: true, digits: s };
}

/** Remainder of a long decimal digit string: exact for any length, no BigInt needed. */
export function modDigits(digits: string, m: number): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + (ch.charCodeAt(0) - 48)) % m;
  return r;
}

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((w, i) => {
    sum += (digits.charCodeAt(i) - 48) * w;
  });
  return sum;
}

function assertDigits(prefix: string, length: number, what: string): void {
  if (!new RegExp(`^\\d{${length}}$`).test(prefix)) {
    throw new RangeError(`${what}: expected ${length} digits, got "${prefix}"`);
  }
}

/** Removes every non-digit character. */
export function digitsOnly(value: string): string {
  return value.replace(/\D/g, "");
}

// ---------------------------------------------------------------------------------------------
// СНИЛС
// ---------------------------------------------------------------------------------------------

/**
 * Numbers up to 001-001-998 were issued before the check-number rule was introduced, so their
 * check number is arbitrary and is not verified.
 */
export const SNILS_CHECKED_FROM = 1_001_999;

/**
 * The ПФР (now СФР) check number of a 9-digit СНИЛС prefix: the sum of digit × weight with weights
 * 9..1; a sum below 100 is the check number itself, 100 and 101 give 00, a larger sum is taken
 * modulo 101 and a remainder of 100 again gives 00.
 */
export function snilsCheckNumber(prefix9: string): number {
  assertDigits(prefix9, 9, "snilsCheckNumber");
  const sum = weightedSum(prefix9, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const r = sum % 101;
  return r === 100 ? 0 : r;
}

/** True when the check number of this 9-digit prefix is not verified (old numbers). */
export function isSnilsExempt(prefix9: string): boolean {
  return Number(prefix9) < SNILS_CHECKED_FROM;
}

export function validateSnils(value: string): string | null {
  if (value.trim() === "") return "Введите СНИЛС: 11 цифр, например 123-456-789 01";
  const scanned = scanDigits(value, "В СНИЛС", ", пробелы и дефисы");
  if (!scanned.ok) return scanned.message;
  const d = scanned.digits;
  if (d.length !== 11) return lengthMessage("СНИЛС", "11 цифр", d.length, 11);
  // Not a checksum matter: 000-000-000 00 was never issued and is the classic placeholder.
  if (/^0+$/.test(d)) return "СНИЛС не может состоять из одних нулей: введите номер со страхового свидетельства";
  const prefix = d.slice(0, 9);
  if (isSnilsExempt(prefix)) return null;
  if (snilsCheckNumber(prefix) !== Number(d.slice(9))) {
    return "Контрольное число СНИЛС не сходится: проверьте, не перепутаны ли цифры (сверьте номер со страховым свидетельством или с личным кабинетом СФР)";
  }
  return null;
}

/** "112-233-445 95" for a valid СНИЛС, else null. */
export function normalizeSnils(value: string): string | null {
  if (validateSnils(value) !== null) return null;
  return formatSnils(digitsOnly(value));
}

/** Formats 11 digits as "XXX-XXX-XXX YY"; other input is returned unchanged. */
export function formatSnils(digits: string): string {
  const m = /^(\d{3})(\d{3})(\d{3})(\d{2})$/.exec(digits);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}` : digits;
}

/** 11 digits of a СНИЛС with a correct check number for the 9-digit prefix. */
export function makeSnils(prefix9: string): string {
  return prefix9 + String(snilsCheckNumber(prefix9)).padStart(2, "0");
}

// ---------------------------------------------------------------------------------------------
// ИНН
// ---------------------------------------------------------------------------------------------

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

/** ФНС check digit: weighted sum mod 11 mod 10. */
function innDigit(digits: string, weights: readonly number[]): number {
  return (weightedSum(digits, weights) % 11) % 10;
}

export type InnKind = "any" | "legal" | "person";

const INN_CHECK_MESSAGE =
  "Контрольная цифра ИНН не сходится: проверьте, не перепутаны ли цифры (сверьте номер со свидетельством о постановке на учёт или с личным кабинетом налогоплательщика)";

/**
 * ИНН of an organisation (10 digits) or of a person / individual entrepreneur (12 digits).
 * `kind` restricts the length: "legal" accepts only 10 digits, "person" only 12.
 */
export function validateInn(value: string, kind: InnKind = "any"): string | null {
  const example =
    kind === "legal"
      ? "10 цифр"
      : kind === "person"
        ? "12 цифр"
        : "10 цифр для организации или 12 цифр для физического лица";
  if (value.trim() === "") return `Введите ИНН: ${example}`;
  const scanned = scanDigits(value, "В ИНН", " (без букв и знаков)");
  if (!scanned.ok) return scanned.message;
  const d = scanned.digits;
  if (kind === "legal" && d.length === 12) {
    return "Это ИНН физического лица (12 цифр): для организации укажите ИНН из 10 цифр — он есть в выписке из ЕГРЮЛ";
  }
  if (kind === "person" && d.length === 10) {
    return "Это ИНН организации (10 цифр): укажите личный ИНН из 12 цифр — он есть в свидетельстве о постановке на учёт или в личном кабинете налогоплательщика";
  }
  if (kind === "legal" && d.length !== 10) return lengthMessage("ИНН организации", "10 цифр", d.length, 10);
  if (kind === "person" && d.length !== 12) return lengthMessage("ИНН физического лица", "12 цифр", d.length, 12);
  if (d.length !== 10 && d.length !== 12) {
    const fix = d.length < 10 || d.length === 11 ? "допишите недостающие" : "уберите лишние";
    return `ИНН содержит 10 цифр (организация) или 12 цифр (физическое лицо, ИП); сейчас ${enteredCount(d.length)} — ${fix}`;
  }
  if (/^0+$/.test(d)) return "ИНН не может состоять из одних нулей: введите номер из свидетельства ИНН";
  if (d.length === 10) {
    if (innDigit(d, INN10_WEIGHTS) !== Number(d[9])) return INN_CHECK_MESSAGE;
  } else if (innDigit(d, INN12_WEIGHTS_11) !== Number(d[10]) || innDigit(d, INN12_WEIGHTS_12) !== Number(d[11])) {
    return INN_CHECK_MESSAGE;
  }
  return null;
}

export const validateInnLegal = (value: string): string | null => validateInn(value, "legal");
export const validateInnPerson = (value: string): string | null => validateInn(value, "person");

/** Digits of a valid ИНН, else null. */
export function normalizeInn(value: string, kind: InnKind = "any"): string | null {
  return validateInn(value, kind) === null ? digitsOnly(value) : null;
}

/** A 10-digit organisation ИНН from a 9-digit prefix. */
export function makeInnLegal(prefix9: string): string {
  assertDigits(prefix9, 9, "makeInnLegal");
  return prefix9 + String(innDigit(prefix9, INN10_WEIGHTS));
}

/** A 12-digit personal ИНН from a 10-digit prefix. */
export function makeInnPerson(prefix10: string): string {
  assertDigits(prefix10, 10, "makeInnPerson");
  const eleven = prefix10 + String(innDigit(prefix10, INN12_WEIGHTS_11));
  return eleven + String(innDigit(eleven, INN12_WEIGHTS_12));
}

// ---------------------------------------------------------------------------------------------
// ОГРН / ОГРНИП
// ---------------------------------------------------------------------------------------------

/**
 * ОГРН: 13 digits, check = (first 12 digits as a number mod 11) mod 10. The first digit is the
 * record kind: 1 and 5 are ОГРН of organisations; 3 is ОГРНИП (15 digits); 2, 4, 6-9 are numbers
 * of later register records (ГРН), not of the organisation itself.
 */
export function validateOgrn(value: string): string | null {
  if (value.trim() === "") return "Введите ОГРН: 13 цифр, например 1027700132195";
  const scanned = scanDigits(value, "В ОГРН", " (без букв и знаков)");
  if (!scanned.ok) return scanned.message;
  const d = scanned.digits;
  if (d.length === 15 && d.startsWith("3")) {
    return "Это похоже на ОГРНИП индивидуального предпринимателя (15 цифр): для организации укажите ОГРН из 13 цифр";
  }
  if (d.length !== 13) return lengthMessage("ОГРН", "13 цифр", d.length, 13);
  if (d[0] !== "1" && d[0] !== "5") {
    return "ОГРН организации начинается с цифры 1 или 5: проверьте первую цифру — возможно, введён номер записи ЕГРЮЛ (ГРН), а не ОГРН";
  }
  if (modDigits(d.slice(0, 12), 11) % 10 !== Number(d[12])) {
    return "Контрольная цифра ОГРН не сходится: проверьте, не перепутаны ли цифры (сверьте номер с выпиской из ЕГРЮЛ)";
  }
  return null;
}

/** ОГРНИП: 15 digits starting with 3, check = (first 14 digits mod 13) mod 10. */
export function validateOgrnip(value: string): string | null {
  if (value.trim() === "") return "Введите ОГРНИП: 15 цифр, например 304500116000157";
  const scanned = scanDigits(value, "В ОГРНИП", " (без букв и знаков)");
  if (!scanned.ok) return scanned.message;
  const d = scanned.digits;
  if (d.length === 13 && (d.startsWith("1") || d.startsWith("5"))) {
    return "Это похоже на ОГРН организации (13 цифр): для индивидуального предпринимателя укажите ОГРНИП из 15 цифр";
  }
  if (d.length !== 15) return lengthMessage("ОГРНИП", "15 цифр", d.length, 15);
  if (d[0] !== "3") {
    return "ОГРНИП начинается с цифры 3: проверьте первую цифру — возможно, введён номер записи ЕГРИП (ГРНИП), а не ОГРНИП";
  }
  if (modDigits(d.slice(0, 14), 13) % 10 !== Number(d[14])) {
    return "Контрольная цифра ОГРНИП не сходится: проверьте, не перепутаны ли цифры (сверьте номер с листом записи или выпиской из ЕГРИП)";
  }
  return null;
}

export function normalizeOgrn(value: string): string | null {
  return validateOgrn(value) === null ? digitsOnly(value) : null;
}

export function normalizeOgrnip(value: string): string | null {
  return validateOgrnip(value) === null ? digitsOnly(value) : null;
}

/** A 13-digit ОГРН from a 12-digit prefix (pass a prefix starting with 1 or 5 for a valid one). */
export function makeOgrn(prefix12: string): string {
  assertDigits(prefix12, 12, "makeOgrn");
  return prefix12 + String(modDigits(prefix12, 11) % 10);
}

/** A 15-digit ОГРНИП from a 14-digit prefix (pass a prefix starting with 3 for a valid one). */
export function makeOgrnip(prefix14: string): string {
  assertDigits(prefix14, 14, "makeOgrnip");
  return prefix14 + String(modDigits(prefix14, 13) % 10);
}

// ---------------------------------------------------------------------------------------------
// Passport of a citizen of the Russian Federation
// ---------------------------------------------------------------------------------------------

/**
 * Series (4 digits: region code + year of the blank) and number (6 digits). The passport number
 * has NO check digit, so only the format can be verified; whether the passport is valid is
 * checked through the МВД interagency request, not here.
 */
export function validatePassport(value: string): string | null {
  if (value.trim() === "") return "Введите серию и номер паспорта: 10 цифр, например 45 06 123456";
  const scanned = scanDigits(value, "В серии и номере паспорта", ", пробелы и знак №", /[№N#]/gu);
  if (!scanned.ok) return scanned.message;
  const d = scanned.digits;
  if (d.length !== 10) {
    const fix = d.length < 10 ? "допишите недостающие" : "уберите лишние";
    return `Серия и номер паспорта — это 10 цифр: 4 цифры серии и 6 цифр номера (например, 45 06 123456); сейчас ${enteredCount(d.length)} — ${fix}`;
  }
  if (d.slice(4) === "000000")
    return "Номер паспорта не может быть 000000: проверьте номер на второй странице паспорта";
  return null;
}

/** "4506 123456" for a valid passport, else null. */
export function normalizePassport(value: string): string | null {
  if (validatePassport(value) !== null) return null;
  const d = digitsOnly(value);
  return `${d.slice(0, 4)} ${d.slice(4)}`;
}

/** Series and number of a valid passport, else null. */
export function parsePassport(value: string): { series: string; number: string } | null {
  const n = normalizePassport(value);
  if (n === null) return null;
  const [series = "", number = ""] = n.split(" ");
  return { series, number };
}

// ---------------------------------------------------------------------------------------------
// Phone
// ---------------------------------------------------------------------------------------------

const PHONE_EXAMPLE = "например +7 912 345-67-89 или 8 (495) 123-45-67";

type PhoneParsed = { ok: true; national: string } | { ok: false; message: string };

/**
 * Russian numbers in the +7 zone: "+7 XXX XXX-XX-XX", "8 (XXX) XXX-XX-XX", "7XXXXXXXXXX", or ten
 * digits starting with 3, 4 or 9 typed without the prefix. Ten digits starting with 8 are refused:
 * «8 912 345 67 8» (a digit missing) and «812 345 67 89» (no prefix) cannot be told apart.
 */
function parsePhone(value: string): PhoneParsed {
  const trimmed = value.trim();
  if (trimmed === "") return { ok: false, message: `Введите номер телефона, ${PHONE_EXAMPLE}` };
  const compact = trimmed.replace(/[\s\u00a0()\-\u2010-\u2014.]/g, "");
  const plus = compact.startsWith("+");
  const body = plus ? compact.slice(1) : compact;
  const bad = /\D/u.exec(body);
  if (bad) {
    return {
      ok: false,
      message: `В номере телефона допускаются только цифры, пробелы, скобки, дефисы и знак + в начале: уберите ${/\s/.test(bad[0]) ? "лишний символ" : `«${bad[0]}»`}`,
    };
  }
  let national: string;
  if (plus) {
    if (!body.startsWith("7")) {
      return { ok: false, message: "Укажите российский номер: он начинается с +7 или 8, например +7 912 345-67-89" };
    }
    national = body.slice(1);
  } else if (body.length === 11 && (body.startsWith("8") || body.startsWith("7"))) {
    national = body.slice(1);
  } else if (body.length === 10 && /^[349]/.test(body)) {
    national = body;
  } else if (body.length === 10) {
    return { ok: false, message: `Укажите номер полностью, начиная с +7 или 8, ${PHONE_EXAMPLE}` };
  } else {
    // Count the national part the way people count it: without the leading 8 / 7.
    const n = body.length >= 11 && /^[78]/.test(body) ? body.length - 1 : body.length;
    const fix = n < 10 ? "допишите недостающие" : "уберите лишние";
    return {
      ok: false,
      message: `В российском номере 10 цифр после +7 или 8; сейчас ${enteredCount(n)} — ${fix}, ${PHONE_EXAMPLE}`,
    };
  }
  if (national.length !== 10) {
    const fix = national.length < 10 ? "допишите недостающие" : "уберите лишние";
    return {
      ok: false,
      message: `В российском номере 10 цифр после +7; сейчас ${enteredCount(national.length)} — ${fix}, ${PHONE_EXAMPLE}`,
    };
  }
  // Codes in the +7 zone start with 3, 4, 8, 9 (Russia) or 6, 7 (Kazakhstan); 0, 1, 2, 5 do not exist.
  if (/^[0125]/.test(national)) {
    return {
      ok: false,
      message: `Код после +7 не может начинаться с ${national[0]}: проверьте первые цифры номера, ${PHONE_EXAMPLE}`,
    };
  }
  return { ok: true, national };
}

export function validatePhone(value: string): string | null {
  const p = parsePhone(value);
  return p.ok ? null : p.message;
}

/** "+7XXXXXXXXXX" for a valid number, else null. */
export function normalizePhone(value: string): string | null {
  const p = parsePhone(value);
  return p.ok ? `+7${p.national}` : null;
}

/** "+7 (912) 345-67-89" for display; other input is returned unchanged. */
export function formatPhone(value: string): string {
  const n = normalizePhone(value);
  if (n === null) return value;
  return `+7 (${n.slice(2, 5)}) ${n.slice(5, 8)}-${n.slice(8, 10)}-${n.slice(10)}`;
}

// ---------------------------------------------------------------------------------------------
// Postal index
// ---------------------------------------------------------------------------------------------

export function validatePostalIndex(value: string): string | null {
  if (value.trim() === "") return "Введите почтовый индекс: 6 цифр, например 101000";
  const scanned = scanDigits(value, "В почтовом индексе", "");
  if (!scanned.ok) return scanned.message;
  const d = scanned.digits;
  if (d.length !== 6) return lengthMessage("Почтовый индекс", "6 цифр", d.length, 6);
  if (d.startsWith("0")) {
    return "Почтовый индекс в России не начинается с 0: проверьте первую цифру (индекс можно узнать на сайте Почты России)";
  }
  return null;
}

export function normalizePostalIndex(value: string): string | null {
  return validatePostalIndex(value) === null ? digitsOnly(value) : null;
}

// ---------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------

const EMAIL_EXAMPLE = "например ivanov@mail.ru";
const LOCAL_CHARS = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/**
 * A practical address check (not full RFC 5322): one «@», a local part of the usual characters,
 * a domain of dot-separated labels and a top-level domain of at least two letters. Letters of any
 * script are accepted because addresses in the .рф zone exist; a Latin domain with a Cyrillic
 * letter inside is refused as a keyboard-layout slip.
 */
export function validateEmail(value: string): string | null {
  const v = value.trim();
  if (v === "") return `Введите адрес электронной почты, ${EMAIL_EXAMPLE}`;
  if (/\s/.test(v)) return `Уберите пробелы из адреса электронной почты, ${EMAIL_EXAMPLE}`;
  if (v.length > 254)
    return "Адрес электронной почты слишком длинный (больше 254 символов): проверьте, не вставлен ли лишний текст";
  const at = v.split("@");
  if (at.length === 1) {
    return `В адресе электронной почты нет знака @: адрес выглядит как имя@домен, ${EMAIL_EXAMPLE}`;
  }
  if (at.length > 2) return `В адресе электронной почты знак @ должен быть один: уберите лишний, ${EMAIL_EXAMPLE}`;
  const [local = "", domain = ""] = at;
  if (local === "") return `Перед знаком @ должно быть имя ящика, ${EMAIL_EXAMPLE}`;
  if (domain === "") return `После знака @ укажите домен почтового сервиса, ${EMAIL_EXAMPLE}`;
  if (domain.includes(",") || local.includes(","))
    return "В адресе электронной почты вместо запятой должна быть точка: исправьте «,» на «.»";
  if (local.length > 64) return "Имя ящика (часть до @) не может быть длиннее 64 символов: проверьте адрес";
  if (!LOCAL_CHARS.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return `Имя ящика (часть до @) содержит недопустимые символы или лишние точки: проверьте адрес, ${EMAIL_EXAMPLE}`;
  }
  const labels = domain.split(".");
  const tld = labels[labels.length - 1] ?? "";
  if (labels.length < 2 || tld === "") {
    return `В домене после @ не хватает зоны через точку (.ru, .com, .рф): проверьте адрес, ${EMAIL_EXAMPLE}`;
  }
  if (!labels.every((l) => DOMAIN_LABEL.test(l))) {
    return `Домен после @ содержит недопустимые символы или лишние точки: проверьте адрес, ${EMAIL_EXAMPLE}`;
  }
  if (!/^\p{L}{2,}$/u.test(tld))
    return `Зона домена (после последней точки) — это буквы, например .ru или .рф: проверьте адрес`;
  if (/[a-z]/i.test(domain) && /\p{Script=Cyrillic}/u.test(domain)) {
    return "В адресе электронной почты смешаны русские и латинские буквы: проверьте раскладку клавиатуры";
  }
  if (/[a-z]/i.test(local) && /\p{Script=Cyrillic}/u.test(local)) {
    return "В имени ящика смешаны русские и латинские буквы: проверьте раскладку клавиатуры";
  }
  return null;
}

/** Trimmed address with a lower-case domain (the local part is case-sensitive by the RFC). */
export function normalizeEmail(value: string): string | null {
  if (validateEmail(value) !== null) return null;
  const v = value.trim();
  const at = v.lastIndexOf("@");
  return v.slice(0, at + 1) + v.slice(at + 1).toLowerCase();
}
