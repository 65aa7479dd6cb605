import { Button, Menu, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMe, useSignOut } from "../../features/auth";

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe().data;
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!me) return null;
  const role = me.active?.role ?? me.user.platformRole;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* On a phone a long name is cut with "…" so the header stays on one line; the label keeps it in full. */}
        <Button variant="subtle" size="sm" px="xs" maw={{ base: 120, sm: 260 }} aria-label={t("nav.userMenu", { name: me.user.name })}>
          <Text span inherit truncate="end">
            {me.user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" c="dark">
            {me.user.email}
          </Text>
          {role ? (
            <Text size="xs" c="dark">
              {t(`roles.${role}`)}
            </Text>
          ) : null}
        </Menu.Label>
        <Menu.Item onClick={() => signOut.mutate(undefined, { onSettled: () => navigate("/login") })}>{t("nav.signOut")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
