/** Only same-site paths are accepted as a post-login target, so `?from=` cannot send users elsewhere. */
export function safeRedirect(from: string | null, fallback = "/"): string {
  if (from?.startsWith("/") && !from.startsWith("//") && !from.startsWith("/\\")) return from;
  return fallback;
}
