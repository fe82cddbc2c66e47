import { stringify } from 'devalue';
import { describe, expect, it } from 'vitest';
import { decodePlain } from '../../src/lib/rsvp/action-client';

// Astro serialises an action's result with devalue; the island reads it without devalue's own decoder.
describe('decodePlain reads what Astro sends for an action result', () => {
  const samples: unknown[] = [
    { ok: true, event: 'open-day', code: 'K7M2QH9X', status: 'confirmed' },
    { ok: false, reason: 'invalid', httpStatus: 400, message: '请更正', errors: { phone: '请输入11位手机号', name: '请输入姓名' } },
    { ok: false, list: ['a', 'a', 1, 2.5, null, false], nested: { deeper: { x: '同一个字符串', y: '同一个字符串' } } },
    { maybe: undefined, empty: [], zero: 0, blank: '' },
    undefined,
  ];
  for (const value of samples) {
    it(`round-trips ${JSON.stringify(value) ?? 'undefined'}`, () => {
      expect(decodePlain(stringify(value))).toEqual(value);
    });
  }
  it('refuses types it does not know instead of guessing', () => {
    expect(() => decodePlain(stringify({ when: new Date('2031-06-01T00:00:00Z') }))).toThrow(/Date/);
    expect(() => decodePlain(stringify({ n: Number.NaN }))).toThrow();
    expect(() => decodePlain('"not a table"')).toThrow();
  });
});
