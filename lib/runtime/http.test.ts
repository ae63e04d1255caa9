import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/options";
import { setClientAddress } from "./http";

const headers = (values: Record<string, string>) => ({ ...values }) as IncomingMessage["headers"];

describe("the client address the sign-in limit counts against", () => {
  it("is the socket's address when no proxy is trusted, whatever the client claims", () => {
    const spoofed = headers({ "x-forwarded-for": "6.6.6.6, 7.7.7.7", "x-real-ip": "8.8.8.8" });
    setClientAddress(spoofed, "203.0.113.5", false);
    expect(clientAddress(spoofed)).toBe("203.0.113.5");
    expect(spoofed["x-real-ip"]).toBeUndefined();
  });

  it("is the trusted proxy's rightmost entry behind TRUST_PROXY", () => {
    const proxied = headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.9" });
    setClientAddress(proxied, "10.0.0.2", true);
    expect(clientAddress(proxied)).toBe("198.51.100.9");
  });

  it("falls back to the socket behind TRUST_PROXY when the proxy sent nothing", () => {
    const bare = headers({});
    setClientAddress(bare, "10.0.0.2", true);
    expect(clientAddress(bare)).toBe("10.0.0.2");
  });
});
