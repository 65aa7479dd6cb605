import type { Employee } from "@bgm/domain";
import { SimpleGrid, TextInput } from "@mantine/core";
import { type ChangeEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal, ModalForm, notifyAndClose } from "../../../components/ui/form-modal";
import { useCreateEmployee } from "../api/create-employee";
import { useUpdateEmployee } from "../api/update-employee";

interface EmployeeFormModalProps {
  opened: boolean;
  onClose: () => void;
  employee?: Employee;
}

export function EmployeeFormModal({ opened, onClose, employee }: EmployeeFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="lg" title={employee ? t("employees.editTitle") : t("employees.addTitle")}>
      {opened ? <EmployeeForm employee={employee} onDone={onClose} /> : null}
    </FormModal>
  );
}

function EmployeeForm({ employee, onDone }: { employee?: Employee; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateEmployee();
  const update = useUpdateEmployee();
  const [values, setValues] = useState({
    firstName: employee?.firstName ?? "",
    lastName: employee?.lastName ?? "",
    email: employee?.email ?? "",
    department: employee?.department ?? "",
    location: employee?.location ?? "",
  });
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
  });

  function submit() {
    const input = {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      department: values.department.trim(),
      location: values.location.trim(),
    };
    const onSuccess = notifyAndClose(employee ? t("employees.saved") : t("employees.created"), onDone);
    if (employee) update.mutate({ id: employee.id, input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t("common.save")}
      pending={create.isPending || update.isPending}
      error={create.error ?? update.error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("employees.firstName")} required maxLength={100} data-autofocus {...field("firstName")} />
        <TextInput label={t("employees.lastName")} required maxLength={100} {...field("lastName")} />
      </SimpleGrid>
      <TextInput label={t("employees.email")} type="email" required maxLength={254} {...field("email")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("employees.department")} required maxLength={200} {...field("department")} />
        <TextInput label={t("employees.location")} maxLength={100} {...field("location")} />
      </SimpleGrid>
    </ModalForm>
  );
}
