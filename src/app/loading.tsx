import { LoadingBlock } from "@/components/ui/spinner";

export default function Loading() {
  return (
    <div className="flex min-h-[40dvh] items-center justify-center">
      <LoadingBlock />
    </div>
  );
}
