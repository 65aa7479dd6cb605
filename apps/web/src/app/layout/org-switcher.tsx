import { NativeSelect, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage } from "../../components/ui/error-message";
import { useMe } from "../../features/auth";
import { useSetActiveOrganization } from "../../features/organizations";
import { notify } from "../../lib/notify";

/** Shows the active organization; a switcher only when the user belongs to several. */
export function OrgSwitcher() {
  const { t } = useTranslation();
  const me = useMe().data;
  const setActive = useSetActiveOrganization();
  const navigate = useNavigate();
  if (!me?.active) return null;
  if (me.memberships.length < 2) {
    return (
      <Text fw={500} size="sm" visibleFrom="sm">
        {me.active.organizationName}
      </Text>
    );
  }
  return (
    <NativeSelect
      size="sm"
      aria-label={t("nav.switchOrganization")}
      value={me.active.organizationId}
      disabled={setActive.isPending}
      data={me.memberships.map((m) => ({ value: m.organizationId, label: m.organizationName }))}
      onChange={(event) =>
        setActive.mutate(event.currentTarget.value, {
          onSuccess: () => navigate("/"),
          onError: (err) => notify({ color: "red", message: errorMessage(err, t) }),
        })
      }
    />
  );
}
