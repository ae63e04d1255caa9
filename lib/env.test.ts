import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("configuration", () => {
  it("applies defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.SIGNUP_ENABLED).toBe(true);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.MAX_BODY_BYTES).toBe(5 * 1024 * 1024);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names each bad variable", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgresql/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => parseEnv({ SIGNUP_ENABLED: "maybe" })).toThrow(/SIGNUP_ENABLED/);
  });

  it("requires the OIDC settings together", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://id.example.com" })).toThrow(/OIDC_CLIENT_ID/);
    const env = parseEnv({
      OIDC_ISSUER: "https://id.example.com",
      OIDC_CLIENT_ID: "a",
      OIDC_CLIENT_SECRET: "b",
    });
    expect(env.OIDC_NAME).toBe("Single sign-on");
  });

  it("reads boolean flags", () => {
    expect(parseEnv({ SIGNUP_ENABLED: "false" }).SIGNUP_ENABLED).toBe(false);
    expect(parseEnv({ COOKIE_SECURE: "1" }).COOKIE_SECURE).toBe(true);
  });
});
