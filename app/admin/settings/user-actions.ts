"use server";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { changeUserAccess } from "@/lib/users/user-access";

const Change = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[\w-]+$/),
  change: z.enum(["approve", "revoke"]),
});

/** Settings → Users: approve a pending user as viewer, or send a viewer back to pending (admins only). */
export const changeUserAccessAction = action(
  {
    role: "admin",
    fields: ["id", "change"],
    input: Change,
    invalid: "Unknown user or change.",
    revalidate: ["/admin/settings"],
  },
  ({ id, change }, { session }) => changeUserAccess(id, change, session.user.id),
);
