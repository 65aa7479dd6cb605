import type { ReactNode } from "react";

interface PartnerSuggestionsSlotProps {
  phase: number;
  taskKey?: string;
  /** The marketplace's suggestion widget. */
  children?: ReactNode;
}

/**
 * Reserved mount point: partner suggestions (marketplace) will render here for a phase or a task.
 * Deliberately empty for now so layouts and tests can already find it.
 */
export function PartnerSuggestionsSlot({ phase, taskKey, children }: PartnerSuggestionsSlotProps) {
  return (
    <section data-slot="partner-suggestions" data-phase={phase} data-task={taskKey}>
      {children}
    </section>
  );
}
