import "./lib/zod-jitless";
import "./app/shell-styles";
import "./app/boot-frame.css";
import { isSignInShellPath, type Me } from "@bgm/domain";
import { type ReactNode, StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { startFirstQueries } from "./app/first-queries";
import { type LeaveShell, SignInShell } from "./app/sign-in-shell";
import { getMe, homeKind } from "./features/auth";
import { i18nReady, loadFeatureTexts } from "./lib/i18n";

/*
 * The boot entry. A first visit to the sign-in page renders the sign-in shell (app/sign-in-shell.tsx):
 * React, Mantine, i18next and the form, without react-router and TanStack Query. Every other URL, and the
 * sign-in page once someone is signed in, signs in or follows a link, gets the full app (app/app.tsx), a
 * lazy chunk. One index.html either way; deep links load the full app directly.
 */
const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("#root missing in index.html");
const root = createRoot(rootElement);

// Whether someone is signed in decides the first page (sign-in or the signed-in app, whose own requests
// wait for it). Asked here, while the start language's texts load and before React renders anything; the
// full app takes the answer as its `me` query's data instead of asking again.
const session = getMe();

// As a transition, React renders in slices of a few milliseconds and lets the browser paint and handle input
// in between, instead of one long task for the whole page (issue 14: total blocking time on phones).
function render(element: ReactNode) {
  startTransition(() => root.render(<StrictMode>{element}</StrictMode>));
}

let leaving = false;
/** sessionStorage key: the URL a failed app load already reloaded once. */
const RELOAD_MARK = "bgm.reloaded-for-app";

/** Sets the URL, then loads the full app (its router reads the URL when it is created) and swaps it in. */
const startFullApp = (to: string | null, replace: boolean, currentSession: Promise<Me | null>) => {
  if (leaving) return;
  leaving = true;
  if (to !== null) window.history[replace ? "replaceState" : "pushState"](null, "", to);
  // The first page's data (the manager's dashboard), requested while the app's chunks load.
  const firstQueries = startFirstQueries(
    currentSession.then((me) => (me ? homeKind(me) : null)),
    () => window.location.pathname,
  );
  Promise.all([import("./app/app"), i18nReady])
    .then(([app]) => app.startApp(currentSession, firstQueries))
    .then(
      (element) => {
        sessionStorage.removeItem(RELOAD_MARK);
        render(element);
      },
      (error: unknown) => {
        // A chunk that does not load (a new release replaced it): a full page load of the URL fetches afresh —
        // once per URL and tab, so a chunk that stays missing shows a message instead of reloading forever.
        const tried = sessionStorage.getItem(RELOAD_MARK) === window.location.pathname;
        if (!tried) {
          console.warn("loading the app failed, reloading", error);
          sessionStorage.setItem(RELOAD_MARK, window.location.pathname);
          window.location.reload();
          return;
        }
        console.error("loading the app failed", error);
        render(
          <p role="alert" style={{ padding: "2rem", fontFamily: "sans-serif" }}>
            BGM Hub konnte nicht geladen werden. Bitte später erneut versuchen. / BGM Hub could not be loaded. Please try again later.
          </p>,
        );
      },
    );
};

const leave: LeaveShell = (to, { replace, session: currentSession }) => startFullApp(to, replace, currentSession);

if (isSignInShellPath(window.location.pathname)) {
  // Rendered once the start language's texts are there: at once for German, after the English chunk for
  // users who chose English (no German flash, no keys).
  void i18nReady.then(() => render(<SignInShell session={session} leave={leave} />));
} else {
  startFullApp(null, true, session);
  // Signed in, every page but the few public ones sits in the app layout and waits for the German feature
  // texts: both are fetched now, next to the full app, instead of once its router has run and matched the
  // URL (one round trip less before a deep link or the dashboard shows). The router's lazy routes then get
  // the same modules.
  session.then(
    (me) => {
      if (!me) return;
      void import("./app/layout/app-layout");
      void loadFeatureTexts().catch(() => undefined);
      // The start page of every role (the manager's dashboard) likewise, instead of once the router matched "/".
      if (window.location.pathname === "/") void import("./app/routes/home");
    },
    () => undefined,
  );
}
