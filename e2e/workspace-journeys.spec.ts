import {
  apiAs,
  createWorkspaceViaApi,
  expect,
  listWorkspaces,
  shot,
  signIn,
  signUpViaApi,
  tabTo,
  test,
  unique,
  uniqueEmail,
} from "./fixtures";

type MemberRow = { userId: string; email: string; name: string; role: string };

test("a new user creates a workspace and a threat model, then finds it in the list", async ({
  page,
  request,
  baseURL,
}) => {
  const owner = await signUpViaApi(request, baseURL, "creator");
  const workspaceName = unique("Workspace");
  const modelName = unique("Chatbot with RAG");
  await signIn(page, owner.email, owner.password);

  await page.getByRole("button", { name: "Switch workspace" }).click();
  await page.getByRole("link", { name: "New workspace" }).click();
  await expect(page).toHaveURL(/\/workspaces\/new$/);
  await page.getByLabel("Workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
  await expect(page.getByRole("heading", { name: workspaceName })).toBeVisible();
  await expect(page.getByText("No threat models yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Switch workspace" })).toContainText(workspaceName);
  const workspacePath = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "New threat model" }).click();
  await page.getByLabel("Model name").fill(modelName);
  await page.getByLabel("Description").fill("Answers customer questions from the help centre");
  await page.getByRole("button", { name: "Create model" }).click();
  await expect(page).toHaveURL(/\/models\/[^/]+$/);
  await expect(page.getByRole("heading", { name: modelName })).toBeVisible();
  await expect(page.getByText("Answers customer questions from the help centre")).toBeVisible();
  const modelPath = new URL(page.url()).pathname;

  await page.goto(workspacePath);
  const list = page.getByRole("table", { name: "Threat models" });
  await expect(list.getByRole("link", { name: modelName })).toBeVisible();
  await expect(list.getByRole("row", { name: new RegExp(modelName) })).toContainText("v1");
  await shot(page, "workspace-model-list");
  await list.getByRole("link", { name: modelName }).click();
  await expect(page).toHaveURL(new RegExp(`${modelPath}$`));
  await expect(page.getByRole("heading", { name: modelName })).toBeVisible();
});

