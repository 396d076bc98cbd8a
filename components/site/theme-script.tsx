import { THEME_SCRIPT } from './theme-script-source';

/**
 * Applies the saved theme before the first paint (no flash of the wrong
 * theme). Our own constant code, not record data; the Content-Security-Policy
 * allows it by its hash (lib/http/content-security-policy.ts).
 */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
