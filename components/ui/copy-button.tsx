"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** Copies `text` to the clipboard; says so (or that the browser refused: select and copy by hand) beside it. */
export function CopyButton({ text, what, className }: { text: string; what: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <Button
        type="button"
        variant="outline"
        className="px-2 py-1 text-xs"
        aria-label={`Copy ${what}`}
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setState("copied"),
            () => setState("failed"),
          )
        }
      >
        Copy
      </Button>
      <span role="status" className="text-xs text-muted">
        {state === "copied" ? "Copied" : state === "failed" ? "Select and copy it by hand" : ""}
      </span>
    </span>
  );
}
