import { createHmac } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import unhomoglyph from 'unhomoglyph';

/**
 * Who an author is, for trust, blocks, history and the per-author rate limit (docs/reader.md, "Who an author is").
 * Used by intake and by the migration that re-keys older comments, so both compute the same keys.
 */

/** Invisible characters: default-ignorable code points (zero-width spaces and joiners, soft hyphens, …) and bidi controls. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * A name as an identity: NFKC (full-width and styled letters become plain ones), invisible characters dropped,
 * look-alike letters of other scripts mapped to the Latin letter they imitate (Unicode's confusables table, through
 * unhomoglyph: Cyrillic `а`, Greek `Ν`), case-folded, spaces collapsed and trimmed. `Nasty`, `Nasty\u200b`,
 * `Ｎａｓｔｙ` and `Nаsty` (Cyrillic a) are one author. Only letters outside ASCII are mapped, so plain names keep
 * their keys (and `rn` is not `m`). The display name stays as typed.
 */
export function identityName(name: string): string {
  const plain = name.normalize('NFKC').replace(INVISIBLE, '');
  let mapped = '';
  for (const ch of plain) {
    if (ch.charCodeAt(0) < 0x80) {
      mapped += ch;
      continue;
    }
    const lookAlike = unhomoglyph(ch);
    mapped += lookAlike !== ch && PRINTABLE_ASCII.test(lookAlike) ? lookAlike : ch;
  }
  // Upper then lower: a fuller case fold than toLowerCase alone (ß → ss, final ς → σ).
  return mapped.toUpperCase().toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * The network a client address stands for: an IPv4 address as it is (an IPv4-mapped IPv6 address as its IPv4), an
 * IPv6 address as its /64 — one subscriber's whole allocation, or one IPv6 client could count as 2^64 readers
 * for the per-IP limit and for author keys.
 */
export function clientNetwork(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (addr.kind() === 'ipv4') return addr.toString();
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

/** `id:<publisher>:<id>` for an author the publisher vouched for (a signed author token); else by address and name. */
export function authorKey(author: { verified: { publisher: string; id: string } } | { ipHash: string | null; name: string }): string {
  if ('verified' in author) return `id:${author.verified.publisher}:${author.verified.id}`;
  const name = identityName(author.name);
  return author.ipHash ? `ip:${author.ipHash}:${name}` : `name:${name}`;
}

/** A client's network as a keyed hash (no raw address is stored): the `ip:` part of guest author keys, the reporter of a guest's report. */
export function networkHash(ip: string, secret: string): string {
  return createHmac('sha256', secret).update(clientNetwork(ip)).digest('base64url').slice(0, 22);
}
