import type { Offering } from "@bgm/domain";
import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { formatDateTime } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useUpdateOffering } from "../api/save-offering";
import { fromPriceLabel } from "../from-price";

const STATUS_COLORS: Record<Offering["status"], string> = { draft: "gray", published: "green", archived: "orange" };

interface OwnOfferingsTableProps {
  offerings: Offering[];
  canEdit: boolean;
  onEdit: (offering: Offering) => void;
}

export function OwnOfferingsTable({ offerings, canEdit, onEdit }: OwnOfferingsTableProps) {
  const { t } = useTranslation();
  const update = useUpdateOffering();
  if (offerings.length === 0) return <Text>{t("partner.empty")}</Text>;

  function move(o: Offering, status: Offering["status"]) {
    update.mutate(
      { id: o.id, patch: { status } },
      {
        onSuccess: () => notify({ color: "green", message: t("partner.statusChanged", { status: t(`partner.statuses.${status}`) }) }),
        onError: (err) => notify({ color: "red", message: errorMessage(err, t) }),
      },
    );
  }

  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing="xs" aria-label={t("partner.offeringsTitle")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("partner.title")}</Table.Th>
            <Table.Th>{t("partner.status")}</Table.Th>
            <Table.Th>{t("partner.price")}</Table.Th>
            <Table.Th>{t("engagements.lastActivity")}</Table.Th>
            {canEdit ? <Table.Th>{t("common.actions")}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offerings.map((o) => {
            const busy = update.isPending && update.variables?.id === o.id;
            return (
              <Table.Tr key={o.id} data-testid="own-offering">
                <Table.Td>{o.title}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[o.status]} variant="light" tt="none">
                    {t(`partner.statuses.${o.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{fromPriceLabel(t, o)}</Table.Td>
                <Table.Td>{formatDateTime(o.updatedAt)}</Table.Td>
                {canEdit ? (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" aria-label={t("partner.editNamed", { title: o.title })} onClick={() => onEdit(o)}>
                        {t("common.edit")}
                      </Button>
                      {o.status !== "published" ? (
                        <Button
                          size="xs"
                          loading={busy}
                          aria-label={t("partner.publishNamed", { title: o.title })}
                          onClick={() => move(o, "published")}
                        >
                          {t("partner.publish")}
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="outline"
                          color="orange"
                          loading={busy}
                          aria-label={t("partner.archiveNamed", { title: o.title })}
                          onClick={() => move(o, "archived")}
                        >
                          {t("partner.archive")}
                        </Button>
                      )}
                      {o.status === "archived" ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          loading={busy}
                          aria-label={t("partner.toDraftNamed", { title: o.title })}
                          onClick={() => move(o, "draft")}
                        >
                          {t("partner.toDraft")}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
