import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewOrgForm } from "@/components/account/new-org-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New organisation" };

export default async function NewOrgPage() {
  if (!(await currentUser())) redirect("/login?callbackUrl=/orgs/new");
  return (
    <>
      <PageHeader
        title="New organisation"
        description="You become its owner. Your other organisations stay as they are; switch between them from the header."
      />
      <Card aria-labelledby="new-org-heading" className="max-w-xl">
        <CardHeader id="new-org-heading" title="Organisation details" />
        <CardBody>
          <NewOrgForm />
        </CardBody>
      </Card>
    </>
  );
}
