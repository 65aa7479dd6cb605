import {
  Badge,
  Button,
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from "@mantine/core";

/**
 * Mantine's default light and outline variants put shade 9 text on a shade 1 background (green: 3.8:1)
 * and shade 8 outlines on white (red: 4.3:1) — both below WCAG AA. Darker text keeps every badge,
 * alert and outline button at 4.5:1 or more without changing the colour language.
 */
const accessibleVariantColors: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const family = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!family) return base;
  if (input.variant === "light") return { ...base, color: darken(family[9], 0.25) };
  if (input.variant === "outline") {
    const color = darken(family[9], 0.2);
    return { ...base, color, border: `1px solid ${color}` };
  }
  return base;
};

export const theme = createTheme({
  primaryColor: "blue",
  // White on blue-6 (Mantine's default) is 3.6:1; blue-8 reaches 4.9:1.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: "md",
  variantColorResolver: accessibleVariantColors,
  components: {
    /**
     * Mantine renders a dialog's title bar as <header>, a banner landmark: every open modal then adds a
     * second banner beside the app's own (axe: landmark-no-duplicate-banner). A plain div keeps the look;
     * the dialog is already labelled by its title.
     */
    ModalHeader: { defaultProps: { component: "div" } },
    DrawerHeader: { defaultProps: { component: "div" } },
    /**
     * Mantine cuts a badge's label with an ellipsis when its column is narrow („HOHE SENSIBILIT…“, „In Arb…“):
     * the status or warning a badge carries must be readable in full at every width, so a badge never
     * shrinks below its text and wraps onto a second line where there is no room.
     */
    /**
     * Wide tables scroll sideways on phones (issue 14, item 9: „orders table hides status and next action
     * with no scroll cue“). The scrollbar stays visible while a table overflows (Mantine shows it only on
     * hover, and phones never hover), and a soft shadow marks the side with more columns: two white covers
     * scroll with the content (`local`) and hide the shadows at the ends, which stay put (`scroll`).
     * The scrolling box takes keyboard focus, so a table without links or buttons (the partner's offering
     * statistics, say) can still be scrolled with the arrow keys (axe: scrollable-region-focusable).
     */
    TableScrollContainer: {
      defaultProps: {
        scrollAreaProps: {
          type: "always",
          viewportProps: { tabIndex: 0 },
          styles: {
            viewport: {
              background: [
                "linear-gradient(to right, var(--mantine-color-body) 30%, transparent) left center / 40px 100% no-repeat local",
                "linear-gradient(to left, var(--mantine-color-body) 30%, transparent) right center / 40px 100% no-repeat local",
                "radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.18), transparent) left center / 14px 100% no-repeat scroll",
                "radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.18), transparent) right center / 14px 100% no-repeat scroll",
              ].join(", "),
            },
          },
        },
      },
    },
    /**
     * A button's label wraps instead of being cut („Annahme zurücknehmen und Änd…“ on a 375 px phone): the
     * button never gets wider than its row and grows in height for a second line. Single-line buttons look
     * as before.
     */
    Button: Button.extend({
      styles: {
        // inline-flex keeps a one-line label vertically centred now that the height is no longer fixed.
        root: {
          maxWidth: "100%",
          height: "auto",
          minHeight: "var(--button-height)",
          display: "inline-flex",
          alignItems: "center",
          justifyContent: "center",
        },
        // The inner box may shrink to the button's width, so a label cut on purpose (the user menu's name)
        // still ends in "…".
        inner: { minWidth: 0, maxWidth: "100%" },
        label: { whiteSpace: "normal", textAlign: "center", lineHeight: 1.25, paddingBlock: 4 },
      },
    }),
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, maxWidth: "100%", height: "auto", minHeight: "var(--badge-height)", whiteSpace: "normal" },
        label: { overflow: "visible", textOverflow: "clip", whiteSpace: "normal", lineHeight: 1.25, textAlign: "center" },
      },
    }),
  },
});

/**
 * The default "dimmed" text and placeholders (gray-6 / gray-5) are 3.3:1 and 2.1:1 on white. Dimmed
 * text becomes gray-7; placeholders get a mid grey (4.7:1) that still reads as a hint, not a value.
 * The light-colour variables are darkened for the components that read them directly instead of
 * going through the variant resolver (NavLink: blue-9 on the hover tint was 4.0:1).
 * Field error text and borders use `--mantine-color-error`, red-6 by default (#fa5252: 3.28:1 on
 * white); red-9 (#c92a2a) reaches 5.46:1 (red-8, #e03131, would be 4.51:1: too close to the line).
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => {
  const lightColors: Record<string, string> = {};
  for (const [name, shades] of Object.entries(resolvedTheme.colors)) {
    const darkest = shades[9];
    if (darkest) lightColors[`--mantine-color-${name}-light-color`] = darken(darkest, 0.25);
  }
  return {
    variables: {},
    light: {
      ...lightColors,
      "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
      "--mantine-color-placeholder": "#6c757d",
      "--mantine-color-error": "var(--mantine-color-red-9)",
    },
    dark: {},
  };
};
