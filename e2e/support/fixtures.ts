import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import pg from "pg";
import { TEST_ADMIN } from "../../tests/support/test-env";

export { TEST_ADMIN };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAsAdmin(page: Page) {
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await expect(page.getByTestId("current-user")).toHaveText(TEST_ADMIN.email);
}

/** Each test makes its own users, straight in the database the app under test uses. */
export async function createUser(role: "admin" | "viewer" | "pending", password = "viewer-password-123") {
  const email = `${role}-${randomUUID().slice(0, 8)}@vigil.test`;
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      "INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, $3, $4, $5, now())",
      [randomUUID(), email, `Test ${role}`, role, await bcrypt.hash(password, 4)],
    );
  } finally {
    await client.end();
  }
  return { email, password };
}

/** One query against the database of the app under test (a connection per call: specs query rarely). */
export async function queryDb<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
