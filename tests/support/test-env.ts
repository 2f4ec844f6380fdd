/** Credentials the test harnesses configure for the bootstrap admin; test-only, never used by `npm start`. */
export const TEST_ADMIN = { email: "admin@vigil.test", password: "correct-horse-battery-staple" } as const;
