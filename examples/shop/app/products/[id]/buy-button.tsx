"use client";

import { useState } from "react";

/** A real interaction (INP) that calls the checkout route handler. */
export function BuyButton({ id }: { id: string }) {
  const [state, setState] = useState<"idle" | "ok" | "failed">("idle");
  return (
    <p>
      <button
        type="button"
        onClick={async () => {
          const res = await fetch("/api/checkout", { method: "POST", body: JSON.stringify({ id }) });
          setState(res.ok ? "ok" : "failed");
        }}
      >
        Buy
      </button>{" "}
      <span role="status">{state === "ok" ? "Ordered." : state === "failed" ? "Checkout failed." : ""}</span>
    </p>
  );
}
