import type { ReactNode } from 'react';
import { KeyboardNavigation } from '@/components/reader/keyboard-navigation';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

export default function ReaderLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="content" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
      <KeyboardNavigation />
    </>
  );
}
