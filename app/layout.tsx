import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@fontsource/pt-sans/400.css";
import "@fontsource/pt-sans/700.css";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { TrpcProvider } from "@/components/trpc-provider";
import { config } from "@/server/config";
import { getSession } from "@/server/auth/session";
import { isDemoMailboxOpen } from "@/server/notification/config";

export const metadata: Metadata = {
  title: { default: "Регламент — муниципальные услуги", template: "%s — Регламент" },
  description: "Муниципальные услуги в электронной форме: каталог, подача заявлений, личный кабинет.",
  // Files of public/ (served as they are, no build): scripts/favicon.ts draws the ICO from the SVG's shapes.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
  },
  manifest: "/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  return (
    // The municipality's time zone, for dates formatted in the browser (see components/ui/format.ts).
    <html lang="ru" data-time-zone={config().timeZone}>
      <body className="min-h-screen font-sans">
        {/* No next-auth SessionProvider: nothing reads the session in the browser (pages get it on the
            server), and the provider sent the session to every page and asked /api/auth/session again
            on each return to the tab, a read of the account each time (issue 13 p.3). */}
        <TrpcProvider>
          <SiteHeader session={session} demoMailbox={isDemoMailboxOpen()} />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8 break-words">
            {children}
          </main>
          <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-600 no-print">
            Информация о порядке и сроках предоставления услуг предоставляется бесплатно и без регистрации.
            <a href="/verify" className="mt-1 block w-fit text-brand-700 underline">
              Проверка электронной подписи документа
            </a>
          </footer>
        </TrpcProvider>
      </body>
    </html>
  );
}
