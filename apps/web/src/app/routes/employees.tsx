import type { Employee } from "@bgm/domain";
import { Button, Group, Stack, Text } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ui/error-alert";
import { LoadingState } from "../../components/ui/loading-state";
import { PageHeader } from "../../components/ui/page-header";
import { JoinLinkCard } from "../../features/employee-access";
import type { EmployeeListParams } from "../../features/employees";
import { CsvImportModal, EmployeeFilters, EmployeeFormModal, EmployeesTable, useEmployees } from "../../features/employees";

const PAGE_SIZE = 25;

export function EmployeesRoute() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [department, setDepartment] = useState("");
  const [active, setActive] = useState<EmployeeListParams["active"]>("true");
  // The cursors of the pages before this one: "previous" pops, "next" pushes the answer's nextCursor.
  const [cursors, setCursors] = useState<string[]>([]);
  const [editing, setEditing] = useState<Employee | undefined>();
  const [creating, createModal] = useDisclosure();
  const [importing, importModal] = useDisclosure();
  const list = useEmployees({ q: debouncedSearch, department, active, cursor: cursors.at(-1), limit: PAGE_SIZE });
  const page = cursors.length + 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const nextCursor = list.data?.nextCursor ?? null;

  // Any filter change starts again at page 1: a cursor belongs to the list it was taken from.
  const resetPage =
    <T,>(set: (v: T) => void) =>
    (value: T) => {
      set(value);
      setCursors([]);
    };

  return (
    <Stack>
      <PageHeader
        title={t("employees.title")}
        actions={
          <>
            <Button variant="default" onClick={importModal.open}>
              {t("employees.import.button")}
            </Button>
            <Button onClick={createModal.open}>{t("employees.add")}</Button>
          </>
        }
      />
      <JoinLinkCard />
      <EmployeeFilters
        search={search}
        onSearchChange={resetPage(setSearch)}
        department={department}
        onDepartmentChange={resetPage(setDepartment)}
        active={active}
        onActiveChange={resetPage(setActive)}
        departments={list.data?.departments ?? []}
      />
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <Text size="sm" role="status" data-testid="employees-total">
            {t("employees.total", { count: list.data.total })}
          </Text>
          <EmployeesTable employees={list.data.items} onEdit={setEditing} />
          {pages > 1 || cursors.length > 0 ? (
            <Group justify="center" component="nav" aria-label={t("employees.pagination")}>
              <Button variant="default" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t("common.previous")}
              </Button>
              <Text size="sm" aria-live="polite">
                {t("common.page", { page, pages: Math.max(page, pages) })}
              </Text>
              <Button
                variant="default"
                disabled={nextCursor === null}
                onClick={() => {
                  if (nextCursor !== null) setCursors((c) => [...c, nextCursor]);
                }}
              >
                {t("common.next")}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
      <EmployeeFormModal opened={creating} onClose={createModal.close} />
      <EmployeeFormModal opened={editing !== undefined} employee={editing} onClose={() => setEditing(undefined)} />
      <CsvImportModal opened={importing} onClose={importModal.close} />
    </Stack>
  );
}
