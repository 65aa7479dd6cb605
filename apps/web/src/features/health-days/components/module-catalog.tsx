import { Badge, Button, Card, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { LoadingState } from "../../../components/ui/loading-state";
import { MoneyInput } from "../../../components/ui/money-input";
import { eurosToCents, formatEuro } from "../../../lib/money";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import { useAddModule, useHealthDayCatalog } from "../api/health-days";
import type { HealthDayDetail } from "../api/types";
import { type CatalogEntry, type CatalogReason, catalogEntries } from "../catalog";
import { localizedError } from "../error-text";

function useReasonText() {
  const { t } = useTranslation();
  const l = useLocalized();
  return (r: CatalogReason): string => {
    switch (r.kind) {
      case "suggestion":
        return l(r.text);
      case "category":
        return t("healthDays.catalog.reasonCategory");
      case "onSite":
        return t("healthDays.catalog.reasonOnSite");
      case "fitsBudget":
        return t("healthDays.catalog.reasonFitsBudget", { amount: formatEuro(r.remainingCents) });
      case "overBudget":
        return t("healthDays.catalog.reasonOverBudget", { amount: formatEuro(r.remainingCents) });
    }
  };
}

function CatalogCard({ entry, editable, onAdd }: { entry: CatalogEntry; editable: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const titleId = useId();
  const o = entry.offering;
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={titleId} data-testid="catalog-entry">
      <Stack gap={6}>
        <Title order={3} fz="h5" id={titleId}>
          {o.title}
        </Title>
        <Text size="sm" c="dimmed">
          {o.providerName} · {t("healthDays.catalog.priceFrom", { price: formatEuro(o.priceFromCents) })}
          {o.capacity ? ` · ${t("healthDays.catalog.capacity", { count: o.capacity })}` : ""}
        </Text>
        <List size="sm" spacing={2}>
          {entry.reasons.map((r) => (
            <List.Item key={r.kind === "suggestion" ? r.text.de : r.kind} c={r.kind === "overBudget" ? "orange.9" : undefined}>
              {reasonText(r)}
            </List.Item>
          ))}
        </List>
        <Group>
          {entry.added ? (
            <Badge color="green" variant="light" tt="none">
              {t("healthDays.catalog.added")}
            </Badge>
          ) : null}
          {editable ? (
            <Button
              size="xs"
              variant={entry.added ? "default" : "filled"}
              onClick={onAdd}
              aria-label={t("healthDays.catalog.addFor", { title: o.title })}
            >
              {t("healthDays.catalog.add")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * The module catalog: marketplace offerings that fit as a station (the suggestions for "Gesundheitstag
 * planen", filtered by the domain's rule), with reasons; adding one sends the provider a booking request.
 */
export function ModuleCatalog({ day }: { day: HealthDayDetail }) {
  const { t } = useTranslation();
  const catalog = useHealthDayCatalog();
  const [adding, setAdding] = useState<CatalogEntry | null>(null);
  const entries = catalog.data ? catalogEntries(catalog.data, day) : [];
  const editable = day.allowedActions.length > 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="health-day-catalog-heading">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="health-day-catalog-heading">
          {t("healthDays.catalog.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("healthDays.catalog.intro")}
        </Text>
        {catalog.isPending ? <LoadingState /> : null}
        {catalog.isError ? <ErrorAlert error={catalog.error} onRetry={() => void catalog.refetch()} /> : null}
        {catalog.data && entries.length === 0 ? <Text>{t("healthDays.catalog.empty")}</Text> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {entries.map((e) => (
            <CatalogCard key={e.offering.id} entry={e} editable={editable} onAdd={() => setAdding(e)} />
          ))}
        </SimpleGrid>
      </Stack>
      <FormModal
        opened={adding !== null}
        onClose={() => setAdding(null)}
        title={t("healthDays.catalog.addTitle", { title: adding?.offering.title ?? "" })}
      >
        {adding ? <AddModuleForm day={day} entry={adding} onClose={() => setAdding(null)} /> : null}
      </FormModal>
    </Paper>
  );
}

function AddModuleForm({ day, entry, onClose }: { day: HealthDayDetail; entry: CatalogEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddModule(day.id);
  const [location, setLocation] = useState(day.locations[0] ?? "");
  const [costEuros, setCostEuros] = useState<number | null>(null);
  const [notes, setNotes] = useState("");
  const [message, setMessage] = useState("");

  function submit() {
    add.mutate(
      {
        offeringId: entry.offering.id,
        location,
        costCents: costEuros === null ? null : eurosToCents(costEuros),
        notes: notes.trim(),
        message: message.trim(),
      },
      {
        onSuccess: () => {
          notify({ color: "green", message: t("healthDays.catalog.addedToast", { provider: entry.offering.providerName }) });
          onClose();
        },
      },
    );
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={t("healthDays.catalog.submit")}
      pending={add.isPending}
      error={localizedError(add.error, t)}
    >
      <NativeSelect
        label={t("healthDays.catalog.location")}
        data-autofocus
        value={location}
        onChange={(e) => setLocation(e.currentTarget.value)}
        data={[{ value: "", label: t("healthDays.catalog.locationNone") }, ...day.locations.map((r) => ({ value: r, label: r }))]}
      />
      <MoneyInput
        label={t("healthDays.catalog.cost")}
        description={t("healthDays.catalog.costHint")}
        placeholder={formatEuro(entry.offering.priceFromCents)}
        value={costEuros}
        onChange={setCostEuros}
      />
      <Textarea
        label={t("healthDays.catalog.notes")}
        autosize
        minRows={2}
        maxLength={5000}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      <Textarea
        label={t("healthDays.catalog.message")}
        autosize
        minRows={2}
        maxLength={5000}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
      />
    </ModalForm>
  );
}
