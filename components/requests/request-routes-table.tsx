import Link from "next/link";
import { Table, Td } from "@/components/ui/table";
import { formatCount, formatMs, formatPerMinute, formatRate } from "@/lib/requests/format";
import type { RouteRow } from "@/lib/requests/read-model";

export function RequestRoutesTable({ rows, hrefFor }: { rows: RouteRow[]; hrefFor: (route: string) => string }) {
  return (
    <Table caption="Routes by requests" head={["Route", "Methods", "Requests", "Req/min", "5xx", "p50", "p95", "p99"]}>
      {rows.map((r) => (
        <tr key={r.route} data-testid="request-route-row" data-route={r.route}>
          <Td mono>
            <Link className="underline-offset-2 hover:underline" href={hrefFor(r.route)}>
              {r.route}
            </Link>
          </Td>
          <Td mono>{r.methods.join(", ")}</Td>
          <Td>
            <span className="tabular-nums" data-testid="route-requests">
              {formatCount(r.requests)}
            </span>
          </Td>
          <Td>
            <span className="tabular-nums">{formatPerMinute(r.perMinute)}</span>
          </Td>
          <Td>
            <span
              className={r.errors > 0 ? "font-semibold tabular-nums text-red-700 dark:text-red-400" : "tabular-nums"}
              data-testid="route-error-rate"
            >
              {formatRate(r.errorRate)}
            </span>
          </Td>
          <Td>
            <span className="tabular-nums">{formatMs(r.p50)}</span>
          </Td>
          <Td>
            <span className="tabular-nums" data-testid="route-p95">
              {formatMs(r.p95)}
            </span>
          </Td>
          <Td>
            <span className="tabular-nums">{formatMs(r.p99)}</span>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
