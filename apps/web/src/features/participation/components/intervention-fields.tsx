import {
  defaultFieldOfAction,
  GKV_FIELDS_OF_ACTION,
  type GkvFieldOfActionKey,
  INTERVENTION_APPROACHES,
  OFFERING_CATEGORIES,
} from "@bgm/domain";
import { Group, NativeSelect, Radio, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MoneyInput } from "../../../components/ui/money-input";
import { useLocalized } from "../../../lib/use-localized";
import { approachOf, type InterventionFieldValues } from "../intervention-body";

interface InterventionFieldsProps {
  values: InterventionFieldValues;
  onChange: (values: InterventionFieldValues) => void;
  /** From a source (planned intervention, engagement): empty fields are filled by the API, so none is required. */
  optional: boolean;
  /** Field problems to show under the fields. */
  errors?: Partial<Record<keyof InterventionFieldValues, string>>;
}

/** The fields of an intervention, shared by the create page and the edit dialog. */
export function InterventionFields({ values, onChange, optional, errors = {} }: InterventionFieldsProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  const set = <K extends keyof InterventionFieldValues>(key: K, value: InterventionFieldValues[K]) => onChange({ ...values, [key]: value });
  const groups = [...new Set(GKV_FIELDS_OF_ACTION.map((f) => l(f.field)))];
  return (
    <>
      <TextInput
        label={t("participation.form.title")}
        required={!optional}
        maxLength={200}
        data-autofocus
        value={values.title}
        error={errors.title}
        onChange={(e) => set("title", e.currentTarget.value)}
      />
      <Textarea
        label={t("participation.form.description")}
        autosize
        minRows={3}
        maxLength={5000}
        value={values.description}
        onChange={(e) => set("description", e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("participation.form.category")}
          required={!optional}
          value={values.category}
          error={errors.category}
          onChange={(e) => {
            const category = e.currentTarget.value;
            // The field of action follows the category until the manager picks one of their own.
            const followed =
              !values.fieldOfAction || values.fieldOfAction === (values.category ? defaultFieldOfAction(values.category) : "");
            const field = followed && category ? defaultFieldOfAction(category) : values.fieldOfAction;
            onChange({ ...values, category, fieldOfAction: field, approach: field && followed ? approachOf(field) : values.approach });
          }}
          data={[
            { value: "", label: t("participation.form.chooseCategory") },
            ...OFFERING_CATEGORIES.map((c) => ({ value: c.key, label: l(c.label) })),
          ]}
        />
        <TextInput
          label={t("participation.form.targetGroup")}
          placeholder={t("participation.form.targetGroupPlaceholder")}
          maxLength={200}
          value={values.targetGroup}
          onChange={(e) => set("targetGroup", e.currentTarget.value)}
        />
      </SimpleGrid>
      <NativeSelect
        label={t("participation.form.fieldOfAction")}
        required={!optional}
        value={values.fieldOfAction}
        error={errors.fieldOfAction}
        onChange={(e) => {
          const field = e.currentTarget.value as GkvFieldOfActionKey | "";
          onChange({ ...values, fieldOfAction: field, approach: field ? approachOf(field) : values.approach });
        }}
        data={[
          { value: "", label: t("participation.form.chooseField") },
          ...groups.map((group) => ({
            group,
            items: GKV_FIELDS_OF_ACTION.filter((f) => l(f.field) === group).map((f) => ({ value: f.key, label: l(f.label) })),
          })),
        ]}
      />
      <Radio.Group label={t("participation.form.approach")} value={values.approach} onChange={(v) => set("approach", v)}>
        <Group gap="lg" mt={4}>
          {INTERVENTION_APPROACHES.map((a) => (
            <Radio key={a.key} value={a.key} label={l(a.label)} />
          ))}
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("participation.form.certificationId")}
          description={t("participation.form.certificationHint")}
          maxLength={100}
          value={values.certificationId}
          onChange={(e) => set("certificationId", e.currentTarget.value)}
        />
        <MoneyInput
          label={t("participation.form.cost")}
          description={t("participation.form.costHint")}
          min={0}
          max={1_000_000}
          value={values.cost}
          onChange={(v) => set("cost", v)}
        />
      </SimpleGrid>
    </>
  );
}
