/**
 * npm run confirm-list: everything the bank must confirm before launch, grouped by page, with file and field
 * (src/integrations/launch-gate.ts). Reads content/ (or CONTENT_ROOT) and the SITE_URL the build would use.
 * Exits 0 either way: it is a list to work through, not a check (LAUNCH=1 npm run build is the check).
 */
import { resolve } from 'node:path';
import { collectUnconfirmed, formatConfirmList } from '../src/integrations/launch-gate.ts';

const root = resolve(process.env.CONTENT_ROOT ?? 'content');
process.stdout.write(formatConfirmList(collectUnconfirmed(root, process.env.SITE_URL ?? '')));
