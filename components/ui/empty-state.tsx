import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** An honest "nothing here yet" with the concrete next step, instead of fake or blank charts. */
export function EmptyState({ title, children, steps }: { title: string; children: ReactNode; steps?: string[] }) {
  return (
    <Card className="border-dashed" data-testid="empty-state">
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="mt-2 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      {steps?.length ? (
        <ol className="mt-4 list-decimal space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          {steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}
