// Checkout: 201, or 500 while CHECKOUT_FAILS=1 or for ?fail=1 — the example's way to burn an availability SLO.
export async function POST(request: Request) {
  const fail = process.env.CHECKOUT_FAILS === "1" || new URL(request.url).searchParams.get("fail") === "1";
  if (fail) return Response.json({ error: "payment provider unavailable" }, { status: 500 });
  return Response.json({ ordered: true }, { status: 201 });
}
