// The shapes of site keys (lib/sites/keys makes them), pure so browser-facing schemas can check them.
export const PUBLIC_KEY = /^pk_[A-Za-z0-9]{24}$/;
export const SECRET_KEY = /^sk_[A-Za-z0-9]{32}$/;
