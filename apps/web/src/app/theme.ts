import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * Mantine's defaults miss WCAG AA contrast in two places we use everywhere: white text on blue-6
 * buttons and the gray-6 "dimmed" text. Darker shades fix both.
 */
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: "md",
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)" },
  dark: {},
});
