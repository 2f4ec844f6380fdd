import { AppError } from "@/lib/errors";

/**
 * Reads at most `limit` bytes of a request body; a larger one is refused (413) without buffering the rest.
 * Returns an empty buffer when there is no body.
 */
export async function readBodyLimited(request: Request, limit: number, what = "body"): Promise<Buffer> {
  const tooLarge = () => new AppError("payload_too_large", `The ${what} must be at most ${limit} bytes.`);
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
