// `npm run admin:create -- --email … --last-name … --first-name …`: the first administrator of an
// installation (a production start creates no account: issue 9, item 1; README "The first
// administrator"). The password is never an argument (it would stay in the shell history and in the
// process list): typed twice without echo at a terminal, read from the first line of standard input
// otherwise (`< /run/secrets/admin-password`), or generated and printed once (--generate-password).
// Works beside a running `npm start` (it connects to its embedded PostgreSQL) and with DATABASE_URL.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { createAdministrator } from "../server/auth/administrator/mutations";
import { generatePassword, zAdministratorInput } from "../server/auth/administrator/schema";
import { createPrismaClient } from "../server/db/client";
import { prepareDatabase } from "../server/db/prepare";
import { envOrExit } from "../server/env";
import { AppError } from "../server/errors";

const USAGE = `Создание администратора:
  npm run admin:create -- --email адрес@example.ru --last-name Фамилия --first-name Имя [--middle-name Отчество]
Пароль запрашивается дважды (без отображения), читается из первой строки стандартного ввода
или создаётся командой (--generate-password) и показывается один раз.
  --existing   сделать администратором уже существующую учётную запись и задать ей новый пароль`;

/** Refuses and exits 1: the message is Russian, for the person at the server's console. */
function refuse(message: string): never {
  console.error(`Ошибка: ${message}`);
  process.exit(1);
}

function readArgs() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        email: { type: "string" },
        "last-name": { type: "string" },
        "first-name": { type: "string" },
        "middle-name": { type: "string" },
        "generate-password": { type: "boolean" },
        existing: { type: "boolean" },
        password: { type: "string" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    refuse(`${option ? `неизвестный или неполный параметр ${option}` : "параметры не разобраны"}.\n${USAGE}`);
  }
}

/** A line typed at the terminal without echo; Ctrl+C cancels. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const input = process.stdin;
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding("utf8");
    let value = "";
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === "\r" || c === "\n" || c === "\u0004") {
          input.off("data", onData);
          input.setRawMode(false);
          input.pause();
          process.stderr.write("\n");
          resolve(value);
          return;
        }
        if (c === "\u0003") {
          input.setRawMode(false);
          process.stderr.write("\n");
          process.exit(130);
        }
        if (c === "\u007f" || c === "\b") value = [...value].slice(0, -1).join("");
        else value += c;
      }
    };
    input.on("data", onData);
  });
}

/** The first line of standard input (a file or a pipe). */
async function firstLineOfStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

const args = readArgs();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.password !== undefined)
  refuse(
    "пароль не передаётся в командной строке: он остался бы в истории команд и в списке процессов. " +
      "Введите его по запросу, передайте через стандартный ввод или используйте --generate-password.",
  );
if (!args.email) refuse(`укажите --email.\n${USAGE}`);
if (!args.existing && (!args["last-name"] || !args["first-name"]))
  refuse(`укажите --last-name и --first-name.\n${USAGE}`);

const env = envOrExit("[admin:create]");
let password: string;
if (args["generate-password"]) password = generatePassword(randomBytes);
else if (process.stdin.isTTY) {
  password = await askHidden("Пароль (не менее 10 символов, буквы и цифры): ");
  if ((await askHidden("Повторите пароль: ")) !== password) refuse("пароли не совпадают.");
} else password = await firstLineOfStdin();

const input = {
  email: args.email,
  // --existing keeps the account's names; the schema still wants some.
  lastName: args["last-name"] ?? "Администратор",
  firstName: args["first-name"] ?? "Администратор",
  middleName: args["middle-name"] ?? "",
  password,
};
// Checked before a database is touched (createAdministrator checks again, for its other callers).
const checked = zAdministratorInput.safeParse(input);
if (!checked.success) refuse([...new Set(checked.error.issues.map((i) => i.message))].join("; ") + ".");

const database = await prepareDatabase({
  dataDir: path.resolve(env.dataDir),
  databaseUrl: env.databaseUrl ?? undefined,
  reuseRunning: true,
  quiet: true,
});
const db = createPrismaClient(database.url, { max: 2 });
let code = 0;
try {
  const result = await createAdministrator(db, input, { existing: !!args.existing });
  console.log(
    result.created
      ? `Администратор создан: ${result.email}.`
      : `Учётная запись ${result.email} стала администратором, пароль задан.`,
  );
  if (args["generate-password"]) console.log(`Пароль (показан один раз, сохраните его): ${password}`);
  console.log(`Вход: ${env.appUrl}/sign-in`);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`Ошибка: ${error.message}`);
  code = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
process.exit(code);
