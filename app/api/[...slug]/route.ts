import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

// Unknown API paths answer in JSON like every other API error instead of with the HTML 404 page.
const notFound = apiRoute("/api/[...slug]", (request) => {
  throw new AppError(
    "not_found",
    `No API route matches ${request.method} ${new URL(request.url).pathname.slice(0, 200)}.`,
  );
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
