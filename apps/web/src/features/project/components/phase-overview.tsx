import { PHASES, type Project } from "@bgm/domain";
import { SimpleGrid } from "@mantine/core";
import { PhaseCard } from "./phase-card";

/** The six phase cards; without a project (still loading) the same cards with placeholders for the progress. */
export function PhaseOverview({ project }: { project: Project | undefined }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {PHASES.map((phase) => {
        const summary = project?.phases.find((p) => p.number === phase.number);
        return (
          <PhaseCard
            key={phase.number}
            phase={phase}
            tasksDone={summary?.tasksDone ?? 0}
            tasksTotal={summary?.tasksTotal ?? 0}
            current={project?.currentPhase === phase.number}
            loading={!project}
          />
        );
      })}
    </SimpleGrid>
  );
}
