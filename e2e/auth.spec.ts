import {
  DEMO,
  DEMO_PASSWORD,
  DEMO_WORKSPACE,
  expect,
  RATE_LIMITED,
  shot,
  signedInContext,
  signIn,
  signUpViaApi,
  submitSignInForm,
  test,
  uniqueEmail,
  WRONG_CREDENTIALS,
} from "./fixtures";

type SessionBody = { user?: { id?: string; email?: string; name?: string } };

test("a user signs in, signs out, and is then sent to sign-in from a workspace page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await shot(page, "signin");
  await signIn(page, DEMO.bob, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
  await expect(page.getByRole("heading", { name: DEMO_WORKSPACE })).toBeVisible();
  const workspacePath = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "Account menu" }).click();
  await expect(page.getByText(DEMO.bob)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  const session = (await (await page.request.get("/api/auth/session")).json()) as SessionBody;
  expect(session.user).toBeUndefined();
  await page.goto(workspacePath);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: DEMO_WORKSPACE })).toHaveCount(0);
});

test("a wrong password is refused and the user stays signed out", async ({ page, request, baseURL }) => {
  const account = await signUpViaApi(request, baseURL, "wrongpw");
  await page.goto("/signin");
  await submitSignInForm(page, account.email, `${account.password}-nope`);
  await expect(page.getByRole("alert").filter({ hasText: WRONG_CREDENTIALS })).toBeVisible();
  await shot(page, "signin-wrong-password");
  await expect(page).toHaveURL(/\/signin/);
  const session = (await (await page.request.get("/api/auth/session")).json()) as SessionBody;
  expect(session.user).toBeUndefined();
  await page.goto("/settings/account");
  await expect(page).toHaveURL(/\/signin/);
});

test("a deep link while signed out returns there after signing in", async ({ page }) => {
  await page.goto("/settings/tokens");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Ftokens/);
  await signIn(page, DEMO.carol, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
});

test("GET /api/auth/session names the signed-in user", async ({ page, request, baseURL }) => {
  const account = await signUpViaApi(request, baseURL, "session");
  await signIn(page, account.email, account.password);
  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  const session = (await response.json()) as SessionBody;
  expect(session.user).toEqual(
    expect.objectContaining({ id: account.id, email: account.email, name: account.name }),
  );
});

test("signing up lands the new user signed in", async ({ page }) => {
  const email = uniqueEmail("signup");
  const name = "Sam Signup";
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await shot(page, "signup");
  await page.getByRole("button", { name: "Create account" }).click();
  // A new account has no workspace yet, so the app offers to create one.
  await expect(page).toHaveURL(/\/workspaces\/new$/);
  await expect(page.getByRole("heading", { name: "New workspace" })).toBeVisible();
  await shot(page, "new-workspace");
  await page.getByRole("button", { name: "Account menu" }).click();
  await expect(page.getByText(email)).toBeVisible();
  const session = (await (await page.request.get("/api/auth/session")).json()) as SessionBody;
  expect(session.user?.email).toBe(email);
  expect(session.user?.name).toBe(name);
});

test("changing the password retires the old one and ends the other sessions", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const account = await signUpViaApi(request, baseURL, "chpw");
  const newPassword = `${account.password}-renewed`;
  // The same account signed in elsewhere (another browser, or a stolen session cookie).
  const elsewhere = await signedInContext(browser, baseURL, account.email, account.password);
  await elsewhere.page.goto("/workspaces/new");
  await expect(elsewhere.page).toHaveURL(/\/workspaces\/new$/);

  await signIn(page, account.email, account.password);
  await page.goto("/settings/account");
  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(
    page.getByText("Your password has been changed. Other sessions are signed out."),
  ).toBeVisible();
  await shot(page, "account-password-changed");

  // This browser carries on; the other session is over, for pages and for the API alike.
  await page.reload();
  await expect(page).toHaveURL(/\/settings\/account$/);
  await elsewhere.page.goto("/workspaces/new");
  await expect(elsewhere.page).toHaveURL(/\/signin/);
  const refused = await elsewhere.context.request.get("/api/v1/workspaces");
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toContain("Your session has ended");
  await elsewhere.context.close();

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await submitSignInForm(page, account.email, account.password);
  await expect(page.getByText(WRONG_CREDENTIALS)).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  await submitSignInForm(page, account.email, newPassword);
  await expect(page).toHaveURL(/\/workspaces\/new$/);
  const session = (await (await page.request.get("/api/auth/session")).json()) as SessionBody;
  expect(session.user?.email).toBe(account.email);
});

test("repeated wrong passwords lock the account, even against the right password", async ({
  page,
  request,
  baseURL,
}) => {
  const account = await signUpViaApi(request, baseURL, "throttle");
  await page.goto("/signin");
  // lib/auth/throttle.ts: 5 failures per email within 15 minutes lock the email.
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitSignInForm(page, account.email, `wrong-password-${attempt}`);
    await expect(page.getByText(WRONG_CREDENTIALS)).toBeVisible();
    // Wait for the form to settle before the next try, so each attempt is a separate request.
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await submitSignInForm(page, account.email, account.password);
  await expect(page.getByText(RATE_LIMITED)).toBeVisible();
  await shot(page, "signin-rate-limited");
  await expect(page).toHaveURL(/\/signin/);
  const session = (await (await page.request.get("/api/auth/session")).json()) as SessionBody;
  expect(session.user).toBeUndefined();
});
