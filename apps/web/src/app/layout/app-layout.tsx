import { Anchor, AppShell, Box, Burger, Button, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { lazy, Suspense, useDeferredValue } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet } from "react-router";
import { hasRole, homeKind, useMe } from "../../features/auth";
import { LanguageMenu } from "./language-menu";
import { MainNav } from "./main-nav";
import { OrgSwitcher } from "./org-switcher";
import { MAIN_ID, SkipLink } from "./skip-link";

// The bell's popover and the user menu are the only things on a first page that need Mantine's floating
// positioning (floating-ui, ~15 kB gzip). They load after the page's first paint (secondPass below);
// same-size stand-ins hold their places meanwhile, so nothing in the header moves when they arrive.
const NotificationBell = lazy(() => import("../../features/notifications").then((module) => ({ default: module.NotificationBell })));
const UserMenu = lazy(() => import("./user-menu").then((module) => ({ default: module.UserMenu })));

/** The signed-in shell: header (org, language, user), navigation by role, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [opened, { toggle, close }] = useDisclosure();
  // Second pass: what the first paint of a page can do without is drawn in a background render right after it
  // (issue 14: on phones these delayed the page's largest text). The navigation (16 links for a manager) was about
  // 40 % of the first render, and on a phone it is off-canvas; its column has a fixed width, so nothing moves when
  // it fills in. The bell and the user menu load their chunks (floating positioning, ~16 files) only then, so the
  // page's own files and data go first; their stand-ins hold their places until then.
  const secondPass = useDeferredValue(true, false);
  if (!me) return null;
  const kind = homeKind(me);
  if (kind === "onboarding") return <Navigate to="/onboarding" replace />;
  const bellStandIn = <Box w={34} h={34} style={{ flexShrink: 0 }} />;
  // user-menu.tsx's button, same look and name; it opens nothing until its menu is there.
  const userMenuStandIn = (
    <Button variant="subtle" size="sm" px="xs" maw={{ base: 120, sm: 260 }} aria-label={t("nav.userMenu", { name: me.user.name })}>
      <Text span inherit truncate="end">
        {me.user.name}
      </Text>
    </Button>
  );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="lg">
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          {/* The app name never shrinks or wraps (it did on 390 px phones); the right side gives way instead. */}
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.toggleNavigation")} />
            <Anchor component={Link} to="/" fw={700} size="lg" c="dark" underline="never" style={{ whiteSpace: "nowrap" }}>
              {t("common.appName")}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <OrgSwitcher />
            {me.active ? <Suspense fallback={bellStandIn}>{secondPass ? <NotificationBell /> : bellStandIn}</Suspense> : null}
            <LanguageMenu />
            <Suspense fallback={userMenuStandIn}>{secondPass ? <UserMenu /> : userMenuStandIn}</Suspense>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t("nav.main")}>
        {secondPass ? <MainNav kind={kind} canManageTeam={hasRole(me, ["bgm_manager", "partner_admin"])} onNavigate={close} /> : null}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
