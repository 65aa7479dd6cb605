import { Anchor, Box, Container, Group, Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { LanguageMenu } from "./language-menu";
import { MAIN_ID } from "./skip-link";

/** Sign-in, sign-up, password reset and invitations: a narrow card, no navigation. */
export function PublicLayout({ wide = false }: { wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Box component="header" px="md" py="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Group justify="space-between">
          <Anchor component={Link} to="/" fw={700} size="lg" c="dark" underline="never">
            {t("common.appName")}
          </Anchor>
          <LanguageMenu />
        </Group>
      </Box>
      <Container component="main" id={MAIN_ID} size={wide ? "lg" : 460} py="xl">
        <Paper withBorder p="xl" radius="md">
          <Outlet />
        </Paper>
      </Container>
    </>
  );
}
