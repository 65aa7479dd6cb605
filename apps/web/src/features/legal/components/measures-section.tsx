import type { LegalRequirement } from "@bgm/domain";
import { Button, Card, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ResultSourceNote } from "../../../components/ui/result-source-note";
import { formatDate } from "../../../lib/format";
import { notify } from "../../../lib/notify";
import { useCreateMeasure } from "../api/create-measure";
import type { MeasureItem } from "../api/types";
import { useUpdateMeasure } from "../api/update-measure";
import { MeasureForm } from "./measure-form";

export function MeasuresSection({ requirement }: { requirement: LegalRequirement }) {
  const { t } = useTranslation();
  const create = useCreateMeasure(requirement.key);
  const update = useUpdateMeasure(requirement.key);
  const [editing, setEditing] = useState<MeasureItem | undefined>();
  const [formKey, setFormKey] = useState(0);

  return (
    <section aria-labelledby="measures-heading">
      <Title order={2} fz="h3" id="measures-heading" mb="sm">
        {t("legal.measures")}
      </Title>
      <Stack>
        {requirement.measures.length === 0 ? (
          <Text>{t("legal.noMeasures")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("legal.measureTitle")}</Table.Th>
                  <Table.Th>{t("legal.ownerName")}</Table.Th>
                  <Table.Th>{t("legal.dueDate")}</Table.Th>
                  <Table.Th>{t("legal.carriedOutAt")}</Table.Th>
                  <Table.Th>{t("legal.proof")}</Table.Th>
                  <Table.Th>{t("common.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {requirement.measures.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      {m.title}
                      {m.source ? <ResultSourceNote source={m.source} compact /> : null}
                    </Table.Td>
                    <Table.Td>{m.ownerName}</Table.Td>
                    <Table.Td>{formatDate(m.dueDate)}</Table.Td>
                    <Table.Td>{m.carriedOutAt ? formatDate(m.carriedOutAt) : "–"}</Table.Td>
                    <Table.Td>{m.proof || "–"}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t("legal.editMeasure", { title: m.title })}
                        onClick={() => setEditing(m)}
                      >
                        {t("common.edit")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Card withBorder padding="md">
          <Title order={3} fz="h5" mb="sm">
            {t("legal.addMeasure")}
          </Title>
          <MeasureForm
            key={formKey}
            submitLabel={t("legal.addMeasure")}
            pending={create.isPending}
            error={create.error}
            onSubmit={({ title, ownerName, dueDate }) =>
              create.mutate(
                { title, ownerName, dueDate },
                {
                  onSuccess: () => {
                    setFormKey((k) => k + 1);
                    notify({ color: "green", message: t("legal.measureAdded") });
                  },
                },
              )
            }
          />
        </Card>
      </Stack>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        size="lg"
        title={editing ? t("legal.editMeasure", { title: editing.title }) : ""}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {editing ? (
          <MeasureForm
            measure={editing}
            submitLabel={t("legal.saveMeasure")}
            pending={update.isPending}
            error={update.error}
            onCancel={() => setEditing(undefined)}
            onSubmit={(values) =>
              update.mutate(
                { id: editing.id, ...values },
                {
                  onSuccess: () => {
                    setEditing(undefined);
                    notify({ color: "green", message: t("legal.measureSaved") });
                  },
                },
              )
            }
          />
        ) : null}
      </Modal>
    </section>
  );
}
