import { PHASES, type Project } from "@bgm/domain";
import { SimpleGrid } from "@mantine/core";
import { PhaseCard } from "./phase-card";

export function PhaseOverview({ project }: { project: Project }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {PHASES.map((phase) => {
        const summary = project.phases.find((p) => p.number === phase.number);
        return (
          <PhaseCard
            key={phase.number}
            phase={phase}
            tasksDone={summary?.tasksDone ?? 0}
            tasksTotal={summary?.tasksTotal ?? 0}
            current={project.currentPhase === phase.number}
          />
        );
      })}
    </SimpleGrid>
  );
}
