import type { AgentName } from "../shared/agents";
import { FollowUps } from "./FollowUps";
import { JobMatchBox } from "./JobMatchBox";
import { ProfileForm } from "./ProfileForm";

interface Props {
  /** Whether the view is on screen; follow-ups reload each time it comes back. */
  active?: boolean;
  /** Opens an agent's settings (when a run was refused by them). */
  onOpenSettings?: (agent: AgentName) => void;
}

/** The profile, scoring job posts against it, and follow-ups for quiet applications. */
export function ProfileView({ active = true, onOpenSettings }: Props) {
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="profile-title">
        <div className="panel-head">
          <h2 id="profile-title">Profile</h2>
        </div>
        <p className="muted panel-intro">
          Job match scores posts against this. It stays on this computer.
        </p>
        <ProfileForm />
      </section>
      <JobMatchBox onOpenSettings={onOpenSettings} />
      <FollowUps active={active} onOpenSettings={onOpenSettings} />
    </div>
  );
}
