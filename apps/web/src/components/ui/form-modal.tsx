import { Button, Group, type MantineColor, Modal, type ModalProps, Stack } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { notify } from "../../lib/notify";
import { ErrorAlert } from "./error-alert";

interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Mantine labels the dialog with it (aria-labelledby). */
  title: ReactNode;
  size?: ModalProps["size"];
  /**
   * Usually `{opened ? <SomeForm … /> : null}`: the form component mounts with each opening, so its fields and its
   * mutation (with the mutation's error) start fresh, while the Modal itself stays mounted for its transitions and
   * for Mantine's focus trap and focus return.
   */
  children: ReactNode;
}

/** The dialog around a form: Mantine's Modal with a title and a named close button. */
export function FormModal({ opened, onClose, title, size, children }: FormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size={size} title={title} closeButtonProps={{ "aria-label": t("common.close") }}>
      {children}
    </Modal>
  );
}

/** The onSuccess of a form's mutation: a green notification with the message, then close the dialog. */
export function notifyAndClose(message: string, close: () => void): () => void {
  return () => {
    notify({ color: "green", message });
    close();
  };
}

interface ModalFormProps {
  /** Called on submit (button or Enter); the browser's own submit is already prevented. */
  onSubmit: () => void;
  onCancel: () => void;
  submitLabel: string;
  /** Defaults to common.cancel. */
  cancelLabel?: string;
  /** The mutation is running: the submit button shows its loader. */
  pending: boolean;
  /** The mutation's error, shown with ErrorAlert above the fields. */
  error: unknown;
  submitColor?: MantineColor;
  submitDisabled?: boolean;
  /** Focus the submit button when the dialog opens (for confirmations without fields). */
  autoFocusSubmit?: boolean;
  /** Text above the error and the fields. */
  intro?: ReactNode;
  /** More content in the footer, before the Cancel button. */
  footer?: ReactNode;
  /** The fields; mark the first one with data-autofocus. */
  children: ReactNode;
}

/** The form inside a FormModal: error, fields, then Cancel and Submit. */
export function ModalForm({
  onSubmit,
  onCancel,
  submitLabel,
  cancelLabel,
  pending,
  error,
  submitColor,
  submitDisabled,
  autoFocusSubmit,
  intro,
  footer,
  children,
}: ModalFormProps) {
  const { t } = useTranslation();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {intro}
        {error ? <ErrorAlert error={error} /> : null}
        {children}
        <Group justify="flex-end">
          {footer}
          <Button variant="default" onClick={onCancel}>
            {cancelLabel ?? t("common.cancel")}
          </Button>
          <Button
            type="submit"
            color={submitColor}
            loading={pending}
            disabled={submitDisabled}
            data-autofocus={autoFocusSubmit || undefined}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
