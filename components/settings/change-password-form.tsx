"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ApiClientError, apiFetch } from "@/lib/client/api";

/**
 * Changing the password ends every session of the account, this one too (decision 0013): the form
 * signs its user straight back in with the new password, so only the other sessions end.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (form.get("newPassword") !== form.get("confirmPassword")) {
      setMessage({ tone: "error", text: "The new passwords do not match." });
      return;
    }
    setBusy(true);
    setMessage(null);
    const newPassword = String(form.get("newPassword") ?? "");
    try {
      await apiFetch("/api/v1/account/password", {
        method: "POST",
        body: { currentPassword: String(form.get("currentPassword") ?? ""), newPassword },
      });
      formElement.reset();
      const again = await signIn("credentials", { email, password: newPassword, redirect: false });
      setMessage(
        again?.error
          ? { tone: "error", text: "Your password has been changed. Sign in again with the new one." }
          : { tone: "success", text: "Your password has been changed. Other sessions are signed out." },
      );
    } catch (caught) {
      setMessage({
        tone: "error",
        text: caught instanceof ApiClientError ? caught.message : "Could not change the password.",
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
      />
      <TextField
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
      />
      <Button type="submit" isBusy={isBusy}>
        Change password
      </Button>
    </form>
  );
}
