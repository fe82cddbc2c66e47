/**
 * Confirmation codes: what a registrant writes down, reads out at the door and types to cancel.
 * Random from the OS (crypto.randomBytes), never derived from the row id, so one code tells nothing about others.
 */
import { randomBytes } from 'node:crypto';

/**
 * 30 characters: no 0/O, 1/I/L (confused when read aloud or handwritten) and no E (Excel reads "12E45678" as a
 * number in the export). 30^8 ≈ 6.6 × 10^11 codes: guessing one with a rate-limited form is hopeless.
 */
export const CODE_ALPHABET = '23456789ABCDFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** A fresh code. Bytes ≥ 240 are thrown away so that every character is equally likely (no modulo bias). */
export function newCode(length: number = CODE_LENGTH): string {
  const n = CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < limit && out.length < length) out += CODE_ALPHABET[b % n];
    }
  }
  return out;
}
