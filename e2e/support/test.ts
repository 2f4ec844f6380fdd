import { test as base, expect, type BrowserContext } from "@playwright/test";

// Every spec imports `test` from here (lib/security/e2e-guard.test.ts checks): each page any test opens is watched
// for Content-Security-Policy and Permissions-Policy problems, and the test fails on the first one.

export { expect };

const MARK = "vigil-policy-violation ";
// Chromium's own console reports: refused loads and inline code, malformed directives, unknown features.
const POLICY_MESSAGE = /content.security.policy|permissions.policy/i;

/** Collects the `securitypolicyviolation` events and policy console messages of every page of `context`. */
export async function watchPolicyViolations(context: BrowserContext, found: string[]): Promise<void> {
  await context.addInitScript((mark) => {
    document.addEventListener(
      "securitypolicyviolation",
      (e) =>
        console.error(
          mark +
            JSON.stringify({
              directive: e.effectiveDirective,
              blocked: e.blockedURI,
              source: e.sourceFile,
              line: e.lineNumber,
              sample: e.sample,
            }),
        ),
      true,
    );
  }, MARK);
  context.on("console", (msg) => {
    const text = msg.text();
    if (text.startsWith(MARK) || POLICY_MESSAGE.test(text)) found.push(`${msg.page()?.url() ?? "?"}: ${text}`);
  });
}

export const test = base.extend<{ policyViolations: string[] }>({
  policyViolations: [
    async ({ context, browser }, use) => {
      const found: string[] = [];
      await watchPolicyViolations(context, found);
      // Specs that open contexts of their own (a phone, a second user) are watched as well.
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const created = await newContext.apply(browser, args);
        await watchPolicyViolations(created, found);
        return created;
      };
      try {
        await use(found);
      } finally {
        browser.newContext = newContext;
      }
      expect(found, "no page may break its Content-Security-Policy or Permissions-Policy").toEqual([]);
    },
    { auto: true },
  ],
});
