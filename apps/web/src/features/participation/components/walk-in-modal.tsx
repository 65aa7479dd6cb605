import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { FormModal } from "../../../components/ui/form-modal";
import { useWalkInCandidates } from "../api/attendance";

interface WalkInModalProps {
  opened: boolean;
  onClose: () => void;
  sessionId: string;
  /** People already on the list (with a place or waiting): not offered again. */
  listed: ReadonlySet<string>;
  onAdd: (employeeId: string, name: string) => void;
  pending: boolean;
}

/** Someone came without registering: find them in the employee register by name and add them as attended. */
export function WalkInModal({ opened, onClose, sessionId, listed, onAdd, pending }: WalkInModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t("participation.attendance.walkInTitle")}>
      {opened ? <WalkInSearch sessionId={sessionId} listed={listed} onAdd={onAdd} pending={pending} /> : null}
    </FormModal>
  );
}

function WalkInSearch({ sessionId, listed, onAdd, pending }: Omit<WalkInModalProps, "opened" | "onClose">) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const candidates = useWalkInCandidates(sessionId, debounced);
  const shown = (candidates.data ?? []).filter((e) => !listed.has(e.id));
  return (
    <Stack>
      <TextInput
        type="search"
        label={t("participation.attendance.search")}
        description={t("participation.attendance.searchHint")}
        data-autofocus
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      {candidates.isError ? <ErrorAlert error={candidates.error} /> : null}
      {debounced.length >= 2 && candidates.data && shown.length === 0 ? (
        <Text size="sm">{t("participation.attendance.noMatches")}</Text>
      ) : null}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }} aria-live="polite">
        {debounced.length >= 2
          ? shown.map((e) => {
              const name = `${e.firstName} ${e.lastName}`;
              return (
                <Group key={e.id} component="li" justify="space-between" wrap="nowrap" data-testid="walk-in-candidate">
                  <div>
                    <Text fw={500}>{name}</Text>
                    {e.department ? (
                      <Text size="sm" c="dimmed">
                        {e.department}
                      </Text>
                    ) : null}
                  </div>
                  <Button
                    size="md"
                    loading={pending}
                    aria-label={t("participation.attendance.addPerson", { name })}
                    onClick={() => onAdd(e.id, name)}
                  >
                    {t("participation.attendance.add")}
                  </Button>
                </Group>
              );
            })
          : null}
      </Stack>
    </Stack>
  );
}
