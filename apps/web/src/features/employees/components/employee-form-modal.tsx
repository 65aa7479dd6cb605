import type { Employee } from "@bgm/domain";
import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { notify } from "../../../lib/notify";
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
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={employee ? t("employees.editTitle") : t("employees.addTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened ? <EmployeeForm employee={employee} onDone={onClose} /> : null}
    </Modal>
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
  const error = create.error ?? update.error;
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      department: values.department.trim(),
      location: values.location.trim(),
    };
    const onSuccess = () => {
      notify({ color: "green", message: employee ? t("employees.saved") : t("employees.created") });
      onDone();
    };
    if (employee) update.mutate({ id: employee.id, input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error ? (
          <Alert color="red" role="alert">
            {errorMessage(error, t)}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("employees.firstName")} required maxLength={100} data-autofocus {...field("firstName")} />
          <TextInput label={t("employees.lastName")} required maxLength={100} {...field("lastName")} />
        </SimpleGrid>
        <TextInput label={t("employees.email")} type="email" required maxLength={254} {...field("email")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("employees.department")} required maxLength={200} {...field("department")} />
          <TextInput label={t("employees.location")} maxLength={100} {...field("location")} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
