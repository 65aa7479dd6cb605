import { useCallback, useState } from "react";

/**
 * Whether an element has come near the viewport (within `margin`) at least once: for heavy parts below the
 * fold (the dashboard's trend charts and their 100 kB chart library), which a phone then loads and draws
 * only when someone scrolls towards them, not during the first page's load (issue 14). Once seen, it stays
 * seen. Without IntersectionObserver (old browsers, the unit tests' DOM) everything counts as seen.
 */
export function useSeen<T extends Element>(margin = "200px"): { ref: (node: T | null) => void; seen: boolean } {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === "undefined");
  const ref = useCallback(
    (node: T | null) => {
      if (!node || seen || typeof IntersectionObserver === "undefined") return;
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            setSeen(true);
            observer.disconnect();
          }
        },
        { rootMargin: margin },
      );
      observer.observe(node);
      // React 19: a ref callback's cleanup runs when the node goes away.
      return () => observer.disconnect();
    },
    [seen, margin],
  );
  return { ref, seen };
}
