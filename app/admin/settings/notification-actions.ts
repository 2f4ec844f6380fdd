"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionRefusal } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { ChannelInput, fieldErrors, type ChannelField } from "@/lib/notify/channel-input";
import { addChannel, removeChannel, sendTestNotification, setChannelActive } from "@/lib/notify/channels";

export type ChannelFormValues = { name: string; kind: string; url: string; allowPrivate: boolean };
export type ChannelFormState = {
  errors?: Partial<Record<ChannelField, string>>;
  formError?: string;
  /** What the admin typed, back into the form after an error (never the secret). */
  values?: ChannelFormValues;
  /** After a successful add: the generated signing secret, shown this once. */
  created?: { name: string; secret: string | null };
};
export type ChannelOpState = { ok?: string; error?: string };

const text = (form: FormData, name: string, max: number) => {
  const v = form.get(name);
  return typeof v === "string" ? v.slice(0, max) : "";
};

function refresh() {
  revalidatePath("/admin/settings");
  revalidatePath("/admin/alerts");
}

export async function addChannelAction(_prev: ChannelFormState, form: FormData): Promise<ChannelFormState> {
  const values: ChannelFormValues = {
    name: text(form, "name", 200),
    kind: text(form, "kind", 20),
    url: text(form, "url", 4096),
    allowPrivate: form.get("allowPrivate") === "on",
  };
  const denied = await actionRefusal("admin");
  if (denied) return { formError: denied, values };
  // Oversized fields are cut above only for echoing back; the schema sees them whole and refuses them.
  const parsed = ChannelInput.safeParse({
    name: form.get("name"),
    kind: form.get("kind"),
    url: form.get("url"),
    secret: form.get("secret"),
    allowPrivate: form.get("allowPrivate"),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { channel, generatedSecret } = await addChannel(parsed.data);
  logger.info(
    { event: "notify.channel.created", channelId: channel.id, kind: channel.kind },
    "notification channel added",
  );
  refresh();
  return { created: { name: channel.name, secret: generatedSecret } };
}

const ChannelOp = z.object({ op: z.enum(["enable", "disable", "delete", "test"]), id: z.string().min(1).max(64) });

export async function channelOpAction(_prev: ChannelOpState, form: FormData): Promise<ChannelOpState> {
  const denied = await actionRefusal("admin");
  if (denied) return { error: denied };
  const parsed = ChannelOp.safeParse({ op: form.get("op"), id: form.get("id") });
  if (!parsed.success) return { error: "Unknown action." };
  const { op, id } = parsed.data;
  try {
    if (op === "test") {
      await sendTestNotification(id);
      refresh();
      return { ok: "Test queued: it is sent within seconds; see Alerts → Notification deliveries." };
    }
    if (op === "delete") await removeChannel(id);
    else await setChannelActive(id, op === "enable");
    logger.info({ event: `notify.channel.${op}`, channelId: id }, "notification channel changed");
    refresh();
    return { ok: op === "delete" ? "Deleted." : op === "enable" ? "Enabled." : "Disabled." };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}
