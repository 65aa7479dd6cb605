import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

/**
 * No server-side request forgery through webhook URLs: only http(s), and never an address on loopback,
 * link-local (the cloud metadata service at 169.254.169.254), private or unique-local networks — checked
 * when the URL is saved and again at every delivery after DNS resolution (the resolved address is the one
 * connected to, so a name that later resolves to 10.0.0.1 is refused too). WEBHOOK_ALLOW_PRIVATE=true
 * lifts the address rule (tests, local development).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** True for an address a webhook may not reach (IPv4-mapped IPv6 addresses are checked as IPv4). */
export function isForbiddenAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1] as string, "ipv4");
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) return blocked.check(address, "ipv6");
  return true;
}

export class ForbiddenUrlError extends Error {}

/** The URL's own checks, without DNS: scheme, no credentials, and an IP literal must be public. */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ForbiddenUrlError("not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ForbiddenUrlError("only http and https URLs");
  if (url.username || url.password) throw new ForbiddenUrlError("no credentials in the URL");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate) {
    if (isIP(host) && isForbiddenAddress(host)) throw new ForbiddenUrlError("a loopback, link-local or private address");
    if (host === "localhost" || host.endsWith(".localhost")) throw new ForbiddenUrlError("a loopback address");
  }
  return url;
}

/** Resolves the host and refuses it when any of its addresses is forbidden (at subscription time). */
export async function resolvePublic(url: URL, allowPrivate: boolean): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (allowPrivate || isIP(host)) return;
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, list) => (err ? reject(new ForbiddenUrlError("the host name does not resolve")) : resolve(list))),
  );
  if (addresses.some((a) => isForbiddenAddress(a.address))) throw new ForbiddenUrlError("a loopback, link-local or private address");
}

/**
 * A `lookup` for http.request that refuses forbidden addresses: the connection goes to the address
 * checked here, so DNS cannot answer differently between check and connect.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (
    hostname: string,
    options: object,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (err, list) => {
      if (err) return callback(err, "");
      const ok = allowPrivate ? list : list.filter((a) => !isForbiddenAddress(a.address));
      if (!ok.length) return callback(new ForbiddenUrlError("the host resolves to a forbidden address"), "");
      if ((options as { all?: boolean }).all) return callback(null, ok);
      const first = ok[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}
