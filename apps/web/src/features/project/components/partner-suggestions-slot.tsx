interface PartnerSuggestionsSlotProps {
  phase: number;
  taskKey?: string;
}

/**
 * Reserved mount point: partner suggestions (marketplace) will render here for a phase or a task.
 * Deliberately empty for now so layouts and tests can already find it.
 */
export function PartnerSuggestionsSlot({ phase, taskKey }: PartnerSuggestionsSlotProps) {
  return <section data-slot="partner-suggestions" data-phase={phase} data-task={taskKey} />;
}
