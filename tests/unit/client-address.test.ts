import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, readerAddress } from '../../src/server/client-address';

const h = (init: Record<string, string> = {}) => new Headers(init);

describe('readerAddress', () => {
  const proxies = parseTrustedProxies('127.0.0.1, ::1');

  it('uses the socket address when no proxy is trusted (the default), whatever the headers say', () => {
    expect(readerAddress('203.0.113.9', h({ 'x-real-ip': '198.51.100.1' }), [])).toBe('203.0.113.9');
    expect(readerAddress('127.0.0.1', h({ 'x-real-ip': '198.51.100.1' }), parseTrustedProxies(undefined))).toBe('127.0.0.1');
  });

  it("takes the trusted proxy's X-Real-IP", () => {
    expect(readerAddress('127.0.0.1', h({ 'x-real-ip': '198.51.100.1' }), proxies)).toBe('198.51.100.1');
    expect(readerAddress('::1', h({ 'x-real-ip': '2001:db8::5' }), proxies)).toBe('2001:db8::5');
    // An IPv4 proxy seen on a dual-stack socket.
    expect(readerAddress('::ffff:127.0.0.1', h({ 'x-real-ip': '198.51.100.1' }), proxies)).toBe('198.51.100.1');
  });

  it('ignores the header from an address that is not a trusted proxy', () => {
    expect(readerAddress('198.51.100.7', h({ 'x-real-ip': '127.0.0.1' }), proxies)).toBe('198.51.100.7');
  });

  it('never reads X-Forwarded-For', () => {
    expect(readerAddress('127.0.0.1', h({ 'x-forwarded-for': '198.51.100.1' }), proxies)).toBe('127.0.0.1');
  });

  it('falls back to the socket address when the header is missing or not one IP address', () => {
    for (const value of ['', 'unknown', '198.51.100.1, 10.0.0.1', '<script>', '999.1.1.1', '1.2.3.4:80', 'x'.repeat(5000)]) {
      expect(readerAddress('127.0.0.1', h({ 'x-real-ip': value }), proxies)).toBe('127.0.0.1');
    }
    expect(readerAddress('127.0.0.1', h(), proxies)).toBe('127.0.0.1');
  });
});

describe('parseTrustedProxies', () => {
  it('reads a comma- or space-separated list and drops what is not an address', () => {
    expect(parseTrustedProxies('')).toEqual([]);
    expect(parseTrustedProxies(' 10.0.0.2 ,10.0.0.3  ::ffff:10.0.0.4 nonsense')).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4']);
  });
});
