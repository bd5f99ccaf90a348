/**
 * zod 4 probes `Function("")` on its first object parse, to compile faster parsers. Our CSP has
 * no 'unsafe-eval' (lib/server/infra/http/csp.ts), so in the browser that probe is blocked and reported to
 * /api/csp-report on every page that validates a form. jitless skips the probe: the same
 * parsers, not compiled. Imported for its effect by the root layout's client provider
 * (components/theme/theme-provider.tsx), so it runs before any page's form parses.
 */
import { z } from "zod";

z.config({ jitless: true });
