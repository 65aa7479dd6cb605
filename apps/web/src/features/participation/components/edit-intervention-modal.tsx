import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal, ModalForm } from "../../../components/ui/form-modal";
import { notify } from "../../../lib/notify";
import { useUpdateIntervention } from "../api/interventions";
import type { InterventionDetail } from "../api/types";
import { localizedError } from "../error-text";
import { fieldValues, type InterventionFieldValues, updateBody } from "../intervention-body";
import { InterventionFields } from "./intervention-fields";

export function EditInterventionModal({
  intervention,
  opened,
  onClose,
}: {
  intervention: InterventionDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="lg" title={t("participation.form.editTitle")}>
      {opened ? <EditInterventionForm intervention={intervention} onClose={onClose} /> : null}
    </FormModal>
  );
}

function EditInterventionForm({ intervention, onClose }: { intervention: InterventionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const initial = fieldValues(intervention);
  const [values, setValues] = useState<InterventionFieldValues>(initial);
  const [titleError, setTitleError] = useState<string | undefined>();
  const update = useUpdateIntervention(intervention.id);

  function submit() {
    if (!values.title.trim()) return setTitleError(t("participation.form.titleRequired"));
    setTitleError(undefined);
    const body = updateBody(values, initial);
    if (!body) return onClose();
    update.mutate(body, {
      onSuccess: () => {
        notify({ color: "green", message: t("participation.form.saved") });
        onClose();
      },
    });
  }

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={t("common.save")}
      pending={update.isPending}
      error={localizedError(update.error, t)}
    >
      <InterventionFields values={values} onChange={setValues} optional={false} errors={{ title: titleError }} />
    </ModalForm>
  );
}
