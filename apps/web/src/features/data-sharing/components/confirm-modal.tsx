import { Text } from "@mantine/core";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  loading: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** A red "are you sure" for revoking a grant or a key. */
export function ConfirmModal({ opened, title, body, confirmLabel, loading, error, onConfirm, onClose }: ConfirmModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={title}>
      <ModalForm
        onSubmit={onConfirm}
        onCancel={onClose}
        submitLabel={confirmLabel}
        submitColor="red"
        pending={loading}
        error={error}
        autoFocusSubmit
      >
        <Text>{body}</Text>
      </ModalForm>
    </FormModal>
  );
}
