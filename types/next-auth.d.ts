import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
    /** The account's session epoch at sign-in (lib/auth/options.ts). */
    epoch: number;
  }
  interface User {
    epoch?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    epoch?: number;
  }
}
