// A certificate's or CRL's dates as the signature pages print them (issue 15 p.2, p.4): «с … по …»,
// with a word, not a colour alone, when it is no longer (or not yet) in force.
import { formatDate } from "@/components/ui/format";

export function Validity({ notBefore, notAfter, now }: { notBefore: Date; notAfter: Date; now: Date }) {
  return (
    <>
      с {formatDate(notBefore)} по {formatDate(notAfter)}
      {notAfter < now ? <Flag>истёк</Flag> : notBefore > now ? <Flag>ещё не действует</Flag> : null}
    </>
  );
}

export function Flag({ children }: { children: React.ReactNode }) {
  return (
    <strong className="ml-2 inline-block rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-900">{children}</strong>
  );
}
