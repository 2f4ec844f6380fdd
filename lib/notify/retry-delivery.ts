import "server-only";
import { AppError } from "@/lib/errors";
import { requeueDeadDelivery } from "@/lib/notify/outbox-repository";

/** "Retry" on a dead delivery: queued again now, with a fresh series of attempts. */
export async function retryDeadDelivery(id: bigint, now = new Date()): Promise<void> {
  if (!(await requeueDeadDelivery(id, now)))
    throw new AppError("bad_request", "Only dead deliveries can be retried; this one is not dead any more.");
}
