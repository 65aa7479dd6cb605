import type { Plugin } from "vite";

/**
 * Mantine's useId (@mantine/hooks, use-id) starts from React's id and swaps it for a random one in a layout
 * effect after mount. So every Mantine component that has an id (AppShell, Popover, Menu, every input…)
 * renders twice when it mounts, and the second render is a synchronous "cascading update" inside the
 * commit: on the dashboard it re-rendered the whole AppShell, about 140 ms of blocked main thread on
 * Lighthouse's phone (issue 14). The swap only guards against server/client mismatches of pre-18 React;
 * React's own useId is stable, unique per mount and a valid selector (`_r_1_`), and this app renders on
 * the client only. The build serves this module in its place: the same ids Mantine starts from, no state,
 * no effect. A given `staticId` wins, as in Mantine's.
 */
const STABLE_USE_ID = `import { useId as useReactId } from "react";
export function useId(staticId) {
  const reactId = useReactId();
  return typeof staticId === "string" ? staticId : \`mantine-\${reactId.replace(/:/g, "")}\`;
}
`;

const MANTINE_USE_ID = /[\\/]@mantine[\\/]hooks[\\/]esm[\\/]use-id[\\/]use-id\.mjs$/;

export function mantineStableIds(): Plugin {
  let replaced = false;
  return {
    name: "bgm:mantine-stable-ids",
    enforce: "pre",
    load(id) {
      if (!MANTINE_USE_ID.test(id)) return null;
      replaced = true;
      return STABLE_USE_ID;
    },
    buildEnd(error) {
      // A Mantine release that moves the file would silently bring the double render back.
      if (!error && !replaced) this.error("mantine-stable-ids: @mantine/hooks/esm/use-id/use-id.mjs was not in the build");
    },
  };
}
