import { expect, test } from "@playwright/test";

test("alice signs in and sees the demo workspace with its model", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill("alice@example.com");
  await page.getByLabel("Password").fill("trustboard-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Demo ML Platform" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Fraud scoring service" })).toBeVisible();
});
