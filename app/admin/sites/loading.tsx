export default function Loading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading sites" className="animate-pulse space-y-6">
      <div className="h-8 w-48 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="space-y-3 rounded-xl bg-zinc-200 p-5 dark:bg-zinc-800">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-10 rounded bg-zinc-300 dark:bg-zinc-700" />
        ))}
      </div>
    </div>
  );
}
