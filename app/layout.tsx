import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ClientErrorReporter } from "@/components/telemetry/client-error-reporter";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { VitalsReporter } from "@/components/vitals/vitals-reporter";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vigil", template: "%s · Vigil" },
  description: "Self-hosted monitoring for Next.js: web vitals, server metrics, SLOs and uptime.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        <ThemeProvider>{children}</ThemeProvider>
        <VitalsReporter />
        <ClientErrorReporter />
      </body>
    </html>
  );
}
