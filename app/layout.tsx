import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ClientErrorReporter } from "@/components/telemetry/client-error-reporter";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { VigilVitals } from "@vigil/next";
import { analyticsEnabled } from "@/lib/analytics/enabled";
import { nonceOf } from "@/lib/security/headers.js";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vigil", template: "%s · Vigil" },
  description: "Self-hosted monitoring for Next.js: web vitals, server metrics, SLOs and uptime.",
};

// Reading the request makes every page dynamic, 404 included: a prerendered page could not carry this request's nonce.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = nonceOf((await headers()).get("content-security-policy"));
  return (
    // data-analytics="off" tells lib/analytics/posthog-client (started after the page is interactive) not to start PostHog.
    <html lang="en" suppressHydrationWarning data-analytics={analyticsEnabled() ? undefined : "off"}>
      <body className="min-h-screen font-sans">
        <ThemeProvider nonce={nonce}>{children}</ThemeProvider>
        <VigilVitals />
        <ClientErrorReporter />
      </body>
    </html>
  );
}
