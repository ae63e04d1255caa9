/** Only same-site paths may be redirected to after sign-in ("//evil.example" is another site). */
export function safeRedirectPath(value: string | null | undefined, fallback = "/"): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, "http://placeholder.invalid");
    if (url.origin === "http://placeholder.invalid") return `${url.pathname}${url.search}${url.hash}`;
    return fallback;
  } catch {
    return fallback;
  }
}
