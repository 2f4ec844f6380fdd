import { inject } from "vitest";
import { TEST_ADMIN } from "./test-env";

// Tests set the environment the app's env module then validates, as the launcher does for the real server.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.VIGIL_DB_EMBEDDED = inject("databaseEmbedded") ? "1" : "0";
process.env.AUTH_SECRET = "integration-tests-only-secret-0123456789abcdef";
process.env.VIGIL_ADMIN_EMAIL = TEST_ADMIN.email;
process.env.VIGIL_ADMIN_PASSWORD = TEST_ADMIN.password;
process.env.LOG_LEVEL = "silent";
