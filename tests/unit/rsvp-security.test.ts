/**
 * The RSVP service's defences: the staff export's CSV (Excel, Chinese, no formulas), its token check,
 * the per-address rate limit and the body size limit.
 */
import { describe, expect, it } from 'vitest';
import { adminAccess, tokensEqual } from '../../src/server/auth';
import { bodyTooLarge, MAX_BODY_BYTES } from '../../src/server/body-limit';
import { BOM, csvCell, phoneAsText, toCsv } from '../../src/server/csv';
import { createRateLimiter } from '../../src/server/rate-limit';

describe('CSV for Excel', () => {
  it('starts with a BOM, ends lines with CRLF and quotes every cell', () => {
    const csv = toCsv([
      ['姓名', '人数'],
      ['王小明', 2],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe('\uFEFF"姓名","人数"\r\n"王小明","2"\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('doubles quotes and keeps commas and line breaks inside a cell', () => {
    expect(csvCell('say "hi", ok\nnext')).toBe('"say ""hi"", ok\nnext"');
    expect(csvCell(null)).toBe('""');
  });

  it('neutralises every cell that a spreadsheet could run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(evil), JSON.stringify(evil)).toBe(`"'${evil.replace(/"/g, '""')}"`);
    expect(csvCell('王=1')).toBe('"王=1"');
  });

  it('writes a mobile number as text a spreadsheet keeps (not 1.38E+10), and leaves anything else as it is', () => {
    expect(phoneAsText('13800138000')).toBe('138 0013 8000');
    expect(csvCell(phoneAsText('13800138000'))).toBe('"138 0013 8000"');
    expect(phoneAsText('')).toBe('');
    expect(phoneAsText('=1+1')).toBe('=1+1');
  });
});

describe('staff token', () => {
  const token = 'a-long-enough-secret-token';
  it('is off without a configured token, or with one too short to be safe', () => {
    expect(adminAccess(`Bearer ${token}`, undefined)).toBe('disabled');
    expect(adminAccess('Bearer short', 'short')).toBe('disabled');
  });

  it('tells missing from wrong credentials and accepts the right one', () => {
    expect(adminAccess(null, token)).toBe('missing');
    expect(adminAccess(`Basic ${btoa('a:b')}`, token)).toBe('missing');
    expect(adminAccess('Bearer wrong', token)).toBe('wrong');
    expect(adminAccess(`Bearer ${token}x`, token)).toBe('wrong');
    expect(adminAccess(`Bearer ${token}`, token)).toBe('ok');
    expect(adminAccess(`bearer   ${token}`, token)).toBe('ok');
  });

  it('compares strings of any length without throwing (hashes are compared, in constant time)', () => {
    expect(tokensEqual('', 'x'.repeat(64))).toBe(false);
    expect(tokensEqual('x'.repeat(10_000), 'x')).toBe(false);
    expect(tokensEqual('同一个令牌', '同一个令牌')).toBe(true);
  });
});

describe('rate limit per client address', () => {
  it('allows the limit per window, then refuses with a retry time, per address', () => {
    const rl = createRateLimiter({ limit: 3, windowMs: 60_000 });
    const t = 1_000_000;
    expect([0, 1, 2].map((i) => rl.hit('1.2.3.4', t + i).ok)).toEqual([true, true, true]);
    expect(rl.hit('1.2.3.4', t + 10_000)).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(rl.hit('5.6.7.8', t + 10_000).ok).toBe(true);
    expect(rl.hit('1.2.3.4', t + 60_000).ok).toBe(true);
  });

  it('keeps memory bounded under many addresses', () => {
    const rl = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) rl.hit(`10.0.${i >> 8}.${i & 255}`, 5_000 + i);
    expect(rl.size()).toBeLessThanOrEqual(101);
  });

  it('forgets an address once its window is over (the privacy policy says 短暂)', () => {
    const rl = createRateLimiter({ limit: 5, windowMs: 60_000 });
    rl.hit('192.0.2.7', 1_000);
    rl.hit('192.0.2.8', 30_000);
    rl.sweep(61_000);
    expect(rl.size()).toBe(1);
    rl.sweep(90_000);
    expect(rl.size()).toBe(0);
  });
});

describe('body size limit', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://localhost/events/x/rsvp/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('refuses a declared length over the limit without reading the body', async () => {
    expect(await bodyTooLarge(post('x', { 'content-length': String(MAX_BODY_BYTES + 1) }))).toBe(true);
    expect(await bodyTooLarge(post('x'.repeat(100)))).toBe(false);
  });

  it('counts a streamed body of unknown length', async () => {
    const stream = (bytes: number) =>
      new ReadableStream({
        start(c) {
          for (let sent = 0; sent < bytes; sent += 1000) c.enqueue(new Uint8Array(Math.min(1000, bytes - sent)));
          c.close();
        },
      });
    expect(await bodyTooLarge(post(stream(MAX_BODY_BYTES + 1)))).toBe(true);
    const small = post(stream(2000));
    expect(await bodyTooLarge(small)).toBe(false);
    expect((await small.arrayBuffer()).byteLength).toBe(2000); // the body is still there for the action
  });
});
