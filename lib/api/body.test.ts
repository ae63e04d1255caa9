import { describe, expect, it } from "vitest";
import { readJsonBody } from "./body";
import { AppError } from "./errors";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

function streamOf(chunks: string[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

describe("readJsonBody", () => {
  it("parses JSON", async () => {
    expect(await readJsonBody(post('{"a":1}'), 100)).toEqual({ a: 1 });
  });

  it("answers 400 for malformed JSON", async () => {
    await expect(readJsonBody(post("{nope"), 100)).rejects.toMatchObject({
      code: "bad_request",
      status: 400,
    });
  });

  it("refuses a declared length over the limit before reading", async () => {
    const error = await readJsonBody(post("{}", { "content-length": "101" }), 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 413 });
  });

  it("refuses a streamed body that grows past the limit", async () => {
    const body = streamOf(['{"a":"', "x".repeat(80), "y".repeat(80), '"}']);
    await expect(readJsonBody(post(body), 100)).rejects.toMatchObject({ status: 413 });
  });

  it("refuses NUL characters in values and keys, and deep nesting, naming the path (422)", async () => {
    const cases: [string, RegExp][] = [
      ['{"a":{"b":"x\\u0000y"}}', /a\.b: must not contain NUL/],
      ['{"a":[{"k\\u0000":1}]}', /a\.0: a key contains a NUL/],
      [`${"[".repeat(70)}${"]".repeat(70)}`, /nested deeper than 64/],
      ['{"n":1e999}', /n: number is out of range/],
    ];
    for (const [text, message] of cases) {
      await expect(readJsonBody(post(text), 1000)).rejects.toMatchObject({ status: 422, message });
    }
  });

  it("accepts an escaped backslash before u0000, which is text, not a NUL", async () => {
    expect(await readJsonBody(post('{"a":"\\\\u0000"}'), 100)).toEqual({ a: "\\u0000" });
  });

  it("treats an empty body as no body", async () => {
    expect(await readJsonBody(post(""), 100)).toBeUndefined();
  });
});
