import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from './errors';

/** An address range of the allow-list, as ipaddr.js parses it. */
export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Only the global unicast block of IPv6 is public; ipaddr.js calls everything it has no name for "unicast". */
const GLOBAL_IPV6 = ipaddr.parseCIDR('2000::/3');

/** "10.20.0.0/16" or a single address ("10.20.1.5" means /32, "fd00::1" /128). Throws on anything else. */
export function parseCidr(text: string): Cidr {
  const value = text.trim();
  if (ipaddr.isValidCIDR(value)) return ipaddr.parseCIDR(value);
  if (isIP(value)) {
    const ip = ipaddr.parse(value);
    return [ip, ip.kind() === 'ipv4' ? 32 : 128];
  }
  throw new Error(`not an address or CIDR range: ${value}`);
}

/**
 * Whether the server may connect to this address: a public unicast address, or one inside an
 * allow-listed range. IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it maps.
 */
export function isAddressAllowed(address: string, allow: readonly Cidr[]): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  if (allow.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return true;
  if (ip.range() !== 'unicast') return false;
  return ip.kind() === 'ipv4' || ip.match(GLOBAL_IPV6);
}

/** RFC 6761: these names always mean this machine, whatever a resolver says. */
const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

export function refused(reason: string): AppError {
  return new AppError('fetch.refused', reason);
}

/**
 * The checks that need no DNS: an http(s) URL whose host is not a special address written literally
 * (the WHATWG parser has already turned 2130706433, 0x7f.1 and 127.1 into 127.0.0.1) nor localhost.
 */
export function checkUrl(raw: string, allow: readonly Cidr[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused(`scheme ${url.protocol}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  const literal = isIP(host) ? host : isLocalhostName(host) ? '127.0.0.1' : null;
  if (literal && !isAddressAllowed(literal, allow)) throw refused(`special address ${host}`);
  return url;
}
