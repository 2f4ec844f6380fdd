"use server";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { logger } from "@/lib/log/logger";
import { CHANNEL_FIELDS, ChannelInput, type ChannelCreated } from "@/lib/notify/channel-input";
import { addChannel, removeChannel, sendTestNotification, setChannelActive } from "@/lib/notify/channels";

const admin = { role: "admin", revalidate: ["/admin/settings", "/admin/alerts"] } as const;

/** Adds a channel; a generated signing secret comes back once, in `data`. The secret typed is never echoed. */
export const addChannelAction = action(
  { ...admin, fields: CHANNEL_FIELDS, input: ChannelInput, echo: ["name", "kind", "url", "allowPrivate"] },
  async (input): Promise<{ ok: true; data: ChannelCreated }> => {
    const { channel, generatedSecret } = await addChannel(input);
    logger.info(
      { event: "notify.channel.created", channelId: channel.id, kind: channel.kind },
      "notification channel added",
    );
    return { ok: true, data: { name: channel.name, secret: generatedSecret } };
  },
);

const ChannelOp = z.object({ op: z.enum(["enable", "disable", "delete", "test"]), id: z.string().min(1).max(64) });

export const channelOpAction = action(
  { ...admin, fields: ["op", "id"], input: ChannelOp, invalid: "Unknown action." },
  async ({ op, id }) => {
    if (op === "test") {
      await sendTestNotification(id);
      return { ok: true, message: "Test queued: it is sent within seconds; see Alerts → Notification deliveries." };
    }
    if (op === "delete") await removeChannel(id);
    else await setChannelActive(id, op === "enable");
    logger.info({ event: `notify.channel.${op}`, channelId: id }, "notification channel changed");
    return { ok: true, message: op === "delete" ? "Deleted." : op === "enable" ? "Enabled." : "Disabled." };
  },
);
