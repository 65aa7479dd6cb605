import "./lib/zod-jitless";
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { i18nReady } from "./lib/i18n";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing in index.html");

// Rendered once the start language's texts are there: at once for German, after the English chunk for
// users who chose English (no German flash, no keys).
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
