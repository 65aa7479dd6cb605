/**
 * Pages of the web app the API's static handler must tell apart (issue 14). A first visit to one of the
 * `SIGN_IN_SHELL_PATHS` is drawn by the light sign-in shell (apps/web/src/app/sign-in-shell.tsx) and gets
 * index.html; every other URL loads the full app and gets app.html, which also names the first signed-in
 * page's files so that the browser fetches them together with the entry.
 */
export const SIGN_IN_SHELL_PATHS = ["/login"] as const;

/** Whether a request path (query and hash ignored) is one the sign-in shell renders. */
export function isSignInShellPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  return (SIGN_IN_SHELL_PATHS as readonly string[]).includes(path);
}
