"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { ROLES } from "@/lib/auth/permissions";
import { ApiClientError, apiFetch } from "@/lib/client/api";
import type { MemberView } from "@/lib/server/members";
import type { WorkspaceSummary } from "@/lib/server/workspaces";
import { AddMemberForm } from "./add-member-form";

type Invitation = { id: string; email: string; role: string; expiresAt: string };

type Props = {
  workspace: WorkspaceSummary;
  members: MemberView[];
  invitations: Invitation[];
  canManage: boolean;
  currentUserId: string;
};

export function MembersPanel({ workspace, members, invitations, canManage, currentUserId }: Props) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [busyId, setBusyId] = useState<string | null>(null);
  const base = `/api/v1/workspaces/${workspace.id}`;

  async function run(id: string, action: () => Promise<unknown>) {
    setBusyId(id);
    setError("");
    try {
      await action();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Something went wrong. Try again.");
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      <PageHeader title="Members" subtitle={`People in ${workspace.name}`} />
      <div className="space-y-6">
        {error ? <Alert>{error}</Alert> : null}
        {canManage ? (
          <Card title="Add a member">
            <AddMemberForm workspaceId={workspace.id} />
          </Card>
        ) : null}
        <Card title={`${members.length} member${members.length === 1 ? "" : "s"}`}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Members</caption>
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="pb-2 font-medium">
                  Name
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Email
                </th>
                <th scope="col" className="pb-2 font-medium">
                  Role
                </th>
                {canManage ? (
                  <th scope="col" className="pb-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((member) => (
                <tr key={member.userId}>
                  <td className="py-2.5 font-medium">
                    {member.name}
                    {member.userId === currentUserId ? (
                      <span className="ml-2 text-xs text-slate-400">(you)</span>
                    ) : null}
                  </td>
                  <td className="py-2.5 text-slate-600">{member.email}</td>
                  <td className="py-2.5">
                    {canManage ? (
                      <SelectField
                        label={`Role of ${member.name}`}
                        hideLabel
                        className="w-36"
                        value={member.role}
                        disabled={busyId === member.userId}
                        onChange={(event) =>
                          run(member.userId, () =>
                            apiFetch(`${base}/members/${member.userId}`, {
                              method: "PATCH",
                              body: { role: event.target.value },
                            }),
                          )
                        }
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {role.toLowerCase()}
                          </option>
                        ))}
                      </SelectField>
                    ) : (
                      member.role.toLowerCase()
                    )}
                  </td>
                  {canManage ? (
                    <td className="py-2.5 text-right">
                      <Button
                        variant="danger"
                        isBusy={busyId === member.userId}
                        aria-label={`Remove ${member.name}`}
                        onClick={() => {
                          if (window.confirm(`Remove ${member.name} from ${workspace.name}?`)) {
                            void run(member.userId, () =>
                              apiFetch(`${base}/members/${member.userId}`, { method: "DELETE" }),
                            );
                          }
                        }}
                      >
                        Remove
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        {canManage && invitations.length > 0 ? (
          <Card title="Pending invitations">
            <ul className="divide-y divide-slate-100 text-sm">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="flex items-center justify-between py-2.5">
                  <span>
                    {invitation.email} · {invitation.role.toLowerCase()}
                    <span className="ml-2 text-xs text-slate-500">
                      expires {invitation.expiresAt.slice(0, 10)}
                    </span>
                  </span>
                  <Button
                    variant="secondary"
                    isBusy={busyId === invitation.id}
                    onClick={() =>
                      run(invitation.id, () =>
                        apiFetch(`${base}/invitations/${invitation.id}`, { method: "DELETE" }),
                      )
                    }
                  >
                    Revoke
                  </Button>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
