/**
 * In the browser zod would probe `new Function` to speed parsing up: the
 * desk's Content-Security-Policy forbids eval (and reports the probe as a
 * violation), so there it parses without. Imported by the desk's one
 * always-present client component, before any desk form parses.
 */
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });
