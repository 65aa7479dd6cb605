import { Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { homeKind, useMe, useSignOut } from "../../features/auth";
import { CreateOrganizationForm, useSetActiveOrganization } from "../../features/organizations";

/** Shown to a signed-in user without an active organization (typically right after sign-up). */
export function OnboardingRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const setActive = useSetActiveOrganization();
  const signOut = useSignOut();
  if (!me) return null;
  if (homeKind(me) !== "onboarding") return <Navigate to="/" replace />;
  return (
    <Stack>
      <CreateOrganizationForm onCreated={() => navigate("/", { replace: true })} />
      {me.memberships.length > 0 ? (
        <Stack gap="xs">
          <Text fw={600}>{t("nav.switchOrganization")}</Text>
          {me.memberships.map((m) => (
            <Button
              key={m.organizationId}
              variant="default"
              onClick={() => setActive.mutate(m.organizationId, { onSuccess: () => navigate("/", { replace: true }) })}
            >
              {m.organizationName} ({t(`roles.${m.role}`)})
            </Button>
          ))}
        </Stack>
      ) : null}
      <Button variant="subtle" onClick={() => signOut.mutate(undefined, { onSettled: () => navigate("/login") })}>
        {t("nav.signOut")}
      </Button>
    </Stack>
  );
}
