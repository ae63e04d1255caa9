"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton({
  callbackUrl = "/signin",
  className = "",
}: {
  callbackUrl?: string;
  className?: string;
}) {
  const [isBusy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      className={className}
      isBusy={isBusy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl });
      }}
    >
      Sign out
    </Button>
  );
}
