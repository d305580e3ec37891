// The Origin check of writes (issue 9, item 5): another site's page is refused, the app's own pages,
// and clients that send no Origin at all (no victim's cookies ride on them), are not.
import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "./origin";

const APP = "https://reglament.example.ru";
const req = (method: string, headers: Record<string, string>, url = "http://10.0.0.5:3000/api/x") =>
  new Request(url, { method, headers });

describe("isCrossOriginWrite", () => {
  it.each([
    ["POST", { origin: APP }],
    ["DELETE", { origin: APP }],
    ["POST", {}], // curl, a server-side client
    ["POST", { "sec-fetch-site": "same-origin" }],
    ["POST", { origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" }], // addressed directly
    ["GET", { origin: "https://evil.example" }], // reads change nothing
    ["HEAD", { "sec-fetch-site": "cross-site" }],
  ])("lets %s with %j through", (method, headers) => {
    expect(isCrossOriginWrite(req(method, headers), APP)).toBe(false);
  });

  it.each([
    ["POST", { origin: "https://evil.example" }],
    ["POST", { origin: "https://reglament.example.ru.evil.example" }],
    ["POST", { origin: "http://reglament.example.ru:8080" }],
    ["DELETE", { origin: "https://evil.example" }],
    ["POST", { origin: "null" }], // a sandboxed frame, a file:// page
    ["POST", { origin: "not a url" }],
    ["POST", { "sec-fetch-site": "cross-site" }],
    ["PUT", { origin: "https://evil.example", host: "reglament.example.ru" }],
  ])("refuses %s with %j", (method, headers) => {
    expect(isCrossOriginWrite(req(method, headers), APP)).toBe(true);
  });
});
