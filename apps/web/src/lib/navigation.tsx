import { Anchor, type AnchorProps } from "@mantine/core";
import { createContext, type MouseEvent, type ReactNode, useContext } from "react";

/**
 * In-app navigation for components that render both inside the router and in the sign-in shell that runs
 * before it (app/sign-in-shell.tsx, which leaves react-router out of the sign-in page's download). Inside
 * the router, app/layout/public-layout.tsx provides react-router's `navigate`; the shell provides its own,
 * which loads the full app for the target. The default, a full page load, is what a plain link does.
 */
export type Navigate = (to: string) => void;

const NavigateContext = createContext<Navigate>((to) => window.location.assign(to));

export const NavigateProvider = NavigateContext.Provider;

export function useAppNavigate(): Navigate {
  return useContext(NavigateContext);
}

/** A link to an app path: a real <a href> (new tab, copy link), a client-side navigation on a plain click. */
export function AppLink({ to, children, ...props }: AnchorProps & { to: string; children: ReactNode }) {
  const navigate = useAppNavigate();
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  }
  return (
    <Anchor href={to} onClick={onClick} {...props}>
      {children}
    </Anchor>
  );
}
