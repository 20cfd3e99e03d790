/**
 * Imported first by each page entry, before any schema is built: zod compiles fast object
 * parsers with `new Function` when it can, and probes for that while building schemas. Our CSP
 * forbids eval (script-src 'self'), and even the probe is reported as a violation, so opt out
 * before the core's schemas are constructed.
 */
import { z } from 'zod';

z.config({ jitless: true });
