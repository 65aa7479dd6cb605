import "./lib/zod-jitless";
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { createQueryClient } from "./app/query-client";
import { meQuery } from "./features/auth";
import { i18nReady } from "./lib/i18n";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing in index.html");

// Whether someone is signed in decides the first page (sign-in or the signed-in shell, whose own requests
// wait for it). Asked here, while the start language's texts load and before React renders anything,
// instead of from the first render of the auth guard: the answer comes about one render earlier.
const queryClient = createQueryClient();
void queryClient.prefetchQuery(meQuery);

// Rendered once the start language's texts are there: at once for German, after the English chunk for
// users who chose English (no German flash, no keys).
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  ),
);
