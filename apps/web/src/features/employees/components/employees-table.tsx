import type { Employee } from "@bgm/domain";
import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
import { useUpdateEmployee } from "../api/update-employee";

interface EmployeesTableProps {
  employees: Employee[];
  onEdit: (employee: Employee) => void;
}

export function EmployeesTable({ employees, onEdit }: EmployeesTableProps) {
  const { t } = useTranslation();
  const update = useUpdateEmployee();
  if (employees.length === 0) return <Text my="md">{t("employees.empty")}</Text>;

  function toggleActive(employee: Employee) {
    const name = `${employee.firstName} ${employee.lastName}`;
    update.mutate(
      { id: employee.id, input: { active: !employee.active } },
      {
        onSuccess: () =>
          notify({
            message: employee.active ? t("employees.deactivated", { name }) : t("employees.reactivated", { name }),
          }),
        onError: (err) => notify({ color: "red", message: errorMessage(err, t) }),
      },
    );
  }

  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("employees.lastName")}</Table.Th>
            <Table.Th>{t("employees.firstName")}</Table.Th>
            <Table.Th>{t("employees.email")}</Table.Th>
            <Table.Th>{t("employees.department")}</Table.Th>
            <Table.Th>{t("employees.location")}</Table.Th>
            <Table.Th>{t("employees.state")}</Table.Th>
            <Table.Th>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {employees.map((e) => {
            const name = `${e.firstName} ${e.lastName}`;
            return (
              <Table.Tr key={e.id}>
                <Table.Td>{e.lastName}</Table.Td>
                <Table.Td>{e.firstName}</Table.Td>
                <Table.Td>{e.email}</Table.Td>
                <Table.Td>{e.department}</Table.Td>
                <Table.Td>{e.location}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={e.active ? "green" : "gray"}>
                    {e.active ? t("employees.isActive") : t("employees.isInactive")}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" aria-label={t("employees.editNamed", { name })} onClick={() => onEdit(e)}>
                      {t("common.edit")}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color={e.active ? "red" : "green"}
                      aria-label={e.active ? t("employees.deactivateNamed", { name }) : t("employees.reactivateNamed", { name })}
                      loading={update.isPending && update.variables?.id === e.id}
                      onClick={() => toggleActive(e)}
                    >
                      {e.active ? t("employees.deactivate") : t("employees.reactivate")}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
