// An unusual port: the machine may be shared, and tests never reuse a server they did not start.
export const E2E_PORT = 3411;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
