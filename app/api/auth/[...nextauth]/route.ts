import { handlers } from "@/lib/auth";

// Outside apiRoute: Auth.js answers its own errors (redirects to its error page), which a JSON refusal would break.
export const { GET, POST } = handlers;
