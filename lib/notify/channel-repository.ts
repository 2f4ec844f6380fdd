import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { ChannelKind } from "@/lib/notify/delivery-request";

export type ChannelRecord = {
  id: string;
  name: string;
  kind: ChannelKind;
  url: string;
  hasSecret: boolean;
  allowPrivate: boolean;
  emailFrom: string | null;
  emailTo: string[];
  enabled: boolean;
  createdAt: Date;
};

const columns = {
  id: true,
  name: true,
  kind: true,
  url: true,
  secret: true,
  allowPrivate: true,
  emailFrom: true,
  emailTo: true,
  enabled: true,
  createdAt: true,
} as const;
// The secret itself never leaves this module except through createChannel's caller, once.
const toRecord = ({ secret, ...c }: { secret: string | null } & Omit<ChannelRecord, "hasSecret">): ChannelRecord => ({
  ...c,
  hasSecret: secret !== null,
});

export async function createChannel(
  input: {
    name: string;
    kind: ChannelKind;
    url: string;
    secret: string | null;
    allowPrivate: boolean;
    emailFrom?: string | null;
    emailTo?: string[];
  },
  client: DbClient = db,
): Promise<ChannelRecord> {
  return toRecord(await client.notificationChannel.create({ data: input, select: columns }));
}

export async function listChannels(client: DbClient = db): Promise<ChannelRecord[]> {
  return (await client.notificationChannel.findMany({ orderBy: { createdAt: "asc" }, take: 100, select: columns })).map(
    toRecord,
  );
}

export async function findChannel(id: string, client: DbClient = db): Promise<ChannelRecord | null> {
  const row = await client.notificationChannel.findUnique({ where: { id }, select: columns });
  return row ? toRecord(row) : null;
}

export async function setChannelEnabled(id: string, enabled: boolean, client: DbClient = db): Promise<boolean> {
  const { count } = await client.notificationChannel.updateMany({ where: { id }, data: { enabled } });
  return count === 1;
}

/** Deletes the channel and, by cascade, its delivery history. */
export async function deleteChannel(id: string, client: DbClient = db): Promise<boolean> {
  const { count } = await client.notificationChannel.deleteMany({ where: { id } });
  return count === 1;
}
