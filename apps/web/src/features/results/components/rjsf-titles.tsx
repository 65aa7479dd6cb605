import { Group, Title } from "@mantine/core";
import { type ArrayFieldTitleProps, getUiOptions, type TitleFieldProps, titleId } from "@rjsf/utils";
import type { ReactNode } from "react";

/*
 * The theme's titles are h3 for objects and h4 for lists; inside the dialog (h2) a list first would skip
 * a level. Every group title is an h3 here, sized for a dialog.
 */
function GroupTitle({ id, title, control }: { id: string; title: string; control?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Title id={id} order={3} fz="md" fw={600}>
        {title}
      </Title>
      {control}
    </Group>
  );
}

export function FieldTitle({ id, title, optionalDataControl }: TitleFieldProps) {
  return title ? <GroupTitle id={id} title={title} control={optionalDataControl} /> : null;
}

export function ArrayTitle({ fieldPathId, title, uiSchema, registry, optionalDataControl }: ArrayFieldTitleProps) {
  const { label = true } = getUiOptions(uiSchema, registry.globalUiOptions);
  return title && label ? <GroupTitle id={titleId(fieldPathId)} title={title} control={optionalDataControl} /> : null;
}
