import { UserAccessButton, type UserAccessAction } from "@/components/admin/user-access-button";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { UserSummary } from "@/lib/users/types";

const TONE: Record<UserSummary["role"], Tone> = { admin: "warn", viewer: "neutral", pending: "poor" };

/** Settings → Users: who can sign in, and approval for GitHub users no allowlist admitted (ADR 0009). */
export function UsersCard({
  users,
  currentUserId,
  changeAccess,
}: {
  users: UserSummary[];
  currentUserId: string;
  changeAccess: UserAccessAction;
}) {
  const waiting = users.filter((u) => u.role === "pending").length;
  return (
    <Card data-testid="users-card" className="lg:col-span-2">
      <CardHeader
        title="Users"
        description={`Admins manage settings; viewers read every dashboard; pending users (GitHub sign-ins no allowlist admitted) see nothing until approved.${waiting ? ` ${waiting} waiting.` : ""}`}
      />
      <Table caption="Users" head={["Email", "Role", "Sign-in", "Since"]}>
        {users.map((u) => (
          <tr key={u.id} data-testid="user-row" data-email={u.email}>
            <Td>{u.email}</Td>
            <Td>
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={TONE[u.role]}>{u.role}</Badge>
                {u.id === currentUserId || u.role === "admin" ? null : (
                  <UserAccessButton
                    id={u.id}
                    email={u.email}
                    change={u.role === "pending" ? "approve" : "revoke"}
                    changeAccess={changeAccess}
                  />
                )}
              </div>
            </Td>
            <Td>{[u.hasPassword ? "password" : null, ...u.oauthProviders].filter(Boolean).join(", ") || "—"}</Td>
            <Td>{u.createdAt.toISOString().slice(0, 10)}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