test("an owner adds a member, changes the role, removes them, and invites a newcomer by link", async ({
  page,
  request,
  browser,
  baseURL,
  origin,
}) => {
  const owner = await signUpViaApi(request, baseURL, "owner");
  const colleague = await signUpViaApi(request, baseURL, "colleague");
  const newcomerEmail = uniqueEmail("newcomer");
  await signIn(page, owner.email, owner.password);
  const api = apiAs(page, origin);
  const workspaceName = unique("Team space");
  const workspaceId = await createWorkspaceViaApi(api, workspaceName);
  const memberRole = async (email: string) => {
    const members = (await (
      await api.get(`/api/v1/workspaces/${workspaceId}/members`)
    ).json()) as MemberRow[];
    return members.find((m) => m.email === email)?.role ?? "none";
  };

  await page.goto(`/w/${workspaceId}/members`);
  await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
  const table = page.getByRole("table", { name: "Members" });

  // Add an existing account.
  await page.getByLabel("Email address").fill(colleague.email);
  await page.getByLabel("Role", { exact: true }).selectOption("REVIEWER");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText(`${colleague.name} (${colleague.email}) is now a member.`)).toBeVisible();
  const row = table.getByRole("row").filter({ hasText: colleague.email });
  await expect(row).toBeVisible();
  const roleSelect = page.getByLabel(`Role of ${colleague.name}`);
  await expect(roleSelect).toHaveValue("REVIEWER");
  await shot(page, "members-added");

  // Change the role.
  await roleSelect.selectOption("VIEWER");
  await expect.poll(() => memberRole(colleague.email)).toBe("VIEWER");
  await page.reload();
  await expect(page.getByLabel(`Role of ${colleague.name}`)).toHaveValue("VIEWER");

  // Remove them (after confirming).
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Remove ${colleague.name}` }).click();
  await expect(row).toHaveCount(0);
  expect(await memberRole(colleague.email)).toBe("none");

  // Invite someone without an account: a one-time link.
  await page.getByLabel("Email address").fill(newcomerEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("EDITOR");
  await page.getByRole("button", { name: "Add member" }).click();
  const linkField = page.getByLabel("Invitation link");
  await expect(linkField).toHaveValue(/\/invite\/[^/]+$/);
  const inviteUrl = await linkField.inputValue();
  expect(new URL(inviteUrl).origin).toBe(origin);
  await expect(page.getByText("Pending invitations")).toBeVisible();
  await expect(page.getByText(`${newcomerEmail} · editor`)).toBeVisible();
  await shot(page, "members-invited");

  // The newcomer opens the link in their own browser, signs up with that email and joins.
  const newcomer = await browser.newContext({ baseURL });
  try {
    const guest = await newcomer.newPage();
    await guest.goto(inviteUrl);
    await expect(guest.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
    await shot(guest, "invite-signed-out");
    await guest.getByRole("link", { name: `Create an account for ${newcomerEmail}` }).click();
    await expect(guest).toHaveURL(/\/signup\?/);
    await expect(guest.getByLabel("Email")).toHaveValue(newcomerEmail);
    await guest.getByLabel("Name").fill("Nora Newcomer");
    await guest.getByLabel("Password").fill("newcomer-password-1");
    await guest.getByRole("button", { name: "Create account" }).click();
    await expect(guest).toHaveURL(new URL(inviteUrl).pathname);
    await guest.getByRole("button", { name: `Join ${workspaceName}` }).click();
    await expect(guest).toHaveURL(new RegExp(`/w/${workspaceId}$`));
    await expect(guest.getByRole("heading", { name: workspaceName })).toBeVisible();
    await expect(guest.getByText("you are editor")).toBeVisible();
    await shot(guest, "invite-joined");

    // The link worked once.
    await guest.goto(inviteUrl);
    await expect(guest.getByRole("heading", { name: "Invitation not found" })).toBeVisible();
  } finally {
    await newcomer.close();
  }

  expect(await memberRole(newcomerEmail)).toBe("EDITOR");
  await page.reload();
  await expect(table.getByRole("row").filter({ hasText: newcomerEmail })).toBeVisible();
  await expect(page.getByText("Pending invitations")).toHaveCount(0);
});

test("an API token works with Bearer auth until it is revoked", async ({
  page,
  request,
  baseURL,
  origin,
}) => {
  const owner = await signUpViaApi(request, baseURL, "tokens");
  await signIn(page, owner.email, owner.password);
  const workspaceName = unique("Token space");
  const workspaceId = await createWorkspaceViaApi(apiAs(page, origin), workspaceName);
  const tokenName = unique("ci");

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await page.getByLabel("Token name").fill(tokenName);
  await page.getByRole("button", { name: "Create token" }).click();
  const tokenField = page.getByLabel("New API token");
  await expect(tokenField).not.toHaveValue("");
  const token = await tokenField.inputValue();
  await expect(
    page.getByRole("table", { name: "API tokens" }).getByRole("cell", { name: tokenName, exact: true }),
  ).toBeVisible();
  await shot(page, "tokens-created");

  // `request` has no cookies: the bearer token is the only credential.
  const headers = { authorization: `Bearer ${token}` };
  const allowed = await request.get("/api/v1/workspaces", { headers });
  expect(allowed.status()).toBe(200);
  expect(await allowed.json()).toEqual([{ id: workspaceId, name: workspaceName, role: "OWNER" }]);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Revoke ${tokenName}` }).click();
  await expect(page.getByText("You have no API tokens.")).toBeVisible();

  const refused = await request.get("/api/v1/workspaces", { headers });
  expect(refused.status()).toBe(401);
  // The session still works: only the token was revoked.
  expect((await listWorkspaces(apiAs(page, origin))).map((w) => w.id)).toEqual([workspaceId]);
});

test("keyboard only: sign in, open the workspace switcher, create a workspace and a threat model", async ({
  page,
  request,
  baseURL,
}) => {
  const account = await signUpViaApi(request, baseURL, "keyboard");
  const workspaceName = unique("Keyboard space");
  const modelName = unique("Keyboard model");

  await page.goto("/signin");
  // The email field has the focus on arrival.
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(account.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/workspaces\/new$/);

  // From the workspace switcher in the header, as a returning user would.
  await tabTo(page, page.getByRole("button", { name: "Switch workspace" }));
  await page.keyboard.press("Enter");
  const newWorkspace = page.getByRole("link", { name: "New workspace" });
  await tabTo(page, newWorkspace, 5);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/workspaces\/new$/);
  const nameField = page.getByLabel("Workspace name");
  await tabTo(page, nameField);
  await page.keyboard.type(workspaceName);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
  await expect(page.getByRole("heading", { name: workspaceName })).toBeVisible();

  await tabTo(page, page.getByRole("button", { name: "New threat model" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Model name")).toBeFocused();
  await page.keyboard.type(modelName);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/models\/[^/]+$/);
  await expect(page.getByRole("heading", { name: modelName })).toBeVisible();

  // Back to the list through the breadcrumb, and into the model again.
  await tabTo(
    page,
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: workspaceName }),
  );
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: workspaceName })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: modelName }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: modelName })).toBeVisible();
});
