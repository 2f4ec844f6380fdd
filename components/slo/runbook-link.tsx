/** Runbooks are http(s) URLs or paths in this repository (e.g. RUNBOOK.md#uptime), which the console cannot serve. */
export function RunbookLink({ url }: { url: string | null }) {
  if (!url) return null;
  if (/^https?:\/\//.test(url)) {
    return (
      <a href={url} className="underline underline-offset-2" rel="noreferrer" target="_blank">
        runbook
      </a>
    );
  }
  return (
    <span>
      runbook <code className="rounded bg-zinc-100 px-1 text-[11px] dark:bg-zinc-800">{url}</code>
    </span>
  );
}
