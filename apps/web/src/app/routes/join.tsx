import { useParams } from "react-router";
import { NotFound } from "../../components/ui/not-found";
import { JoinView } from "../../features/employee-access";

export function JoinRoute() {
  const { token } = useParams();
  if (!token) return <NotFound />;
  return <JoinView token={token} />;
}
