import { test } from 'vitest';
import { gzipSync } from 'node:zlib';
import { index } from './licence-data';
test('probe', () => {
  const gz = (o: unknown) => gzipSync(Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)), { level: 9 }).length;
  const esc = (s: string) => s.replace(/"/g, '\\&quot;');
  console.log('all', gz(index), gz(esc(JSON.stringify(index))));
  for (const [k, v] of Object.entries(index)) console.log(k, JSON.stringify(v).length, gz(v));
  console.log('cities', gz(index.provinces.map(p=>p.cities).join(',')), 'pinyin', gz(index.provinces.map(p=>p.pinyin).join(',')));
});
