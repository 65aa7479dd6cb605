import { Text } from "@mantine/core";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  loading: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure" before cancelling a session or an intervention (people are told by mail). */
export function ConfirmModal({ opened, title, body, confirmLabel, danger = true, loading, error, onConfirm, onClose }: ConfirmModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={title}>
      {opened ? (
        <ModalForm
          onSubmit={onConfirm}
          onCancel={onClose}
          submitLabel={confirmLabel}
          submitColor={danger ? "red" : undefined}
          pending={loading}
          error={error}
          autoFocusSubmit
        >
          <Text>{body}</Text>
        </ModalForm>
      ) : null}
    </FormModal>
  );
}
