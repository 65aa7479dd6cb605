import { Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { homeKind } from "../../features/auth/access";
import { useMe } from "../../features/auth/api/get-me";
import { useSignOut } from "../../features/auth/api/sign-out";
import { useSetActiveOrganization } from "../../features/organizations/api/set-active-organization";
import { CreateOrganizationForm } from "../../features/organizations/components/create-organization-form";

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
