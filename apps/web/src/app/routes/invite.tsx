import { useNavigate, useParams } from "react-router";
import { NotFound } from "../../components/ui/not-found";
import { InvitationView } from "../../features/organizations/components/invitation-view";

export function InviteRoute() {
  const { id } = useParams();
  const navigate = useNavigate();
  if (!id) return <NotFound />;
  return <InvitationView id={id} onAccepted={() => navigate("/", { replace: true })} />;
}
