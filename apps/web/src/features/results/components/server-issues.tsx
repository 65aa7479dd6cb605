import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ResultIssue } from "../api/issues";

/** Every problem the server found, with the field it belongs to by its label (the form also marks the fields). */
export function ServerIssues({ issues }: { issues: ResultIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Alert color="red" role="alert" title={t("results.upload.issuesTitle")}>
      <List size="sm" spacing={4}>
        {issues.map((issue, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the server's list has no ids and does not change order
          <List.Item key={i}>
            <Text span size="sm" fw={600}>
              {issue.field ?? t("results.upload.issueRoot")}:
            </Text>{" "}
            <Text span size="sm">
              {issue.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
