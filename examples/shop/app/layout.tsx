import { VigilVitals } from "@vigil/next";
import { connection } from "next/server";
import type { ReactNode } from "react";

export const metadata = { title: "Shop · a Vigil example" };

// The site's public key comes from the environment at run time (it is not a secret: it names the site), so one
// build serves any Vigil site; reading it makes the pages dynamic.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const vigil = process.env.VIGIL_ENDPOINT;
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem auto", maxWidth: 720, lineHeight: 1.5 }}>
        <header style={{ display: "flex", gap: "1rem", marginBottom: "2rem" }}>
          <a href="/">Shop</a>
          <a href="/products/1">Lamp</a>
          <a href="/products/2">Chair</a>
        </header>
        {children}
        {vigil && process.env.VIGIL_SITE_KEY ? (
          <VigilVitals siteKey={process.env.VIGIL_SITE_KEY} endpoint={`${vigil}/api/v1/vitals`} />
        ) : null}
      </body>
    </html>
  );
}
