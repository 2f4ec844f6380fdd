import { CopyButton } from "@/components/ui/copy-button";
import type { SiteKeyShown } from "@/lib/sites/site-views";

/** A new server key, right after it was made: the only time anyone sees it (Vigil keeps its hash). */
export function ServerKeyOnce({ shown, rotated = false }: { shown: SiteKeyShown; rotated?: boolean }) {
  return (
    <div
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      data-testid="site-key-once"
    >
      <p className="font-semibold">
        {rotated ? "New server key" : "Server key"} of {shown.name} ({shown.slug})
      </p>
      <p className="mt-1">
        This is the only time it is shown: Vigil keeps only a hash of it. Put it in the app's environment as{" "}
        <code className="font-mono text-xs">VIGIL_SECRET_KEY</code> now. If it is lost, rotate the key and use the new
        one.
        {rotated ? " The previous key no longer works." : ""}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
          data-testid="site-secret"
        >
          {shown.secretKey}
        </code>
        <CopyButton text={shown.secretKey} what="server key" />
      </div>
    </div>
  );
}
