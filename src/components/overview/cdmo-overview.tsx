import type { CdmoInvitation, CdmoOverview as Data } from "@/server/overview/cdmo";
import { DueDate } from "@/components/portal/due-date";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { icons } from "@/components/ui/icons";
import { LocalTime } from "@/components/ui/local-time";
import { RFP_STATUS_LABELS } from "@/server/rfps/statuses";
import { GetStarted, Quiet, Row, Rows, Section, Stat, Stats } from "./parts";

const WEEK = 7 * 24 * 60 * 60 * 1000;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Where the CDMO's response stands, in its own words. */
function ResponseState({ i }: { i: CdmoInvitation }) {
  if (i.status === "SUBMITTED") return <Badge tone="success">Submitted</Badge>;
  if (i.status === "DECLINED") return <Badge>Declined</Badge>;
  if (i.draftSavedAt)
    return (
      <Badge tone="brand">
        Draft saved&nbsp;
        <LocalTime value={i.draftSavedAt} pattern="d MMM" />
      </Badge>
    );
  return <Badge tone="warning">{i.status === "VIEWED" ? "Not started" : "New"}</Badge>;
}

function questionsLine(i: CdmoInvitation): string | null {
  const parts = [];
  if (i.questionsAsked) parts.push(`${i.questionsAnswered} of ${plural(i.questionsAsked, "question")} answered`);
  if (i.answersForAll) parts.push(`${plural(i.answersForAll, "answer")} for all invitees`);
  return parts.length ? parts.join(" · ") : null;
}

/** A CDMO's overview: the RFP inbox as work to do. */
export function CdmoOverview({
  data,
  base,
  canEditProfile,
  canInvite,
  now,
}: {
  data: Data;
  base: string;
  canEditProfile: boolean;
  canInvite: boolean;
  now: Date;
}) {
  const fresh = data.openCount === 0 && data.recent.length === 0 && !data.profile.exists;
  const drafts = data.open.filter((i) => i.draftSavedAt && i.status !== "SUBMITTED" && i.status !== "DECLINED").length;
  const submitted = data.open.filter((i) => i.status === "SUBMITTED").length;
  const dueSoon = data.open.filter(
    (i) => i.status !== "SUBMITTED" && i.status !== "DECLINED" && i.dueAt && i.dueAt.getTime() - now.getTime() < WEEK,
  ).length;

  return (
    <>
      {fresh ? (
        <GetStarted
          title="Get started"
          intro="Sponsors find CDMOs in the directory and invite them to RFPs; you answer here."
          steps={[
            {
              title: "Set up your public profile",
              text: "Sites, capabilities by stage, modalities and scale: what sponsors filter the directory on.",
              icon: icons.idCard,
              action: canEditProfile ? (
                <ButtonLink href={`${base}/profile`} variant="primary" size="sm">
                  Set up your profile
                </ButtonLink>
              ) : undefined,
            },
            {
              title: "Bring in your team",
              text: "Responders draft and submit answers; admins manage the profile.",
              icon: icons.userPlus,
              action: canInvite ? (
                <ButtonLink href={`${base}/members`} size="sm">
                  Invite colleagues
                </ButtonLink>
              ) : undefined,
            },
            {
              title: "Answer RFPs",
              text: "Invitations from sponsors arrive here, with their deadlines. Drafts save as you type.",
              icon: icons.send,
            },
          ]}
        />
      ) : (
        <Stats>
          <Stat label="Open invitations" value={data.openCount} icon={icons.inbox} />
          <Stat
            label="Due within 7 days"
            value={dueSoon}
            icon={icons.calendarClock}
            tone={dueSoon ? "attention" : "neutral"}
            hint={dueSoon ? "not yet submitted" : "Nothing due this week"}
          />
          <Stat label="Drafts in progress" value={drafts} icon={icons.draft} />
          <Stat label="Submitted" value={submitted} icon={icons.circleCheck} hint="of the open invitations" />
        </Stats>
      )}

      <div className="grid gap-6 xl:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 xl:col-span-2">
          <Section
            id="to-answer"
            title="Invitations to answer"
            icon={icons.inbox}
            count={data.openCount}
            more={data.openCount > data.open.length ? { href: `${base}/inbox`, label: "All invitations" } : undefined}
          >
            {data.open.length === 0 ? (
              <Quiet>No RFP is waiting for your answer. Sponsors&apos; invitations appear here as they arrive.</Quiet>
            ) : (
              <Rows>
                {data.open.map((i) => (
                  <Row
                    key={i.rfpId}
                    href={`${base}/inbox/${i.rfpId}`}
                    title={i.title}
                    context={`${i.sponsorName}${i.round > 1 ? ` · revision round ${i.round}` : ""}`}
                    meta={
                      <>
                        <ResponseState i={i} />
                        {questionsLine(i) ? (
                          <span className="flex items-center gap-1">
                            <Icon icon={icons.question} className="size-3.5" />
                            {questionsLine(i)}
                          </span>
                        ) : null}
                      </>
                    }
                    aside={
                      i.dueAt ? (
                        <span className="text-ink">
                          <DueDate dueAt={i.dueAt} timeZone={i.timeZone} compact />
                        </span>
                      ) : null
                    }
                  />
                ))}
              </Rows>
            )}
          </Section>

          <Section
            id="recent-rfps"
            title="Recently closed"
            icon={icons.clipboardCheck}
            more={data.recent.length ? { href: `${base}/inbox?show=past`, label: "All past RFPs" } : undefined}
          >
            {data.recent.length === 0 ? (
              <Quiet>RFPs move here when they close, with the sponsor&apos;s decision once it is made.</Quiet>
            ) : (
              <Rows>
                {data.recent.map((i) => (
                  <Row
                    key={i.rfpId}
                    href={`${base}/inbox/${i.rfpId}`}
                    title={i.title}
                    context={i.sponsorName}
                    aside={
                      <>
                        {i.award === "AWARDED" ? (
                          <Badge tone="success">Awarded to you</Badge>
                        ) : i.award === "NOT_AWARDED" ? (
                          <Badge>Not awarded</Badge>
                        ) : (
                          <Badge>{RFP_STATUS_LABELS[i.rfpStatus]}</Badge>
                        )}
                        <span>
                          {i.status === "SUBMITTED"
                            ? "You responded"
                            : i.status === "DECLINED"
                              ? "You declined"
                              : "No response"}
                        </span>
                      </>
                    }
                  />
                ))}
              </Rows>
            )}
          </Section>
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Section id="profile-state" title="Your listing" icon={icons.idCard}>
            {!data.profile.exists ? (
              <Quiet
                action={
                  canEditProfile ? (
                    <ButtonLink href={`${base}/profile`} size="sm">
                      Set up your profile
                    </ButtonLink>
                  ) : undefined
                }
              >
                Sponsors cannot find you in the directory until your organisation has a public profile.
              </Quiet>
            ) : (
              <div className="flex flex-col gap-2 px-4 py-4 text-sm">
                <p className="flex items-center gap-2">
                  {data.profile.published ? (
                    <Badge tone="success">Listed in the directory</Badge>
                  ) : (
                    <Badge tone="warning">Not listed</Badge>
                  )}
                </p>
                <p className="text-ink-muted">
                  {plural(data.profile.stages, "stage")} offered
                  {data.profile.updatedAt ? (
                    <>
                      {" · updated "}
                      <LocalTime value={data.profile.updatedAt} pattern="PP" />
                    </>
                  ) : null}
                </p>
              </div>
            )}
          </Section>
        </div>
      </div>
    </>
  );
}
