import Link from "next/link";
import { Table, Td } from "@/components/ui/table";
import type { MetricSpec } from "@/lib/vitals/metrics";
import type { RouteRow } from "@/lib/vitals/read-model";

export function RoutesTable({
  rows,
  spec,
  p,
  budget,
  hrefFor,
}: {
  rows: RouteRow[];
  spec: MetricSpec;
  p: number;
  budget: number;
  hrefFor: (route: string) => string;
}) {
  return (
    <Table
      caption={`Routes by ${spec.name} opportunity`}
      head={["Route", "Samples", `p${p}`, "Not good", "Opportunity"]}
    >
      {rows.map((r) => (
        <tr key={r.route} data-testid="route-row">
          <Td mono>
            <Link className="underline-offset-2 hover:underline" href={hrefFor(r.route)}>
              {r.route}
            </Link>
          </Td>
          <Td>{r.count}</Td>
          <Td>
            <span
              className={
                r.value !== null && r.value > budget ? "font-semibold text-red-700 dark:text-red-400" : undefined
              }
            >
              {r.value === null ? "—" : spec.format(r.value)}
            </span>
          </Td>
          <Td>{(r.notGoodShare * 100).toFixed(0)}%</Td>
          <Td>{(r.opportunity * 100).toFixed(1)}%</Td>
        </tr>
      ))}
    </Table>
  );
}
