/** Only web addresses become links: a provider's text must not turn into a `javascript:` link. */
export function safeWebsite(url: string): string | null {
  try {
    const u = new URL(url.trim());
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : null;
  } catch {
    return null;
  }
}
