// What each not-yet-collecting section will show and what it needs; kept true to what this build actually does.
export type PendingSection = { title: string; what: string; status: string[] };

export const PENDING_SECTIONS: Record<string, PendingSection> = {
  "/admin/uptime": {
    title: "No uptime checks yet",
    what: "Vigil will probe itself and the HTTP targets an admin configures, and open an incident after consecutive failures.",
    status: ["Uptime probes are not part of this build yet.", "Meanwhile, /api/health/ready answers 200 when Vigil and its database are up, for any external checker."],
  },
};
