import { Alert, Code, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatIssuePath, type ResultIssue } from "../api/issues";

/** Every problem the server found, with the JSON path it belongs to (the form also marks the fields). */
export function ServerIssues({ issues }: { issues: ResultIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Alert color="red" role="alert" title={t("results.upload.issuesTitle")}>
      <List size="sm" spacing={4}>
        {issues.map((issue, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the server's list has no ids and does not change order
          <List.Item key={i}>
            <Code>{issue.path.length > 0 ? formatIssuePath(issue.path) : t("results.upload.issueRoot")}</Code>{" "}
            <Text span size="sm">
              {issue.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
