import { describe, expect, it } from "vitest";
import { clientAddress } from "./options";

describe("clientAddress", () => {
  it("takes the rightmost X-Forwarded-For hop, which the server itself appends", () => {
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" })).toBe("10.0.0.7");
  });

  it("falls back to X-Real-IP, then to a shared bucket", () => {
    expect(clientAddress({ "x-real-ip": "10.1.1.1" })).toBe("10.1.1.1");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});
