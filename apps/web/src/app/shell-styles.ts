/*
 * Mantine's styles for the sign-in shell only (app/sign-in-shell.tsx): the global ones and the components
 * its page renders, about 12 kB gzip instead of the 36 kB of @mantine/core/styles.css, which blocked the
 * sign-in page's first paint. Order matters (a component's rules may override another's): the order of
 * styles.css. The full app (app/app.tsx) loads the whole styles.css before it renders; the repeated rules
 * are the same rules, so nothing changes when it arrives.
 *
 * A component added to the shell's pages needs its file here too (it would render unstyled on a first
 * visit to /login only); e2e/tests/first-page.spec.ts compares the shell's form with the router's.
 */
import "@mantine/core/styles/baseline.css";
import "@mantine/core/styles/default-css-variables.css";
import "@mantine/core/styles/global.css";
import "@mantine/core/styles/UnstyledButton.css";
import "@mantine/core/styles/VisuallyHidden.css";
import "@mantine/core/styles/Paper.css";
import "@mantine/core/styles/Loader.css";
import "@mantine/core/styles/ActionIcon.css";
import "@mantine/core/styles/CloseButton.css";
import "@mantine/core/styles/Group.css";
import "@mantine/core/styles/Input.css";
import "@mantine/core/styles/Alert.css";
import "@mantine/core/styles/Text.css";
import "@mantine/core/styles/Anchor.css";
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/Badge.css";
import "@mantine/core/styles/Button.css";
import "@mantine/core/styles/Center.css";
import "@mantine/core/styles/Container.css";
import "@mantine/core/styles/PasswordInput.css";
import "@mantine/core/styles/Stack.css";
import "@mantine/core/styles/Title.css";
