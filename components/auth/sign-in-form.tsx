"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  OAuthSignin: "Single sign-on could not start. Try again or use your password.",
  OAuthCallback: "Single sign-on failed. Try again or use your password.",
  AccessDenied: "Your identity provider did not share a verified email address.",
  SessionRequired: "Please sign in to continue.",
};

export function SignInForm(props: {
  callbackUrl: string;
  initialError?: string;
  oidcName?: string;
  defaultEmail?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState(
    props.initialError ? (MESSAGES[props.initialError] ?? props.initialError) : "",
  );
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError("");
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
      callbackUrl: props.callbackUrl,
    }).catch(() => null);
    if (!result || result.error) {
      setBusy(false);
      setError(
        result?.error ? (MESSAGES[result.error] ?? result.error) : "Could not reach the server. Try again.",
      );
      return;
    }
    router.replace(props.callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <form method="post" onSubmit={onSubmit} className="space-y-4">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={props.defaultEmail}
          autoFocus
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Button type="submit" className="w-full" isBusy={isBusy}>
          Sign in
        </Button>
      </form>
      {props.oidcName ? (
        <Button
          variant="secondary"
          className="w-full"
          onClick={() => void signIn("oidc", { callbackUrl: props.callbackUrl })}
        >
          Continue with {props.oidcName}
        </Button>
      ) : null}
    </div>
  );
}
