// A real SMTP server for the end-to-end tests (the `smtp-server` package): the app delivers its
// e-mail here over SMTP, and the tests read what arrived from a small JSON endpoint.
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const smtpPort = Number(process.env.SMTP_TEST_PORT ?? 3202);
const httpPort = Number(process.env.SMTP_TEST_HTTP_PORT ?? 3203);
const received: { to: string[]; from: string; subject: string; text: string; at: string }[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          at: new Date().toISOString(),
        });
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(smtpPort, "127.0.0.1");

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://localhost:${httpPort}`);
    const to = url.searchParams.get("to")?.toLowerCase();
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify(to ? received.filter((m) => m.to.includes(to)) : received));
  })
  .listen(httpPort, "127.0.0.1", () =>
    console.log(`test SMTP server on ${smtpPort}, messages at http://localhost:${httpPort}/messages`),
  );
