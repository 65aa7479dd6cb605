import type { Me } from "@bgm/domain";
import { MantineProvider } from "@mantine/core";
import { useEffect, useState } from "react";
import { LoadingState } from "../components/ui/loading-state";
import { getMe, LoginForm } from "../features/auth";
import { NavigateProvider } from "../lib/navigation";
import { PublicFrame } from "./layout/public-frame";
import { safeRedirect } from "./routes/safe-redirect";
import { cssVariablesResolver, theme } from "./theme";

/** Where the shell hands over: to the full app (app/app.tsx) for `to`, with the session as it stands then. */
export type LeaveShell = (to: string, options: { replace: boolean; session: Promise<Me | null> }) => void;

/**
 * The sign-in page of a first visit, before and without react-router and TanStack Query (issue 14: they
 * are about 45 kB gzip the sign-in page does not need). main.tsx renders it for /login; it shows the same
 * frame and form as the router's /login (app/routes/login.tsx) and hands over to the full app when someone
 * turns out to be signed in, signs in, or follows a link.
 */
export function SignInShell({ session, leave }: { session: Promise<Me | null>; leave: LeaveShell }) {
  const [signedOut, setSignedOut] = useState(false);
  const params = new URLSearchParams(window.location.search);
  const target = safeRedirect(params.get("from"));

  useEffect(() => {
    let active = true;
    // Signed in already: on to the target, as the router's /login does. A failed check shows the form.
    session.then(
      (me) => {
        if (!active) return;
        if (me) leave(target, { replace: true, session });
        else setSignedOut(true);
      },
      () => active && setSignedOut(true),
    );
    return () => {
      active = false;
    };
  }, [session, leave, target]);

  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <NavigateProvider value={(to) => leave(to, { replace: false, session })}>
        <PublicFrame>
          {signedOut ? (
            <LoginForm
              ssoError={Boolean(params.get("sso_error"))}
              // The form stays (button spinning) until the full app has its first page ready.
              onSignedIn={() => new Promise<void>(() => leave(target, { replace: true, session: getMe() }))}
            />
          ) : (
            <LoadingState />
          )}
        </PublicFrame>
      </NavigateProvider>
    </MantineProvider>
  );
}
