"use server";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { logger } from "@/lib/log/logger";
import { CHANNEL_FIELDS, ChannelInput, type ChannelCreated } from "@/lib/notify/channel-input";
import { addChannel, removeChannel, sendTestNotification, setChannelActive } from "@/lib/notify/channels";
import { ROUTE_FIELDS, RouteInput, RouteKey } from "@/lib/notify/route-input";
import { addRoutes, removeRoute, sendRouteTest } from "@/lib/notify/routes";

const admin = { role: "admin", revalidate: ["/admin/settings", "/admin/alerts"] } as const;

/** Adds a channel; a generated signing secret comes back once, in `data`. The secret typed is never echoed. */
export const addChannelAction = action(
  {
    ...admin,
    fields: CHANNEL_FIELDS,
    input: ChannelInput,
    echo: ["name", "kind", "url", "allowPrivate", "emailFrom", "emailTo"],
  },
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

/** Routes one site's events of the ticked severities to a channel. */
export const addRouteAction = action(
  { ...admin, fields: ROUTE_FIELDS, input: RouteInput, echo: ROUTE_FIELDS },
  async (input) => {
    const added = await addRoutes(input);
    logger.info(
      { event: "notify.route.created", site: input.site, channelId: input.channelId, severities: input.severities },
      "notification route added",
    );
    return { ok: true, message: added === 0 ? "Those routes exist already." : `Added ${added} route(s).` };
  },
);

export const routeOpAction = action(
  { ...admin, fields: ["op", "site", "severity", "channelId"], input: RouteKey, invalid: "Unknown route." },
  async ({ op, ...key }) => {
    if (op === "test") {
      await sendRouteTest(key);
      return { ok: true, message: "Test queued through this route: sent within seconds." };
    }
    await removeRoute(key);
    logger.info({ event: "notify.route.deleted", ...key }, "notification route removed");
    return { ok: true, message: "Removed." };
  },
);
