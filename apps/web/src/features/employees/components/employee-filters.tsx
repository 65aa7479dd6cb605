import { Group, NativeSelect, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EmployeeListParams } from "../api/types";

interface EmployeeFiltersProps {
  search: string;
  onSearchChange: (value: string) => void;
  department: string;
  onDepartmentChange: (value: string) => void;
  active: EmployeeListParams["active"];
  onActiveChange: (value: EmployeeListParams["active"]) => void;
  departments: { name: string; count: number }[];
}

export function EmployeeFilters(props: EmployeeFiltersProps) {
  const { t } = useTranslation();
  const departmentOptions = [
    { value: "", label: t("employees.allDepartments") },
    ...props.departments.map((d) => ({ value: d.name, label: `${d.name} (${d.count})` })),
  ];
  if (props.department && !props.departments.some((d) => d.name === props.department)) {
    departmentOptions.push({ value: props.department, label: props.department });
  }
  return (
    <Group align="flex-end" wrap="wrap" mb="md" role="search">
      <TextInput
        label={t("employees.search")}
        placeholder={t("employees.searchPlaceholder")}
        type="search"
        value={props.search}
        onChange={(e) => props.onSearchChange(e.currentTarget.value)}
        w={260}
      />
      <NativeSelect
        label={t("employees.department")}
        value={props.department}
        onChange={(e) => props.onDepartmentChange(e.currentTarget.value)}
        data={departmentOptions}
        w={240}
      />
      <NativeSelect
        label={t("employees.activeFilter")}
        value={props.active}
        onChange={(e) => props.onActiveChange(e.currentTarget.value as EmployeeListParams["active"])}
        data={(["true", "false", "all"] as const).map((v) => ({ value: v, label: t(`employees.active.${v}`) }))}
        w={160}
      />
    </Group>
  );
}
